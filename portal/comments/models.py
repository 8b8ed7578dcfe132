"""Comments that registered people write on policy briefs, lessons learned and
joint actions: one level of replies, moderated like forum posts."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal.moderation.models import ModeratedContent


class Comment(ModeratedContent):
    # The moderation queue labels each comment with its page's title.
    moderation_select_related = ("page",)
    moderation_thread = ("page", "created_at")

    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="comments"
    )
    # Replies hang off a top-level comment only; services keep it one level deep.
    parent = models.ForeignKey(
        "self",
        verbose_name=_("in reply to"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="replies",
    )

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        indexes = [models.Index(fields=["page", "status", "created_at"], name="comment_page_idx")]

    def __str__(self):
        return f"{self.page_id}#{self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("comments:detail", kwargs={"pk": self.pk})

    def moderation_label(self) -> str:
        return _("A comment on “%(page)s”") % {"page": self.page.title}

    def moderation_status_changed(self, *, previous: str) -> None:
        from portal.comments.services import comment_status_changed

        comment_status_changed(comment=self, previous=previous)


class PageCommentSettings(models.Model):
    """Whether a page takes new comments; kept here so page models stay untouched.
    A page without a row is open."""

    page = models.OneToOneField(
        "wagtailcore.Page",
        verbose_name=_("page"),
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="comment_settings",
    )
    closed = models.BooleanField(_("comments closed"), default=False)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    changed_at = models.DateTimeField(_("changed at"), auto_now=True)

    class Meta:
        verbose_name = _("page comment settings")
        verbose_name_plural = _("page comment settings")

    def __str__(self):
        return f"{self.page_id}: {'closed' if self.closed else 'open'}"
