"""Turning one announced event into one notification (and maybe one email) per
recipient. This runs in the task worker, never in the request that caused it: the
request enqueues ``notifications_fan_out_task`` with ids only, and the worker loads
the people and the target fresh, so the visibility check happens as late as it can.
"""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from portal import audience
from portal.notifications.emails import emails_queue_immediate
from portal.notifications.models import Notification
from portal.notifications.selectors import preferences_for

SUMMARY_LENGTH = 300


def _load_target(target: tuple[int, int] | None):
    if target is None:
        return None, None
    content_type = ContentType.objects.get_for_id(target[0])
    return content_type, content_type.model_class()._default_manager.filter(pk=target[1]).first()


def _may_hear(user, target) -> bool:
    """Somebody the audience policy does not let see the target is left out
    entirely, so no in-app entry and no email reveals content beyond its audience;
    the target's author always hears about their own contribution (a moderator hid
    it, say)."""
    if target is None or user.pk == getattr(target, "author_id", None):
        return True
    return audience.can_view(user, target)


@transaction.atomic
def notifications_fan_out(
    *,
    recipient_ids: list[int],
    verb: str,
    summary: str,
    url: str,
    actor_id: int | None = None,
    target: tuple[int, int] | None = None,
    excerpt: str = "",
) -> list[int]:
    """Write the notifications of one event and queue the emails their recipients
    want now; returns the ids of the queued emails (the caller sends them).

    The actor is never notified of their own action, and nor is an inactive person;
    a target deleted before this runs notifies nobody."""
    content_type, instance = _load_target(target)
    if target is not None and instance is None:
        return []
    users = get_user_model().objects.filter(pk__in=recipient_ids, is_active=True).exclude(pk=actor_id)
    chosen = [user for user in users.order_by("pk") if _may_hear(user, instance)]
    if not chosen:
        return []
    notifications = Notification.objects.bulk_create(
        [
            Notification(
                recipient=user,
                verb=verb,
                actor_id=actor_id,
                target_content_type=content_type,
                target_object_id=instance.pk if instance is not None else None,
                url=url[:500],
                summary=" ".join((summary or "").split())[:SUMMARY_LENGTH],
                excerpt=(excerpt or "")[:SUMMARY_LENGTH],
            )
            for user in chosen
        ]
    )
    return emails_queue_immediate(notifications, preferences_for(chosen))
