"""Reads for the forums, always through the rules in ``forums.permissions``."""

from django.db.models import OuterRef, QuerySet, Subquery
from django.http import Http404

from forums import permissions
from forums.models import Forum, Post, Reaction, Topic, TopicReadState

TOPIC_SORTS = {
    "latest": ("-pinned", "-last_activity_at", "-pk"),
    "newest": ("-pinned", "-created_at", "-pk"),
}
POSTS_PER_PAGE = 20
TOPICS_PER_PAGE = 25


def forum_list(*, user) -> QuerySet[Forum]:
    """The forums ``user`` may read, with their thematic areas; partners-only forums
    (and so their counts) do not exist for anyone else."""
    return permissions.forum_filter(Forum.objects.select_related("theme"), user)


def forum_get(*, slug: str, user) -> Forum:
    """A forum ``user`` may read, or 404 (never 403: a partners-only forum does not
    reveal that it exists)."""
    forum = Forum.objects.select_related("theme", "joint_action").filter(slug=slug).first()
    if forum is None or not permissions.can_read_forum(user, forum):
        raise Http404
    return forum


def topic_list(*, forum: Forum, user, sort: str = "latest") -> QuerySet[Topic]:
    """Topics of a forum ``user`` may see, pinned first, by latest activity or newest."""
    order = TOPIC_SORTS.get(sort, TOPIC_SORTS["latest"])
    queryset = Topic.objects.filter(forum=forum).select_related("author", "author__profile")
    return permissions.topic_filter(queryset, user).order_by(*order)


def topic_get(*, pk: int, user) -> Topic:
    """A topic ``user`` may see, or 404. For a signed-in reader it carries
    ``read_number``, the last post they had read (None: never opened), loaded in the
    same query so that marking it read writes only when there is something new."""
    topics = Topic.objects.select_related("forum", "forum__theme", "author", "linked_page", "answer")
    if user.is_authenticated:
        topics = topics.annotate(
            read_number=Subquery(
                TopicReadState.objects.filter(user=user, topic=OuterRef("pk")).values("last_read_number")[:1]
            )
        )
    topic = topics.filter(pk=pk).first()
    if topic is None or not permissions.can_view_topic(user, topic):
        raise Http404
    return topic


def post_list(*, topic: Topic, user) -> QuerySet[Post]:
    """The posts of a topic as ``user`` sees them (hidden ones as markers)."""
    queryset = topic.posts.select_related(
        "author", "author__profile", "reply_to", "reply_to__author", "quoted"
    ).order_by("number")
    return permissions.post_filter(queryset, user)


def post_get(*, pk: int, user) -> Post:
    """A post whose topic ``user`` may see (its text may still be a marker), or 404."""
    post = (
        Post.objects.select_related("topic", "topic__forum", "author", "reply_to", "quoted")
        .filter(pk=pk)
        .first()
    )
    if post is None or not permissions.can_view_topic(user, post.topic):
        raise Http404
    if not permissions.post_filter(Post.objects.filter(pk=pk), user).exists():
        raise Http404
    return post


def post_position(*, post: Post, user) -> int:
    """The 1-based position of ``post`` among the posts ``user`` sees in its topic."""
    visible = post_list(topic=post.topic, user=user)
    return visible.filter(number__lt=post.number).count() + 1


def first_unread_number(*, topic: Topic, user) -> int | None:
    """The number of the first post ``user`` has not read, if any."""
    if not user.is_authenticated:
        return None
    state = TopicReadState.objects.filter(user=user, topic=topic).first()
    read = state.last_read_number if state else 0
    first = post_list(topic=topic, user=user).filter(number__gt=read).values_list("number", flat=True)
    return first.first()


def read_positions(*, user, topics) -> dict[int, int]:
    """Topic id -> the last post number ``user`` read, for the given topics (one query)."""
    if not user.is_authenticated:
        return {}
    ids = [topic.pk for topic in topics]
    return dict(
        TopicReadState.objects.filter(user=user, topic_id__in=ids).values_list("topic_id", "last_read_number")
    )


def reacted_post_ids(*, user, posts) -> set[int]:
    if not user.is_authenticated:
        return set()
    ids = [post.pk for post in posts]
    return set(Reaction.objects.filter(user=user, post_id__in=ids).values_list("post_id", flat=True))


def topics_for_page(*, page, user) -> QuerySet[Topic]:
    """Topics discussing a brief, lesson or joint action that ``user`` may see."""
    queryset = Topic.objects.filter(linked_page=page).select_related("forum")
    queryset = queryset.filter(forum__in=forum_list(user=user))
    return permissions.topic_filter(queryset, user).order_by("-last_activity_at")


def latest_public_topics(*, limit: int = 5) -> QuerySet[Topic]:
    """The most recently active topics anybody may read, for the home page (the
    same for every reader)."""
    topics = Topic.objects.filter(forum__in=permissions.forum_filter(Forum.objects.all(), None))
    return (
        permissions.topic_filter(topics, None)
        .select_related("forum", "author")
        .order_by("-last_activity_at")[:limit]
    )
