"""Every forum rule in one place: who may read, post, reply, edit and moderate.

Views, selectors, feeds, notifications and templates ask these functions and never
decide on their own. Who may read is the portal's one audience policy
(``portal.audience``); this module names it in forum terms. The answers are cached
on the user object, so asking per item adds no queries.
"""

from portal import audience
from portal.accounts.models import Membership
from portal.accounts.pages import EDITING_ROLES, unrestricted
from portal.accounts.selectors import has_verified_email, is_moderator, may_write, organisation_ids_with_role
from portal.moderation.models import ModeratedContent

Status = ModeratedContent.Status
SHOWN_STATUSES = audience.SHOWN_STATUSES
_signed_in = audience.signed_in


# Reading

forum_filter = audience.filter_forums
topic_filter = audience.filter_topics
post_filter = audience.filter_posts
can_read_forum = audience.can_view_forum
can_view_topic = audience.can_view_topic
can_view_post = audience.can_view_post


def can_read_feed(forum) -> bool:
    """Feeds are anonymous, so only forums anonymous readers may read have one."""
    return audience.can_view_forum(None, forum)


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


# Turning a discussion into a lesson learned

_TOPIC_ORGANISATIONS_CACHE = "_forums_organisation_ids"


def topic_organisation_ids(topic) -> frozenset[int]:
    """Organisations that took part in ``topic``: those with an approved member among
    the authors of its visible posts (one query, kept on the topic)."""
    cached = getattr(topic, _TOPIC_ORGANISATIONS_CACHE, None)
    if cached is None:
        authors = topic.posts.filter(status=Status.VISIBLE).values("author_id")
        cached = frozenset(
            Membership.objects.filter(user_id__in=authors, status=Membership.Status.APPROVED).values_list(
                "organisation_id", flat=True
            )
        )
        setattr(topic, _TOPIC_ORGANISATIONS_CACHE, cached)
    return cached


def lesson_organisation_ids(user, topic) -> frozenset[int]:
    """The organisations that took part in ``topic`` and for which ``user`` may draft
    its lesson learned: where they are an editor, or all of them for a site
    administrator."""
    taking_part = topic_organisation_ids(topic)
    return (
        taking_part if unrestricted(user) else taking_part & organisation_ids_with_role(user, *EDITING_ROLES)
    )


def can_draft_lesson(user, topic) -> bool:
    """Whether ``user`` may draft a lesson learned from ``topic``'s marked outcome: an
    editor of an organisation that took part in the discussion, or a site
    administrator (even when no organisation took part)."""
    if not may_write(user) or not can_view_topic(user, topic):
        return False
    if topic.answer_id is None or topic.status != Status.VISIBLE:
        return False
    if unrestricted(user):
        return True
    # Everybody who edits for no organisation is answered without a query.
    if not organisation_ids_with_role(user, *EDITING_ROLES):
        return False
    return bool(lesson_organisation_ids(user, topic))


# Moderating


def can_moderate(user) -> bool:
    return _signed_in(user) and is_moderator(user)
