"""Small helpers shared by the forum views."""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Page, Paginator
from django.urls import reverse

from forums import permissions
from forums.selectors import POSTS_PER_PAGE, post_position


def deny(request):
    """Anonymous people are asked to sign in; signed-in people get a 403."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    raise PermissionDenied


def post_url(post, user) -> str:
    """The address of the topic page where ``user`` finds ``post``."""
    position = post_position(post=post, user=user)
    page = (position - 1) // POSTS_PER_PAGE + 1
    url = reverse("forums:topic_detail", kwargs={"pk": post.topic_id})
    if page > 1:
        url += f"?page={page}"
    return f"{url}#post-{post.number}"


def page_of(items, per_page: int, number) -> Page:
    """Page ``number`` of ``items``, as ``Paginator.get_page`` gives it. The first
    page is read before anything is counted: when it holds fewer than ``per_page``
    items it holds them all, so most topics cost no count."""
    if number not in (None, "", "1"):
        return Paginator(items, per_page).get_page(number)
    first = list(items[:per_page])
    return Page(first, 1, Paginator(first if len(first) < per_page else items, per_page))


def decorate_posts(posts, user, topic, reacted_ids, reactor_names):
    """Attach what ``user`` may do with each post, who reacted to it and whether it
    is new to them, so the template asks nothing."""
    read_number = getattr(topic, "read_number", None)
    may_reply = permissions.can_reply(user, topic)
    may_mark_answer = permissions.can_mark_answer(user, topic)
    may_moderate = permissions.can_moderate(user)
    for post in posts:
        post.topic = topic
        post.may = {
            "read": permissions.can_view_post(user, post),
            "edit": permissions.can_edit_post(user, post),
            "delete": permissions.can_delete_post(user, post),
            "report": permissions.can_report_post(user, post),
            "react": permissions.can_react(user, post),
            "reply": may_reply and post.is_visible,
            "mark_answer": may_mark_answer and post.is_visible and not post.is_first,
            "moderate": may_moderate,
        }
        post.reacted = post.pk in reacted_ids
        post.reactor_names = reactor_names.get(post.pk, [])
        post.is_new = read_number is not None and post.number > read_number
    return posts
