"""Pages for reading the forums."""

from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_GET
from wagtail.models import Page

from forums import permissions, selectors, services
from forums.forms import PostForm
from forums.models import Forum
from forums.views.common import decorate_posts, page_of, post_url
from portal import audience
from portal.notifications.selectors import is_watching
from portal.pagecache.public import PUBLIC, offer


@require_GET
def forum_list(request):
    forums = list(selectors.forum_list(user=request.user))
    # Each reader is listed only the forums they may read: an anonymous one, the public ones.
    offer(request, PUBLIC)
    return render(request, "forums/forum_list.html", {"forums": forums})


@require_GET
def forum_detail(request, slug):
    forum = selectors.forum_get(slug=slug, user=request.user)
    sort = request.GET.get("sort") if request.GET.get("sort") in selectors.TOPIC_SORTS else "latest"
    topics = selectors.topic_list(forum=forum, user=request.user, sort=sort)
    page = Paginator(topics, selectors.TOPICS_PER_PAGE).get_page(request.GET.get("page"))
    for topic in page.object_list:
        topic.forum = forum
        topic.unread = getattr(topic, "unread_count", 0)
        topic.never_opened = request.user.is_authenticated and topic.read_number is None
    context = {
        "forum": forum,
        "page_obj": page,
        "topics": page.object_list,
        "sort": sort,
        "may_post": permissions.can_post_in_forum(request.user, forum),
        "watching": request.user.is_authenticated and is_watching(user=request.user, target=forum),
        "has_feed": permissions.can_read_feed(forum),
    }
    offer(request, audience.forum_audience(forum))
    return render(request, "forums/forum_detail.html", context)


@require_GET
def topic_detail(request, pk):
    user = request.user
    topic = selectors.topic_get(pk=pk, user=user)
    page = page_of(
        selectors.post_list_with_authors(topic=topic, user=user),
        selectors.POSTS_PER_PAGE,
        request.GET.get("page"),
    )
    posts = list(page.object_list)
    decorate_posts(posts, user, topic, *selectors.reactions_on(user=user, posts=posts))
    if posts and user.is_authenticated:
        # On the last page everything so far is read, including posts this reader cannot see.
        last_read = topic.last_number if not page.has_next() else posts[-1].number
        services.topic_mark_read(user=user, topic=topic, number=last_read, already_read=topic.read_number)
    may_reply = permissions.can_reply(user, topic)
    context = {
        "topic": topic,
        "forum": topic.forum,
        "page_obj": page,
        "posts": posts,
        "may_reply": may_reply,
        "may_moderate": permissions.can_moderate(user),
        "may_draft_lesson": permissions.can_draft_lesson(user, topic),
        "has_unread": user.is_authenticated
        and topic.read_number is not None
        and topic.read_number < topic.last_number,
        "may_watch": permissions.can_watch(user, topic.forum),
        "watching": user.is_authenticated and topic.watching,
        "form": PostForm() if may_reply else None,
        "move_forums": Forum.objects.exclude(pk=topic.forum_id) if permissions.can_moderate(user) else (),
    }
    offer(request, audience.forum_audience(topic.forum))
    return render(request, "forums/topic_detail.html", context)


@require_GET
def topic_unread(request, pk):
    """Jump to the first post the reader has not read yet (or the last page)."""
    topic = selectors.topic_get(pk=pk, user=request.user)
    number = selectors.first_unread_number(topic=topic, user=request.user)
    if number is None:
        last = selectors.post_list(topic=topic, user=request.user).order_by("-number").first()
        if last is None:
            return redirect(topic.get_absolute_url())
        return redirect(post_url(last, request.user))
    post = topic.posts.get(number=number)
    return redirect(post_url(post, request.user))


@require_GET
def post_detail(request, pk):
    """A post's permanent address: the page of its topic where it appears."""
    post = selectors.post_get(pk=pk, user=request.user)
    return redirect(post_url(post, request.user))


def _forum_for_resource(page, user):
    """Where a resource is discussed: the joint action's own forum, a forum of one
    of its themes, or the general forum, whichever ``user`` may post in first."""
    theme_ids = list(page.themes.values_list("pk", flat=True)) if hasattr(page, "themes") else []
    candidates = selectors.forum_list(user=user).filter(
        Q(joint_action=page) | Q(theme_id__in=theme_ids) | Q(theme__isnull=True, joint_action__isnull=True)
    )

    def rank(forum):
        if forum.joint_action_id == page.pk:
            return 0
        return 1 if forum.theme_id in theme_ids else 2

    postable = [forum for forum in candidates if permissions.can_post_in_forum(user, forum)]
    return min(postable or list(audience.filter_forums(candidates, None)), key=rank, default=None)


@require_GET
def discuss_resource(request, page_id):
    """ "Discuss this resource": open its discussion, or start one."""
    page = get_object_or_404(audience.filter_pages(Page.objects.all(), request.user), pk=page_id).specific
    topic = selectors.topics_for_page(page=page, user=request.user).first()
    if topic is not None:
        return redirect(topic.get_absolute_url())
    forum = _forum_for_resource(page, request.user)
    if forum is None:
        raise Http404
    url = reverse("forums:topic_create", kwargs={"slug": forum.slug})
    return redirect(f"{url}?{urlencode({'resource': page.pk})}")
