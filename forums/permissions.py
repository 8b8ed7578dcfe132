"""Every forum rule in one place: who may read, post, reply, edit and moderate.

Views, selectors, feeds, notifications and templates ask these functions and never
decide on their own. The answers rely on the accounts selectors, which are cached on
the user object, so asking per item adds no queries.
"""

from django.db.models import Q, QuerySet

from portal.accounts.selectors import has_verified_email, is_moderator, is_partner_member, may_write
from portal.moderation.models import ModeratedContent, Visibility

Status = ModeratedContent.Status
# What readers see of a post: its text, or a marker saying it was hidden or deleted.
SHOWN_STATUSES = (Status.VISIBLE, Status.HIDDEN, Status.DELETED)


def _signed_in(user) -> bool:
    return user is not None and user.is_authenticated and user.is_active


def sees_partners_content(user) -> bool:
    return _signed_in(user) and (is_partner_member(user) or is_moderator(user))


# Reading


def forum_filter(queryset: QuerySet, user) -> QuerySet:
    """Only the forums ``user`` may read: partners-only forums vanish for everyone else."""
    if sees_partners_content(user):
        return queryset
    return queryset.filter(visibility=Visibility.PUBLIC)


def can_read_forum(user, forum) -> bool:
    return forum.visibility == Visibility.PUBLIC or sees_partners_content(user)


def topic_filter(queryset: QuerySet, user) -> QuerySet:
    """Topics ``user`` may see in a list: visible ones, plus their own held topics;
    moderators see every topic."""
    if _signed_in(user) and is_moderator(user):
        return queryset
    if _signed_in(user):
        return queryset.filter(Q(status=Status.VISIBLE) | Q(status=Status.HELD, author=user))
    return queryset.filter(status=Status.VISIBLE)


def can_view_topic(user, topic) -> bool:
    if not can_read_forum(user, topic.forum):
        return False
    if topic.status == Status.VISIBLE or (_signed_in(user) and is_moderator(user)):
        return True
    return topic.status == Status.HELD and _signed_in(user) and topic.author_id == user.pk


def post_filter(queryset: QuerySet, user) -> QuerySet:
    """Posts shown in a topic: visible ones and markers for hidden or deleted ones,
    plus the reader's own posts waiting for approval; moderators see everything."""
    if _signed_in(user) and is_moderator(user):
        return queryset
    shown = Q(status__in=SHOWN_STATUSES)
    if _signed_in(user):
        shown |= Q(status=Status.HELD, author=user)
    return queryset.filter(shown)


def can_view_post(user, post) -> bool:
    """Whether ``user`` may read this post's text (used for notifications too)."""
    if not can_view_topic(user, post.topic):
        return False
    if post.status == Status.VISIBLE or (_signed_in(user) and is_moderator(user)):
        return True
    return post.status == Status.HELD and _signed_in(user) and post.author_id == user.pk


def can_read_feed(forum) -> bool:
    """Feeds are anonymous, so only public forums have one."""
    return forum.visibility == Visibility.PUBLIC


# Writing


def can_post_in_forum(user, forum) -> bool:
    """Registered people (a confirmed email address) post in public forums; only
    partner members (and moderators) in partners-only forums."""
    if not may_write(user) or not can_read_forum(user, forum):
        return False
    return has_verified_email(user) or is_moderator(user)


def can_reply(user, topic) -> bool:
    if not can_view_topic(user, topic) or not can_post_in_forum(user, topic.forum):
        return False
    if is_moderator(user):
        return True
    return topic.status == Status.VISIBLE and topic.is_open_for_replies


def can_edit_post(user, post) -> bool:
    if not may_write(user):
        return False
    if is_moderator(user):
        return True
    return (
        post.author_id == user.pk
        and post.status in (Status.VISIBLE, Status.HELD)
        and post.topic.is_open_for_replies
        and can_post_in_forum(user, post.topic.forum)
    )


def can_delete_post(user, post) -> bool:
    return (
        may_write(user)
        and post.author_id == user.pk
        and post.status in (Status.VISIBLE, Status.HELD)
        and can_read_forum(user, post.topic.forum)
    )


def can_report_post(user, post) -> bool:
    return (
        may_write(user)
        and post.status == Status.VISIBLE
        and post.author_id != user.pk
        and can_view_post(user, post)
    )


def can_react(user, post) -> bool:
    return can_report_post(user, post)


def can_mark_answer(user, topic) -> bool:
    if not may_write(user) or not can_view_topic(user, topic):
        return False
    return is_moderator(user) or (topic.author_id == user.pk and can_post_in_forum(user, topic.forum))


def can_watch(user, target_forum) -> bool:
    # Following is the reader's own setting, seen by nobody else: suspended people keep it.
    return _signed_in(user) and can_read_forum(user, target_forum)


# Moderating


def can_moderate(user) -> bool:
    return _signed_in(user) and is_moderator(user)
