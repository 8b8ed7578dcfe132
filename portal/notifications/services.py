"""Writes of notifications, watches and preferences."""

from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone

from portal.notifications.models import (
    EmailOutbox,
    Notification,
    NotificationPreference,
    Watch,
    watch_content_type,
)
from portal.notifications.outbox import outbox_entries
from portal.notifications.tasks import notifications_fan_out_task, outbox_send_task
from portal.notifications.tokens import ALL
from portal.notifications.verbs import Kind
from portal.text import excerpt as excerpt_of


def notification_create(
    *, recipients: Iterable, verb: str, summary: str, url: str, actor=None, target=None, excerpt: str = ""
):
    """Notify ``recipients`` that ``actor`` did ``verb`` (a ``Verb``) to ``target``.

    The request only enqueues one task with the people's ids; the worker writes one
    notification per recipient and queues their emails (see
    ``portal.notifications.fanout``), so an announcement costs a writer the same
    whether a topic has two watchers or two thousand. There, the actor and inactive
    people are skipped, and so is anybody the target's ``can_view(user)`` refuses.

    ``summary`` is plain text written by people (a title, a name) and ``excerpt``
    the text the event is about (a post, a comment, a message), kept to its
    beginning; both are shown escaped. With the database task backend the task is written in the caller's
    transaction, so it runs only if the caller's data is saved.
    """
    recipient_ids = list(dict.fromkeys(user.pk for user in recipients if user is not None))
    if actor is not None and actor.pk in recipient_ids:
        recipient_ids.remove(actor.pk)
    if not recipient_ids:
        return None
    return notifications_fan_out_task.enqueue(
        recipient_ids=recipient_ids,
        verb=str(verb),
        summary=summary or "",
        url=url,
        actor_id=actor.pk if actor is not None else None,
        target=[ContentType.objects.get_for_model(target).pk, target.pk] if target is not None else None,
        excerpt=excerpt_of(excerpt),
    )


@transaction.atomic
def email_send(*, message: EmailMessage, recipient=None) -> list[EmailOutbox]:
    """Send a rendered email through the outbox: its rows are written now and the
    worker sends them, retrying while the relay is down. Use this for every email
    instead of ``message.send()``, which would wait on the relay in the request."""
    entries = EmailOutbox.objects.bulk_create(outbox_entries(message, recipient=recipient))
    if entries:
        outbox_send_task.enqueue([entry.pk for entry in entries])
    return entries


@transaction.atomic
def notifications_mark_read(*, user, ids: Iterable[int] | None = None) -> int:
    """Mark the person's unread notifications read (only ``ids`` when given)."""
    unread = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if ids is not None:
        unread = unread.filter(pk__in=list(ids))
    return unread.update(read_at=timezone.now())


@transaction.atomic
def watch_start(*, user, target) -> Watch:
    """Start watching a forum, topic or page (again harmless when already watching)."""
    watch, _created = Watch.objects.get_or_create(
        user=user, content_type=watch_content_type(target), object_id=target.pk
    )
    return watch


@transaction.atomic
def watch_stop(*, user, target) -> None:
    Watch.objects.filter(user=user, content_type=watch_content_type(target), object_id=target.pk).delete()


@transaction.atomic
def preference_update(*, user, **changes) -> NotificationPreference:
    """Save the person's email preferences (``email_mode``, ``email_<kind>``, ``language``)."""
    allowed = {"email_mode", "language", *(f"email_{kind}" for kind in Kind.values)}
    unknown = set(changes) - allowed
    if unknown:
        raise ValueError(f"Unknown preference: {', '.join(sorted(unknown))}")
    preference, _created = NotificationPreference.objects.get_or_create(user=user)
    for name, value in changes.items():
        setattr(preference, name, value)
    preference.full_clean()
    preference.save()
    return preference


@transaction.atomic
def unsubscribe_apply(*, user_id: int, scope: str) -> NotificationPreference | None:
    """Stop the emails a signed unsubscribe link names: one kind, or all of them."""
    user = get_user_model().objects.filter(pk=user_id).first()
    if user is None:
        return None
    if scope == ALL:
        return preference_update(user=user, email_mode=NotificationPreference.EmailMode.OFF)
    return preference_update(user=user, **{f"email_{scope}": False})
