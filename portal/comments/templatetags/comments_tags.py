"""Template tags that give the comments block and the count badges their data in
a fixed number of queries."""

from django import template
from django.core.paginator import Page as PaginatorPage
from django.db.models import QuerySet
from django.utils.functional import LazyObject
from wagtail.models import Page

from portal.accounts.selectors import display_name, may_write
from portal.comments import permissions, selectors
from portal.comments.forms import CommentForm
from portal.comments.models import Comment
from portal.notifications.selectors import is_watching

register = template.Library()

_COUNTS_CACHE = "_comment_counts"


@register.simple_tag(takes_context=True)
def comments_for(context, page):
    """Everything the comments block shows for ``page`` and the person viewing it."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if page is None or not permissions.is_commentable(page):
        return None
    closed = selectors.comments_closed(page)
    thread = selectors.comment_thread(page=page, user=user)
    visible = Comment.Status.VISIBLE
    total = sum((c.status == visible) + sum(r.status == visible for r in c.thread_replies) for c in thread)
    can_comment = permissions.can_comment(user, page, closed=closed)
    is_moderator = permissions.can_moderate(user)
    for comment in thread:
        for item in [comment, *comment.thread_replies]:
            item.viewer_can_edit = permissions.can_edit_comment(user, item, closed=closed)
            item.viewer_can_delete = permissions.can_delete_comment(user, item)
            item.viewer_can_report = permissions.can_report_comment(user, item)
            item.viewer_can_read = permissions.can_view_comment(user, item)
            item.author_name = display_name(item.author) if item.author is not None else ""
        comment.viewer_can_reply = can_comment and comment.status == visible
    return {
        "thread": thread,
        "total": total,
        "closed": closed,
        "can_comment": can_comment,
        "can_close": permissions.can_close_comments(user, page),
        "is_moderator": is_moderator,
        "signed_in": permissions.signed_in(user),
        "may_write": permissions.can_write(user, page),
        # The page's banner already says until when; the block adds no other reason.
        "suspended": permissions.signed_in(user) and not may_write(user),
        "following": is_watching(user=user, target=page),
        "form": CommentForm(),
    }


def _pages_in(value) -> set[int]:
    if isinstance(value, QuerySet):
        value = value._result_cache or []
    elif isinstance(value, PaginatorPage):
        value = value.object_list if isinstance(value.object_list, list | tuple) else []
    if isinstance(value, Page):
        return {value.pk}
    if isinstance(value, list | tuple):
        return {item.pk for item in value if isinstance(item, Page)}
    return set()


def _listed_page_ids(context) -> set[int]:
    """Ids of every page already loaded into the template context (listings,
    paginated pages, single pages, and those one level inside a dict or a list of
    dicts, such as sections of a home page), so one query counts them all."""
    ids = set()
    for value in context.flatten().values():
        if isinstance(value, LazyObject):
            # Not a listing; asking would build it (the CSRF token, which sets a
            # cookie and keeps the page out of the shared cache).
            continue
        ids |= _pages_in(value)
        if isinstance(value, dict):
            nested = list(value.values())
        elif isinstance(value, list | tuple):
            nested = [inner for item in value if isinstance(item, dict) for inner in item.values()]
        else:
            continue
        for inner in nested:
            ids |= _pages_in(inner)
    return ids


@register.simple_tag(takes_context=True)
def comment_count(context, page) -> int:
    """Visible comments on ``page``. The first call in a request counts every page
    the template was given in one query; later calls read that answer."""
    request = context.get("request")
    cache = getattr(request, _COUNTS_CACHE, None) if request is not None else None
    if cache is None or page.pk not in cache:
        ids = _listed_page_ids(context) | {page.pk}
        counts = selectors.comment_counts(ids)
        cache = {**(cache or {}), **{pk: counts.get(pk, 0) for pk in ids}}
        if request is not None:
            setattr(request, _COUNTS_CACHE, cache)
    return cache[page.pk]
