"""In-app notifications, what people watch, how they want to be emailed, and the
outbox that makes email delivery survive a mail server outage."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import Resolver404, resolve, translate_url
from django.utils.translation import get_language, get_language_from_path, override
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from portal.notifications.verbs import Kind, kind_for_verb, sentence


def url_in_language(url: str, language: str) -> str:
    """``url`` with its language prefix switched to ``language``: a notification is
    stored once, with the actor's language, and read in the recipient's.

    Wagtail page addresses are left alone (a page's translation has its own slug)."""
    # Addresses only resolve in the language of their own prefix.
    with override(get_language_from_path(urlsplit(url).path) or settings.LANGUAGE_CODE):
        try:
            match = resolve(urlsplit(url).path)
        except Resolver404:
            return url
        if match.url_name == "wagtail_serve":
            return url
        return translate_url(url, language)


def watch_content_type(target) -> ContentType:
    """The content type a watch is filed under: every kind of page counts as a
    page, so that a watch does not depend on how the page was loaded."""
    model = target if isinstance(target, type) else type(target)
    if issubclass(model, Page):
        model = Page
    return ContentType.objects.get_for_model(model)


class Watch(models.Model):
    """A person following a forum, a topic or a page to hear about new activity."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.CASCADE, related_name="watches"
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    created_at = models.DateTimeField(_("since"), auto_now_add=True)

    class Meta:
        verbose_name = _("watch")
        verbose_name_plural = _("watches")
        constraints = [
            models.UniqueConstraint(fields=["user", "content_type", "object_id"], name="unique_watch"),
        ]
        indexes = [models.Index(fields=["content_type", "object_id"], name="watch_target_idx")]

    def __str__(self):
        return f"{self.user} → {self.content_type.model} {self.object_id}"


class Notification(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    verb = models.CharField(_("verb"), max_length=40)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("actor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    target_content_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    target_object_id = models.PositiveBigIntegerField(null=True, blank=True)
    target = GenericForeignKey("target_content_type", "target_object_id")
    url = models.CharField(_("address"), max_length=500)
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    # The beginning of what was written (a post, a comment, a message), plain text.
    excerpt = models.CharField(_("excerpt"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)
    # Set when the notification went into an email (immediately or in a digest),
    # so that the daily digest never repeats itself.
    emailed_at = models.DateTimeField(_("emailed"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [
            models.Index(fields=["recipient", "read_at"], name="notification_unread_idx"),
            models.Index(fields=["recipient", "-created_at"], name="notification_recent_idx"),
        ]

    def __str__(self):
        return f"{self.verb} → {self.recipient}"

    @property
    def kind(self) -> str:
        return kind_for_verb(self.verb)

    @property
    def sentence(self) -> str:
        return sentence(self.verb, self.actor)

    @property
    def is_unread(self) -> bool:
        return self.read_at is None

    @property
    def localised_url(self) -> str:
        """The address in the active language (see ``url_in_language``)."""
        return url_in_language(self.url, get_language() or settings.LANGUAGE_CODE)


class NotificationPreference(models.Model):
    """How one person wants to hear about notifications by email.

    A person without a row gets the defaults: immediate emails of every kind, in
    English.
    """

    class EmailMode(models.TextChoices):
        IMMEDIATE = "immediate", _("One email for each notification")
        DAILY = "daily", _("One daily digest")
        OFF = "off", _("No emails")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="notification_preference",
    )
    email_mode = models.CharField(
        _("email"), max_length=12, choices=EmailMode.choices, default=EmailMode.IMMEDIATE
    )
    email_watched = models.BooleanField(Kind.WATCHED.label, default=True)
    email_replies = models.BooleanField(Kind.REPLIES.label, default=True)
    email_moderation = models.BooleanField(Kind.MODERATION.label, default=True)
    email_membership = models.BooleanField(Kind.MEMBERSHIP.label, default=True)
    email_answers = models.BooleanField(Kind.ANSWERS.label, default=True)
    email_sign_off = models.BooleanField(Kind.SIGN_OFF.label, default=True)
    language = models.CharField(_("language of emails"), max_length=8, choices=settings.LANGUAGES, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")

    def __str__(self):
        return str(self.user)

    def emails_kind(self, kind: str) -> bool:
        return self.email_mode != self.EmailMode.OFF and getattr(self, f"email_{kind}", True)

    @property
    def email_language(self) -> str:
        return self.language or "en"


class EmailOutbox(models.Model):
    """One email waiting to go out, sent or given up on.

    Emails are written here in the same transaction as the notification, then sent
    by ``outbox_send_pending``; a failed attempt is retried later with a growing
    delay, so a mail server outage delays email and never loses it.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    to_address = models.EmailField(_("to"))
    subject = models.CharField(_("subject"), max_length=300)
    body_text = models.TextField(_("text"))
    body_html = models.TextField(_("HTML"), blank=True)
    headers = models.JSONField(_("headers"), default=dict, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), db_index=True)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("outgoing email")
        verbose_name_plural = _("outgoing emails")
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="outbox_due_idx")]

    def __str__(self):
        return f"{self.to_address}: {self.subject}"
