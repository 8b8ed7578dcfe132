"""Forums per thematic area: forums, topics, posts, reactions and read state.

Counters (posts in a topic, topics and posts in a forum) count only what every
reader of the forum can see, and are kept by ``forums.services`` with ``F()``
updates, never in ``save()``.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, PageChooserPanel

from portal.audience import Audience
from portal.i18n import language_direction
from portal.models import LocalisedNameMixin, localised_value
from portal.moderation.models import ModeratedContent


class Forum(LocalisedNameMixin):
    """A place to discuss one thematic area, the fund in general, or one joint action."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    description = models.TextField(_("description (English)"), blank=True)
    description_ar = models.TextField(_("description (Arabic)"), blank=True)
    description_fr = models.TextField(_("description (French)"), blank=True)
    theme = models.ForeignKey(
        "portal.ThematicArea",
        verbose_name=_("thematic area"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="forums",
    )
    joint_action = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("joint action"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("For a joint action's own discussion space."),
    )
    visibility = models.CharField(
        _("who may read"),
        max_length=20,
        choices=Audience.choices,
        default=Audience.PUBLIC,
        help_text=_("Partners-only forums are read, searched and counted only by partner members."),
    )
    organisation = models.ForeignKey(
        "portal.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="forums",
        help_text=_("For a forum only one organisation's members may read."),
    )
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)
    topic_count = models.PositiveIntegerField(default=0, editable=False)
    post_count = models.PositiveIntegerField(default=0, editable=False)
    last_activity_at = models.DateTimeField(null=True, blank=True, editable=False)

    panels = [
        FieldPanel("name"),
        FieldPanel("name_ar"),
        FieldPanel("name_fr"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("description_ar"),
        FieldPanel("description_fr"),
        FieldPanel("theme"),
        FieldPanel("visibility"),
        FieldPanel("organisation"),
        PageChooserPanel("joint_action", "knowledge.JointActionPage"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("forum")
        verbose_name_plural = _("forums")

    def clean(self):
        super().clean()
        for_one = self.visibility == Audience.ORGANISATION
        if for_one and self.organisation_id is None:
            raise ValidationError(
                {"organisation": _("Choose the organisation whose members may read this forum.")}
            )
        if not for_one and self.organisation_id is not None:
            raise ValidationError(
                {"organisation": _("Only a forum for one organisation names an organisation.")}
            )

    def get_absolute_url(self):
        return reverse("forums:forum_detail", kwargs={"slug": self.slug})

    @property
    def description_label(self):
        return localised_value(self, "description")

    @property
    def is_restricted(self) -> bool:
        """Whether some readers cannot read this forum (its badge names who can)."""
        return self.visibility != Audience.PUBLIC

    @property
    def is_partners_only(self) -> bool:
        return self.visibility == Audience.PARTNERS


class Topic(models.Model):
    """A conversation in a forum. Its status follows its first post: a topic whose
    opening post is held or hidden is held or hidden too."""

    Status = ModeratedContent.Status

    forum = models.ForeignKey(Forum, verbose_name=_("forum"), on_delete=models.CASCADE, related_name="topics")
    title = models.CharField(_("title"), max_length=200)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="forum_topics",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.VISIBLE, db_index=True
    )
    created_at = models.DateTimeField(_("started at"), default=timezone.now, db_index=True)
    last_activity_at = models.DateTimeField(_("latest activity"), default=timezone.now, db_index=True)
    pinned = models.BooleanField(pgettext_lazy("topic", "pinned"), default=False)
    locked = models.BooleanField(pgettext_lazy("topic", "locked"), default=False)
    closed = models.BooleanField(pgettext_lazy("topic", "closed"), default=False)
    linked_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("resource discussed"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="forum_topics",
    )
    answer = models.ForeignKey(
        "Post",
        verbose_name=_("answer or outcome"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lesson = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("lesson learned drafted from it"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="source_topics",
        editable=False,
    )
    # Numbers given to posts so far (held and hidden posts keep theirs).
    last_number = models.PositiveIntegerField(default=0, editable=False)
    # Posts every reader of the forum can see.
    post_count = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["-pinned", "-last_activity_at", "-pk"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        indexes = [
            models.Index(fields=["forum", "status", "-last_activity_at"]),
            models.Index(fields=["forum", "status", "-created_at"]),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("forums:topic_detail", kwargs={"pk": self.pk})

    @property
    def is_open_for_replies(self) -> bool:
        return not (self.locked or self.closed)

    def moderation_label(self) -> str:
        if self.status != self.Status.VISIBLE:
            return _("A topic in the forum “%(forum)s”") % {"forum": self.forum.name}
        return _("Topic “%(topic)s”") % {"topic": self.title}


class Post(ModeratedContent):
    """One message in a topic, possibly replying to or quoting an earlier one."""

    topic = models.ForeignKey(Topic, verbose_name=_("topic"), on_delete=models.CASCADE, related_name="posts")
    number = models.PositiveIntegerField(_("number in the topic"))
    reply_to = models.ForeignKey(
        "self",
        verbose_name=_("in reply to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="replies",
    )
    quoted = models.ForeignKey(
        "self",
        verbose_name=_("quotes"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    helpful_count = models.PositiveIntegerField(default=0, editable=False)

    # What the moderation queue loads with each post to describe it.
    moderation_select_related = ("topic", "topic__forum")
    moderation_thread = ("topic", "number")

    class Meta:
        ordering = ["number"]
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        constraints = [models.UniqueConstraint(fields=["topic", "number"], name="forums_post_number_unique")]
        indexes = [models.Index(fields=["topic", "status", "number"])]

    def __str__(self):
        return f"{self.topic} #{self.number}"

    @property
    def is_first(self) -> bool:
        return self.number == 1

    @property
    def direction(self) -> str:
        """The writing direction of the language the post was recorded in."""
        return language_direction(self.language)

    def get_absolute_url(self):
        return reverse("forums:post_detail", kwargs={"pk": self.pk})

    def moderation_label(self) -> str:
        # A hidden opening post hides its topic's title too, so the label never repeats it.
        topic = self.topic
        if self.is_first or topic.status != Topic.Status.VISIBLE:
            return _("A topic in the forum “%(forum)s”") % {"forum": topic.forum.name}
        return _("Post #%(number)s in “%(topic)s”") % {"number": self.number, "topic": topic.title}

    def moderation_status_changed(self, *, previous: str) -> None:
        from forums.services import post_status_changed

        post_status_changed(post=self, previous=previous)


class Reaction(models.Model):
    """A reader marking a post as helpful."""

    class Kind(models.TextChoices):
        HELPFUL = "helpful", pgettext_lazy("reaction", "Helpful")

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reactions")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.HELPFUL)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("reaction")
        verbose_name_plural = _("reactions")
        constraints = [
            models.UniqueConstraint(fields=["post", "user", "kind"], name="forums_reaction_unique"),
        ]

    def __str__(self):
        return f"{self.kind}: {self.user_id} → {self.post_id}"


class TopicReadState(models.Model):
    """How far a person has read a topic, for unread markers and "first unread"."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="read_states")
    last_read_number = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("read position")
        verbose_name_plural = _("read positions")
        constraints = [
            models.UniqueConstraint(fields=["user", "topic"], name="forums_read_state_unique"),
        ]

    def __str__(self):
        return f"{self.user_id} read {self.topic_id} to #{self.last_read_number}"
