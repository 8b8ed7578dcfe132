"""What people write (posts, comments) shares one moderation pipeline: a status,
reports from readers, a record of every moderator action, edit history and
suspensions."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from portal.markup import render_markdown


class ModeratedContent(models.Model):
    """Something a person wrote that readers can report and moderators can hide.

    Concrete models implement ``get_absolute_url()`` and ``moderation_label()`` (a
    short description that never quotes the text, for the public log); who may read
    them is decided by ``portal.audience``.
    """

    class Status(models.TextChoices):
        VISIBLE = "visible", pgettext_lazy("moderation status", "Visible")
        HELD = "held", pgettext_lazy("moderation status", "Held for approval")
        HIDDEN = "hidden", pgettext_lazy("moderation status", "Hidden by a moderator")
        DELETED = "deleted", pgettext_lazy("moderation status", "Deleted")

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="%(app_label)s_%(class)s_set",
    )
    body_source = models.TextField(_("text"))
    body_html = models.TextField(_("rendered text"), editable=False)
    language = models.CharField(_("language"), max_length=8, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.VISIBLE, db_index=True
    )
    hidden_reason = models.TextField(_("reason for hiding"), blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, db_index=True)
    edited_at = models.DateTimeField(_("edited at"), null=True, blank=True)
    edit_count = models.PositiveIntegerField(_("number of edits"), default=0)

    # ``(parent field, ordering field)`` that place an item in its thread, so the
    # moderation page can show what came before and after it; ``None``: no thread.
    moderation_thread: tuple[str, str] | None = None

    class Meta:
        abstract = True

    def set_body(self, source: str) -> None:
        """Keep the text as written and its sanitised HTML side by side."""
        # PostgreSQL cannot store NUL characters, and no one means to type them.
        source = (source or "").replace("\x00", "")
        self.body_source = source
        self.body_html = render_markdown(source)

    @property
    def is_visible(self) -> bool:
        return self.status == self.Status.VISIBLE

    @property
    def is_edited(self) -> bool:
        return self.edit_count > 0

    def get_absolute_url(self) -> str:
        raise NotImplementedError

    def moderation_label(self) -> str:
        raise NotImplementedError

    def moderation_status_changed(self, *, previous: str) -> None:
        """Called inside the moderation transaction after the status changed, so the
        owning app can keep its counters and notices right."""


class GenericTarget(models.Model):
    """A pointer to any moderated object."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    content_object = GenericForeignKey("content_type", "object_id")

    class Meta:
        abstract = True


class Report(GenericTarget):
    """A reader's flag on a post or comment, waiting for a moderator."""

    class Reason(models.TextChoices):
        SPAM = "spam", pgettext_lazy("report reason", "Spam or advertising")
        ABUSE = "abuse", pgettext_lazy("report reason", "Abusive or hateful")
        PERSONAL_DATA = "personal_data", pgettext_lazy("report reason", "Reveals personal data")
        OFF_TOPIC = "off_topic", pgettext_lazy("report reason", "Off topic")
        MISINFORMATION = "misinformation", pgettext_lazy("report reason", "False or misleading")
        OTHER = "other", pgettext_lazy("report reason", "Something else")

    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reported by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="moderation_reports",
    )
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    details = models.TextField(_("details"), blank=True, max_length=1000)
    created_at = models.DateTimeField(_("reported at"), default=timezone.now)
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("resolved by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        indexes = [models.Index(fields=["content_type", "object_id", "resolved_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "reporter"],
                condition=models.Q(resolved_at__isnull=True),
                name="moderation_report_one_open_per_reporter",
            )
        ]

    def __str__(self):
        return f"{self.get_reason_display()} ({self.content_type.model} {self.object_id})"


class ModerationAction(models.Model):
    """One moderator decision: the audit trail, and the source of the public log."""

    class Kind(models.TextChoices):
        APPROVE = "approve", pgettext_lazy("moderation action", "Approved")
        HIDE = "hide", pgettext_lazy("moderation action", "Hidden")
        RESTORE = "restore", pgettext_lazy("moderation action", "Restored")
        EDIT = "edit", pgettext_lazy("moderation action", "Edited")
        DELETE = "delete", pgettext_lazy("moderation action", "Deleted")
        DISMISS = "dismiss", pgettext_lazy("moderation action", "Reports dismissed")
        LOCK = "lock", pgettext_lazy("moderation action", "Locked")
        UNLOCK = "unlock", pgettext_lazy("moderation action", "Unlocked")
        CLOSE = "close", pgettext_lazy("moderation action", "Closed")
        REOPEN = "reopen", pgettext_lazy("moderation action", "Reopened")
        PIN = "pin", pgettext_lazy("moderation action", "Pinned")
        UNPIN = "unpin", pgettext_lazy("moderation action", "Unpinned")
        MOVE = "move", pgettext_lazy("moderation action", "Moved")
        SUSPEND = "suspend", pgettext_lazy("moderation action", "Suspended")
        UNSUSPEND = "unsuspend", pgettext_lazy("moderation action", "Suspension lifted")
        TRUST = "trust", pgettext_lazy("moderation action", "Trust level set")

    class Role(models.TextChoices):
        MODERATOR = "moderator", pgettext_lazy("moderation role", "Moderator")
        ADMINISTRATOR = "administrator", pgettext_lazy("moderation role", "Administrator")

    # Decisions the public log lists: what readers could notice disappearing or changing.
    PUBLIC_KINDS = frozenset({Kind.HIDE, Kind.DELETE, Kind.LOCK, Kind.CLOSE, Kind.MOVE})

    kind = models.CharField(_("action"), max_length=12, choices=Kind.choices)
    content_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    content_object = GenericForeignKey("content_type", "object_id")
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderator"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="moderation_actions",
    )
    moderator_role = models.CharField(_("role"), max_length=40, choices=Role.choices)
    subject_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person concerned"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    target_label = models.CharField(_("what"), max_length=300)
    # The audience scope of the content (see ``portal.audience``): who may read this
    # entry in the public log.
    scope = models.CharField(_("visibility scope"), max_length=40, default="public")
    reason = models.TextField(_("reason"), blank=True)
    is_public = models.BooleanField(_("shown in the public log"), default=False)
    created_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("moderation action")
        verbose_name_plural = _("moderation actions")
        indexes = [models.Index(fields=["is_public", "scope", "created_at"])]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.target_label}"


class EditRevision(GenericTarget):
    """The text of a post or comment as it was before an edit, kept for moderators."""

    body_source = models.TextField(_("previous text"))
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("edited by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("replaced at"), default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("edit revision")
        verbose_name_plural = _("edit revisions")
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"{self.content_type.model} {self.object_id} @ {self.created_at:%Y-%m-%d %H:%M}"


class Suspension(models.Model):
    """A period during which a person may read but not write."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="suspensions",
    )
    starts_at = models.DateTimeField(_("from"), default=timezone.now)
    ends_at = models.DateTimeField(_("until"))
    reason = models.TextField(_("reason"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("suspended by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lifted_at = models.DateTimeField(_("lifted at"), null=True, blank=True)

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("suspension")
        verbose_name_plural = _("suspensions")
        indexes = [models.Index(fields=["user", "ends_at"])]

    def __str__(self):
        return f"{self.user} until {self.ends_at:%Y-%m-%d %H:%M}"

    @property
    def is_active(self) -> bool:
        now = timezone.now()
        return self.lifted_at is None and self.starts_at <= now < self.ends_at
