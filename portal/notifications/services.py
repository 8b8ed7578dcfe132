"""Writes of notifications, watches and preferences."""

from collections.abc import Callable, Iterable
from functools import partial

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from portal import audience
from portal.notifications import app_settings
from portal.notifications.emails import emails_queue_immediate, outbox_send_pending
from portal.notifications.models import Notification, NotificationPreference, Watch, watch_content_type
from portal.notifications.selectors import preferences_for
from portal.notifications.tokens import ALL
from portal.notifications.verbs import Kind

SUMMARY_LENGTH = 300


def _send_after_commit(outbox_ids: list[int]) -> None:
    # Runs after the caller's data is committed, and swallows every failure
    # (outbox_send_pending records it), so the caller's post is never affected.
    transaction.on_commit(lambda: outbox_send_pending(ids=outbox_ids), robust=True)


@transaction.atomic
def notification_create(
    *,
    recipients: Iterable,
    verb: str,
    summary: str,
    url: str,
    actor=None,
    target=None,
    visible_to: Callable[[object], bool] | None = None,
) -> list[Notification]:
    """Notify ``recipients`` that ``actor`` did ``verb`` (a ``Verb``) to ``target``.

    The actor is never notified of their own action, and nor is an inactive person.
    Somebody who may not see the target is left out entirely, so no in-app entry and
    no email reveals content beyond its audience: the audience policy
    (``portal.audience.can_view``) decides, unless ``visible_to`` (a function taking
    a person and returning whether they may see the target) is given. Without a
    target, nothing is left out.

    ``summary`` is plain text written by people (a title, an excerpt); it is shown
    escaped. Emails are queued in the same transaction, in each recipient's
    language and according to their preferences, and are sent after commit;
    a failed send stays in the outbox for ``notifications_send``.
    """
    can_view = visible_to
    if can_view is None and target is not None:
        can_view = partial(audience.can_view, obj=target)
    chosen, seen = [], set()
    for user in recipients:
        if user is None or user.pk in seen:
            continue
        seen.add(user.pk)
        if actor is not None and user.pk == actor.pk:
            continue
        if not user.is_active or (can_view is not None and not can_view(user)):
            continue
        chosen.append(user)
    if not chosen:
        return []

    content_type = ContentType.objects.get_for_model(target) if target is not None else None
    notifications = Notification.objects.bulk_create(
        [
            Notification(
                recipient=user,
                verb=verb,
                actor=actor,
                target_content_type=content_type,
                target_object_id=target.pk if target is not None else None,
                url=url[:500],
                summary=" ".join((summary or "").split())[:SUMMARY_LENGTH],
            )
            for user in chosen
        ]
    )
    outbox_ids = emails_queue_immediate(notifications, preferences_for(chosen))
    if outbox_ids and app_settings.send_on_commit():
        _send_after_commit(outbox_ids)
    return notifications


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
