"""Writing notification emails and digests into the outbox.

Emails are rendered in the recipient's language when they are queued; sending is
the outbox's business (``portal.notifications.outbox``), later and elsewhere, so a
slow or broken mail server never blocks or undoes the post that caused the email.
"""

from datetime import timedelta

from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from portal.notifications import app_settings
from portal.notifications.models import EmailOutbox, Notification, NotificationPreference, url_in_language
from portal.notifications.tokens import ALL, unsubscribe_token
from portal.site_address import absolute_url

DIGEST_ITEM_LIMIT = 50


def _render(name: str, context: dict) -> tuple[str, str, str]:
    subject = render_to_string(f"notifications/email/{name}_subject.txt", context)
    text = render_to_string(f"notifications/email/{name}.txt", context)
    html = render_to_string(f"notifications/email/{name}.html", context)
    # Header injection is impossible with a one-line subject.
    return " ".join(subject.split())[:300], text, html


def _outbox_entry(*, user, scope: str, template: str, context: dict, now) -> EmailOutbox:
    unsubscribe_url = absolute_url(
        reverse("notifications:unsubscribe", args=[unsubscribe_token(user=user, scope=scope)])
    )
    context = {
        **context,
        "recipient": user,
        "site_url": absolute_url("/"),
        "unsubscribe_url": unsubscribe_url,
        "unsubscribe_all_url": absolute_url(
            reverse("notifications:unsubscribe", args=[unsubscribe_token(user=user, scope=ALL)])
        ),
        "preferences_url": absolute_url(reverse("notifications:preferences")),
    }
    subject, text, html = _render(template, context)
    return EmailOutbox(
        recipient=user,
        to_address=user.email,
        subject=subject,
        body_text=text,
        body_html=html,
        # RFC 8058: mail programs offer a one-click unsubscribe that POSTs here.
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
        next_attempt_at=now,
    )


def emails_queue_immediate(notifications, preferences: dict[int, NotificationPreference]) -> list[int]:
    """Queue one email per notification whose recipient wants it now; returns outbox ids."""
    now = timezone.now()
    entries, emailed = [], []
    for notification in notifications:
        user = notification.recipient
        preference = preferences[user.pk]
        if not user.email or preference.email_mode != NotificationPreference.EmailMode.IMMEDIATE:
            continue
        if not preference.emails_kind(notification.kind):
            continue
        with translation.override(preference.email_language):
            entries.append(
                _outbox_entry(
                    user=user,
                    scope=notification.kind,
                    template="notification",
                    context={
                        "notification": notification,
                        "sentence": notification.sentence,
                        "url": absolute_url(url_in_language(notification.url, preference.email_language)),
                    },
                    now=now,
                )
            )
        emailed.append(notification.pk)
    if not entries:
        return []
    created = EmailOutbox.objects.bulk_create(entries)
    Notification.objects.filter(pk__in=emailed).update(emailed_at=now)
    return [entry.pk for entry in created]


def digest_queue(*, now=None) -> int:
    """Queue one digest email per person who chose the daily digest and has unread,
    not yet emailed notifications; returns how many digests were queued."""
    now = now or timezone.now()
    since = now - timedelta(days=app_settings.digest_max_age_days())
    queued = 0
    preferences = NotificationPreference.objects.filter(
        email_mode=NotificationPreference.EmailMode.DAILY, user__is_active=True
    ).select_related("user")
    for preference in preferences.iterator():
        user = preference.user
        if not user.email:
            continue
        pending = Notification.objects.filter(
            recipient=user, emailed_at__isnull=True, read_at__isnull=True, created_at__gte=since
        ).select_related("actor", "actor__profile")
        items = [n for n in pending if preference.emails_kind(n.kind)]
        if not items:
            continue
        with translation.override(preference.email_language):
            shown = [
                {
                    "sentence": n.sentence,
                    "summary": n.summary,
                    "excerpt": n.excerpt,
                    "url": absolute_url(url_in_language(n.url, preference.email_language)),
                }
                for n in items[:DIGEST_ITEM_LIMIT]
            ]
            entry = _outbox_entry(
                user=user,
                scope=ALL,
                template="digest",
                context={
                    "items": shown,
                    "count": len(items),
                    "more": max(0, len(items) - DIGEST_ITEM_LIMIT),
                    "list_url": absolute_url(reverse("notifications:list")),
                },
                now=now,
            )
        with transaction.atomic():
            entry.save()
            Notification.objects.filter(pk__in=[n.pk for n in items]).update(emailed_at=now)
        queued += 1
    return queued
