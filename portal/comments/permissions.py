"""Every comment rule in one place: who may read, write, edit, report and close.

The answers lean on the accounts selectors (cached on the user object) and on the
page's view restrictions (cached on the page object), so asking per comment or per
recipient adds no queries after the first.
"""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import BaseViewRestriction

from portal.accounts.selectors import (
    has_verified_email,
    is_moderator,
    is_partner_member,
    may_write,
    organisation_role,
)
from portal.moderation.models import ModeratedContent, Visibility

Status = ModeratedContent.Status
COMMENTABLE_MODELS = frozenset(
    {"knowledge.policybriefpage", "knowledge.lessonlearnedpage", "knowledge.jointactionpage"}
)
# Roles in one of the page's organisations that may close or reopen its comments.
CLOSING_ROLES = frozenset({"editor", "reviewer", "admin"})
SHOWN_STATUSES = (Status.VISIBLE, Status.HIDDEN, Status.DELETED)

_RESTRICTIONS_CACHE = "_comment_view_restrictions"
_GROUPS_CACHE = "_comment_group_ids"


def signed_in(user) -> bool:
    return user is not None and user.is_authenticated and user.is_active


def is_commentable(page) -> bool:
    """Policy briefs, lessons learned and joint actions take comments."""
    content_type = ContentType.objects.get_for_id(page.content_type_id)
    return f"{content_type.app_label}.{content_type.model}" in COMMENTABLE_MODELS


def _restrictions(page) -> list:
    cached = getattr(page, _RESTRICTIONS_CACHE, None)
    if cached is None:
        cached = [
            (restriction.restriction_type, frozenset(restriction.groups.values_list("pk", flat=True)))
            for restriction in page.get_view_restrictions()
        ]
        setattr(page, _RESTRICTIONS_CACHE, cached)
    return cached


def _group_ids(user) -> frozenset[int]:
    cached = getattr(user, _GROUPS_CACHE, None)
    if cached is None:
        cached = frozenset(user.groups.values_list("pk", flat=True))
        setattr(user, _GROUPS_CACHE, cached)
    return cached


def _partners_only(page) -> bool:
    # Pages may declare a partners-only visibility of their own.
    return getattr(page, "visibility", Visibility.PUBLIC) == Visibility.PARTNERS


def page_is_public(page) -> bool:
    """Whether anybody, signed in or not, may read ``page``."""
    return page.live and not _partners_only(page) and not _restrictions(page)


def page_visible_to(user, page) -> bool:
    """Whether ``user`` may read ``page`` (and so its comments), without a request.

    Wagtail's view restrictions apply (sign-in, groups); a page behind a password
    counts as hidden, since nobody can be shown to know it outside a browser session.
    """
    if not page.live:
        return False
    if _partners_only(page) and not (signed_in(user) and (is_partner_member(user) or is_moderator(user))):
        return False
    for restriction_type, group_ids in _restrictions(page):
        if restriction_type == BaseViewRestriction.PASSWORD:
            return False
        if not signed_in(user):
            return False
        restricted_to_groups = restriction_type == BaseViewRestriction.GROUPS and not user.is_superuser
        if restricted_to_groups and not group_ids & _group_ids(user):
            return False
    return True


def can_view_comment(user, comment) -> bool:
    """Whether ``user`` may read the text of ``comment``."""
    if not page_visible_to(user, comment.page):
        return False
    if comment.status == Status.VISIBLE or (signed_in(user) and is_moderator(user)):
        return True
    # Authors keep seeing their own words while they wait for approval or after a
    # moderator hid them (they are told why).
    own = signed_in(user) and comment.author_id == user.pk
    return own and comment.status in (Status.HELD, Status.HIDDEN)


def can_write(user, page) -> bool:
    """Registered people (a confirmed email address) and moderators, on pages they can read."""
    if not may_write(user) or not page_visible_to(user, page) or not is_commentable(page):
        return False
    return has_verified_email(user) or is_moderator(user)


def can_comment(user, page, *, closed: bool) -> bool:
    return can_write(user, page) and (not closed or is_moderator(user))


def can_reply(user, parent, *, closed: bool) -> bool:
    return can_comment(user, parent.page, closed=closed) and parent.status == Status.VISIBLE


def can_edit_comment(user, comment, *, closed: bool) -> bool:
    if not may_write(user):
        return False
    if is_moderator(user):
        return True
    return (
        comment.author_id == user.pk
        and comment.status in (Status.VISIBLE, Status.HELD)
        and can_comment(user, comment.page, closed=closed)
    )


def can_delete_comment(user, comment) -> bool:
    return (
        may_write(user)
        and comment.author_id == user.pk
        and comment.status in (Status.VISIBLE, Status.HELD)
        and page_visible_to(user, comment.page)
    )


def can_report_comment(user, comment) -> bool:
    return (
        may_write(user)
        and comment.status == Status.VISIBLE
        and comment.author_id != user.pk
        and can_view_comment(user, comment)
    )


def can_moderate(user) -> bool:
    return signed_in(user) and is_moderator(user)


def can_close_comments(user, page) -> bool:
    """Editors, reviewers and administrators of one of the page's organisations, and
    moderators."""
    if not may_write(user) or not page_visible_to(user, page):
        return False
    if is_moderator(user):
        return True
    organisation_ids = getattr(page, "organisation_ids_for_comments", None)
    if organisation_ids is None:
        organisations = getattr(getattr(page, "specific", page), "organisations", None)
        organisation_ids = (
            list(organisations.values_list("pk", flat=True)) if organisations is not None else []
        )
        page.organisation_ids_for_comments = organisation_ids
    return any(organisation_role(user, pk) in CLOSING_ROLES for pk in organisation_ids)
