"""Reads of comments, each in a fixed number of queries."""

from django.db.models import Count
from django.http import Http404
from wagtail.models import Page

from portal import audience
from portal.comments.models import Comment, PageCommentSettings

Status = Comment.Status


def comments_closed(page) -> bool:
    """Whether ``page`` takes no new comments (one query, remembered on the page; none
    when the page was served with its comment settings)."""
    if not hasattr(page, "_comments_closed"):
        if Page.comment_settings.is_cached(page):
            try:
                page._comments_closed = page.comment_settings.closed
            except PageCommentSettings.DoesNotExist:
                page._comments_closed = False
        else:
            page._comments_closed = PageCommentSettings.objects.filter(page_id=page.pk, closed=True).exists()
    return page._comments_closed


def comment_thread(*, page, user) -> list[Comment]:
    """The top-level comments on ``page`` that ``user`` may see, oldest first, each
    with ``thread_replies`` (its replies, oldest first); one query.

    Hidden and deleted comments stay as markers so a conversation still reads in
    order, except deleted ones that nobody answered, which simply disappear.
    """
    if not audience.can_see_comments_of(user, page):
        return []
    comments = list(
        audience.filter_comments(Comment.objects.filter(page_id=page.pk), user)
        .select_related("author", "author__profile")
        .order_by("created_at", "pk")
    )
    replies: dict[int, list[Comment]] = {}
    for comment in comments:
        comment.page = page
        if comment.parent_id is not None:
            replies.setdefault(comment.parent_id, []).append(comment)
    thread = []
    for comment in comments:
        if comment.parent_id is not None:
            continue
        comment.thread_replies = [r for r in replies.get(comment.pk, []) if r.status != Status.DELETED]
        if comment.status == Status.DELETED and not comment.thread_replies:
            continue
        thread.append(comment)
    return thread


def comment_counts(page_ids) -> dict[int, int]:
    """Visible comments per page for many pages in one query; pages without any are absent."""
    page_ids = [pk for pk in page_ids if pk is not None]
    if not page_ids:
        return {}
    rows = (
        Comment.objects.filter(page_id__in=page_ids, status=Status.VISIBLE)
        .values("page_id")
        .annotate(total=Count("pk"))
        .values_list("page_id", "total")
    )
    return dict(rows)


def comment_get(*, pk: int, user) -> Comment:
    """The comment ``pk`` if ``user`` may see it at all (its text or its marker), else 404."""
    comment = (
        audience.filter_comments(Comment.objects.filter(pk=pk), user)
        .select_related("page", "author", "parent")
        .first()
    )
    if comment is None:
        raise Http404
    # Its page is shown as what it is (a brief, a lesson), with its own fields.
    comment.page = comment.page.specific
    if not audience.can_see_comments_of(user, comment.page):
        raise Http404
    return comment
