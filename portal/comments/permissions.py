"""Every comment rule in one place: who may read, write, edit, report and close.

Who may read follows the page, as the portal's one audience policy
(``portal.audience``) says; this module names it in comment terms. The answers are
cached on the user and page objects, so asking per comment or per recipient adds
no queries after the first.
"""

from django.contrib.contenttypes.models import ContentType

from portal import audience
from portal.accounts.selectors import has_verified_email, is_moderator, may_write, organisation_role
from portal.moderation.models import ModeratedContent

Status = ModeratedContent.Status
COMMENTABLE_MODELS = frozenset(
    {"knowledge.policybriefpage", "knowledge.lessonlearnedpage", "knowledge.jointactionpage"}
)
# Roles in one of the page's organisations that may close or reopen its comments.
CLOSING_ROLES = frozenset({"editor", "reviewer", "admin"})
SHOWN_STATUSES = audience.SHOWN_STATUSES

signed_in = audience.signed_in
can_view_comment = audience.can_view_comment


def is_commentable(page) -> bool:
    """Policy briefs, lessons learned and joint actions take comments."""
    content_type = ContentType.objects.get_for_id(page.content_type_id)
    return f"{content_type.app_label}.{content_type.model}" in COMMENTABLE_MODELS


def page_visible_to(user, page) -> bool:
    """Whether ``user`` may read ``page`` (and so its comments), without a request:
    a page behind a password counts as hidden, since nobody can be shown to know it
    outside a browser session."""
    return audience.can_view_page(user, page)


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
