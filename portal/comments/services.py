"""Writes of comments: every rule checked here, whatever the caller.

New comments and edits go through the shared moderation pipeline (suspensions,
rate limit, what a person the portal does not trust yet writes held for approval,
edit history); readers' reports and moderators' decisions use ``portal.moderation``
directly, so comments share the queue and the logs with forum posts.
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from portal import audience
from portal.comments import permissions
from portal.comments.models import Comment, PageCommentSettings
from portal.comments.selectors import comments_closed
from portal.markup import extract_mentions, guess_language, html_to_text, render_markdown
from portal.moderation.models import ModerationAction
from portal.moderation.services import (
    action_record,
    content_moderator_edit,
    content_revise,
    content_withdraw,
    moderation_initial_status,
    posting_allowed,
    writing_allowed,
)
from portal.notifications import services as notifications
from portal.notifications.selectors import watchers
from portal.notifications.verbs import Verb

Status = Comment.Status
BODY_MAX_LENGTH = 10_000
MAX_MENTIONS = 10


def _clean_body(body: str) -> str:
    body = (body or "").strip()
    if len(body) > BODY_MAX_LENGTH:
        raise ValidationError(
            _("A comment can be at most %(max)d characters long.") % {"max": BODY_MAX_LENGTH}
        )
    if not render_markdown(body).strip():
        raise ValidationError(_("Write something before sending your comment."))
    return body


def _save_new(*, page, author, body: str, parent: Comment | None, language: str) -> Comment:
    comment = Comment(
        page=page,
        parent=parent,
        author=author,
        status=moderation_initial_status(author=author),
        language=guess_language(body, default=language or ""),
    )
    comment.set_body(body)
    comment.save()
    notifications.watch_start(user=author, target=page)
    if comment.status == Status.VISIBLE:
        _announce(comment)
    return comment


@transaction.atomic
def comment_create(*, page, author, body: str, language: str = "") -> Comment:
    """A new top-level comment on ``page`` (a specific page). The author starts
    following the page; watchers hear about it once it is visible.

    Raises ``PermissionDenied``, ``ValidationError`` or moderation's
    ``PostingNotAllowed`` (suspended, or writing too fast).
    """
    posting_allowed(author=author)
    if not permissions.can_comment(author, page, closed=comments_closed(page)):
        raise PermissionDenied(_("You cannot comment on this page."))
    return _save_new(page=page, author=author, body=_clean_body(body), parent=None, language=language)


@transaction.atomic
def comment_reply(*, parent: Comment, author, body: str, language: str = "") -> Comment:
    """A reply to ``parent``; replying to a reply answers its top-level comment, so
    threads stay one level deep. The parent's author is told."""
    if parent.parent_id is not None:
        parent = parent.parent
    page = parent.page
    posting_allowed(author=author)
    if not permissions.can_reply(author, parent, closed=comments_closed(page)):
        raise PermissionDenied(_("You cannot reply to this comment."))
    return _save_new(page=page, author=author, body=_clean_body(body), parent=parent, language=language)


@transaction.atomic
def comment_edit(*, comment: Comment, editor, body: str, reason: str = "") -> Comment:
    """Change a comment's text. Its author edits while the page takes comments; a
    moderator correcting someone else's words must give a reason, which is logged."""
    if not permissions.can_edit_comment(editor, comment, closed=comments_closed(comment.page)):
        raise PermissionDenied(_("You cannot edit this comment."))
    body = _clean_body(body)
    if comment.author_id == editor.pk:
        return content_revise(content=comment, editor=editor, source=body)
    if not reason.strip():
        raise ValidationError(_("Say why you are changing someone else's comment."))
    return content_moderator_edit(content=comment, moderator=editor, source=body, reason=reason)


@transaction.atomic
def comment_delete(*, comment: Comment, user) -> Comment:
    """Its author removes a comment; replies to it stay, under a "deleted" marker."""
    if not permissions.can_delete_comment(user, comment):
        raise PermissionDenied(_("You can only delete what you wrote."))
    return content_withdraw(content=comment, author=user)


def _set_closed(*, page, user, closed: bool) -> PageCommentSettings:
    if not permissions.can_close_comments(user, page):
        raise PermissionDenied(_("Only editors of this page's organisations and moderators may do this."))
    writing_allowed(user=user)
    settings, _created = PageCommentSettings.objects.update_or_create(
        page_id=page.pk, defaults={"closed": closed, "changed_by": user}
    )
    page._comments_closed = closed
    action_record(
        kind=ModerationAction.Kind.CLOSE if closed else ModerationAction.Kind.REOPEN,
        moderator=user,
        label=_("Comments on “%(page)s”") % {"page": page.title},
        scope=audience.scope_of(page),
    )
    return settings


@transaction.atomic
def comments_close(*, page, user) -> PageCommentSettings:
    """Stop new comments and replies on ``page`` (existing ones stay readable)."""
    return _set_closed(page=page, user=user, closed=True)


@transaction.atomic
def comments_open(*, page, user) -> PageCommentSettings:
    """Let people comment on ``page`` again."""
    return _set_closed(page=page, user=user, closed=False)


def comment_status_changed(*, comment: Comment, previous: str) -> None:
    """Moderation changed a comment's status: a held comment that is approved is
    announced then, as if it had just been written."""
    if previous == Status.HELD and comment.status == Status.VISIBLE:
        comment.page = comment.page.specific
        _announce(comment)


def _announce(comment: Comment) -> None:
    """Tell the people who should hear about a newly visible comment, each once,
    and only those who may read it."""
    page = comment.page
    told = {comment.author_id}

    def tell(users, verb):
        users = [user for user in users if user.pk not in told]
        told.update(user.pk for user in users)
        if users:
            notifications.notification_create(
                recipients=users,
                verb=verb,
                summary=page.title,
                excerpt=html_to_text(comment.body_html),
                url=comment.get_absolute_url(),
                actor=comment.author,
                target=comment,
            )

    mentioned = list(extract_mentions(comment.body_source))[:MAX_MENTIONS]
    if mentioned:
        tell(get_user_model().objects.filter(username__in=mentioned, is_active=True), Verb.MENTION)
    if comment.parent_id is not None and comment.parent.author_id is not None:
        tell([comment.parent.author], Verb.COMMENT_REPLY)
    tell(watchers(page), Verb.COMMENT_CREATED)
