"""Reads of notifications, watches and preferences."""

from django.contrib.auth import get_user_model
from django.db.models import QuerySet

from portal.notifications.models import Notification, NotificationPreference, Watch, watch_content_type


def unread_count(user) -> int:
    """How many notifications the person has not read: one query, none when anonymous."""
    if not getattr(user, "is_authenticated", False):
        return 0
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def notification_list(*, user) -> QuerySet[Notification]:
    """The person's notifications, newest first, with their actors."""
    return Notification.objects.filter(recipient=user).select_related("actor", "actor__profile")


def preference_for(user) -> NotificationPreference:
    """The person's preferences, or unsaved defaults when they never chose."""
    try:
        return NotificationPreference.objects.get(user=user)
    except NotificationPreference.DoesNotExist:
        return NotificationPreference(user=user)


def preferences_for(users) -> dict[int, NotificationPreference]:
    """Preferences of many people in one query, defaults filled in."""
    users = list(users)
    saved = {p.user_id: p for p in NotificationPreference.objects.filter(user__in=[u.pk for u in users])}
    return {u.pk: saved.get(u.pk) or NotificationPreference(user=u) for u in users}


def watchers(target) -> QuerySet:
    """Active people watching ``target`` (a forum, a topic, a page, ...)."""
    content_type = watch_content_type(target)
    watcher_ids = Watch.objects.filter(content_type=content_type, object_id=target.pk).values("user_id")
    return get_user_model().objects.filter(pk__in=watcher_ids, is_active=True)


def is_watching(*, user, target) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    content_type = watch_content_type(target)
    return Watch.objects.filter(user=user, content_type=content_type, object_id=target.pk).exists()


def watched_ids(*, user, model) -> set[int]:
    """Ids of the objects of ``model`` the person watches, for marking lists in one query."""
    if not getattr(user, "is_authenticated", False):
        return set()
    content_type = watch_content_type(model)
    return set(Watch.objects.filter(user=user, content_type=content_type).values_list("object_id", flat=True))
