"""Reads of notifications, watches and preferences."""

from django.contrib.auth import get_user_model
from django.db.models import Count, Exists, IntegerField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce

from portal.notifications.models import Notification, NotificationPreference, Watch, watch_content_type


def unread_count(user) -> int:
    """How many notifications the person has not read: one query, none when anonymous."""
    if not getattr(user, "is_authenticated", False):
        return 0
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def header_menu(user, *, limit: int = 5) -> tuple[int, list[Notification]]:
    """The unread count and the latest ``limit`` notifications of the person, for the
    menu in the page header: one query (the count rides along with the items),
    none when anonymous."""
    if not getattr(user, "is_authenticated", False):
        return 0, []
    unread = (
        Notification.objects.filter(recipient=user, read_at__isnull=True)
        .order_by()
        .values("recipient")
        .annotate(n=Count("pk"))
        .values("n")
    )
    items = list(
        notification_list(user=user).annotate(
            unread_total=Coalesce(Subquery(unread[:1]), 0, output_field=IntegerField())
        )[:limit]
    )
    return (items[0].unread_total if items else 0), items


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


def watched_by(*, user, model) -> Exists:
    """Whether the person watches the outer ``model`` row, to annotate the query
    that reads it instead of asking ``is_watching`` afterwards."""
    content_type = watch_content_type(model)
    return Exists(Watch.objects.filter(user=user, content_type=content_type, object_id=OuterRef("pk")))


def watched_ids(*, user, model) -> set[int]:
    """Ids of the objects of ``model`` the person watches, for marking lists in one query."""
    if not getattr(user, "is_authenticated", False):
        return set()
    content_type = watch_content_type(model)
    return set(Watch.objects.filter(user=user, content_type=content_type).values_list("object_id", flat=True))
