"""Reads for the forums, always through the rules in ``forums.permissions``."""

from collections import defaultdict

from django.db.models import Count, F, IntegerField, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce, NullIf
from django.http import Http404
from wagtail.models import Page

from forums import permissions
from forums.models import Forum, Post, Reaction, Topic, TopicReadState
from portal.accounts.models import Membership
from portal.accounts.selectors import display_name
from portal.audience import Audience
from portal.notifications.selectors import watched_by

TOPIC_SORTS = {
    "latest": ("-pinned", "-last_activity_at", "-pk"),
    "newest": ("-pinned", "-created_at", "-pk"),
}
POSTS_PER_PAGE = 20
TOPICS_PER_PAGE = 25
# Names listed under a reaction count; the count itself says how many there are.
REACTION_NAMES_SHOWN = 10


def _read_number(user):
    """The last post number ``user`` read of the outer topic (None: never opened)."""
    return Subquery(
        TopicReadState.objects.filter(user=user, topic=OuterRef("pk")).values("last_read_number")[:1]
    )


def forum_list(*, user) -> QuerySet[Forum]:
    """The forums ``user`` may read, with their thematic areas; partners-only forums
    (and so their counts) do not exist for anyone else. For a signed-in reader each
    carries ``unread_topics``: its visible topics with posts they have not read."""
    forums = permissions.forum_filter(Forum.objects.select_related("theme"), user)
    if not user.is_authenticated:
        return forums
    topics = Topic.objects.filter(forum=OuterRef("pk"), status=Topic.Status.VISIBLE).annotate(
        read=Coalesce(_read_number(user), 0)
    )
    unread = topics.filter(last_number__gt=F("read")).order_by().values("forum").annotate(n=Count("pk"))
    return forums.annotate(unread_topics=Coalesce(Subquery(unread.values("n")[:1]), 0))


def forum_get(*, slug: str, user) -> Forum:
    """A forum ``user`` may read, or 404 (never 403: a partners-only forum does not
    reveal that it exists)."""
    forum = Forum.objects.select_related("theme", "joint_action").filter(slug=slug).first()
    if forum is None or not permissions.can_read_forum(user, forum):
        raise Http404
    return forum


def topic_list(*, forum: Forum, user, sort: str = "latest") -> QuerySet[Topic]:
    """Topics of a forum ``user`` may see, pinned first, by latest activity or newest.
    For a signed-in reader each carries ``read_number`` (None: never opened) and
    ``unread_count``, the posts they may read that are newer, in the same query."""
    order = TOPIC_SORTS.get(sort, TOPIC_SORTS["latest"])
    queryset = Topic.objects.filter(forum=forum).select_related("author", "author__profile")
    if user.is_authenticated:
        newer = permissions.post_filter(Post.objects.filter(topic=OuterRef("pk")), user).filter(
            number__gt=Coalesce(OuterRef("read_number"), 0)
        )
        queryset = queryset.annotate(read_number=_read_number(user)).annotate(
            unread_count=Coalesce(
                Subquery(newer.order_by().values("topic").annotate(n=Count("pk")).values("n")[:1]),
                0,
                output_field=IntegerField(),
            ),
        )
    return permissions.topic_filter(queryset, user).order_by(*order)


def topic_get(*, pk: int, user) -> Topic:
    """A topic ``user`` may see, or 404. For a signed-in reader it carries
    ``read_number``, the last post they had read (None: never opened), loaded in the
    same query so that marking it read writes only when there is something new, and
    ``watching``, whether they follow it."""
    topics = Topic.objects.select_related(
        "forum", "forum__theme", "author", "answer", "answer__author", "answer__author__profile"
    )
    if user.is_authenticated:
        topics = topics.annotate(read_number=_read_number(user), watching=watched_by(user=user, model=Topic))
    topic = topics.filter(pk=pk).first()
    if topic is None or not permissions.can_view_topic(user, topic):
        raise Http404
    _load_pages(topic)
    return topic


def _load_pages(topic: Topic) -> None:
    """The resource ``topic`` discusses and the lesson learned it became, in one
    query when it has either. Most topics have neither, and joining Wagtail's page
    table twice more than doubled what the topic's query cost to compile."""
    fields = [field for field in ("linked_page", "lesson") if getattr(topic, f"{field}_id") is not None]
    if not fields:
        return
    pages = Page.objects.in_bulk([getattr(topic, f"{field}_id") for field in fields])
    for field in fields:
        setattr(topic, field, pages.get(getattr(topic, f"{field}_id")))


def post_list(*, topic: Topic, user) -> QuerySet[Post]:
    """The posts of a topic as ``user`` sees them (hidden ones as markers)."""
    queryset = topic.posts.select_related(
        "author", "author__profile", "reply_to", "reply_to__author", "quoted"
    ).order_by("number")
    return permissions.post_filter(queryset, user)


def _public_posts() -> QuerySet[Post]:
    """Posts anybody may read: counted as a person's contributions."""
    return Post.objects.filter(
        status=Post.Status.VISIBLE,
        topic__status=Topic.Status.VISIBLE,
        topic__forum__visibility=Audience.PUBLIC,
    )


def _author_membership(field):
    memberships = Membership.objects.filter(user=OuterRef("author"), status=Membership.Status.APPROVED)
    memberships = memberships.annotate(
        label=Coalesce(NullIf("organisation__acronym", Value("")), "organisation__name")
    ).order_by("organisation__name")
    return Subquery(memberships.values(field)[:1])


def post_list_with_authors(*, topic: Topic, user) -> QuerySet[Post]:
    """``post_list`` with what the topic page says about each author, in the same
    query: ``author_organisation`` (acronym, else name) and ``author_role`` of their
    first organisation, and ``author_posts``, their visible posts in public forums."""
    public_posts = (
        _public_posts()
        .filter(author=OuterRef("author"))
        .order_by()
        .values("author")
        .annotate(n=Count("pk"))
        .values("n")[:1]
    )
    return (
        post_list(topic=topic, user=user)
        .select_related("quoted__author", "quoted__author__profile")
        .annotate(
            author_organisation=_author_membership("label"),
            author_role=_author_membership("role"),
            author_posts=Coalesce(Subquery(public_posts), 0, output_field=IntegerField()),
        )
    )


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


def reactions_on(*, user, posts) -> tuple[set[int], dict[int, list[str]]]:
    """For the posts of one page: those ``user`` reacted to, and the names of the
    first people who reacted to each (one query; none, and no names, for anonymous
    readers: who found what helpful is for signed-in people). A post's
    ``helpful_count`` changes with its reactions, so a page whose posts nobody found
    helpful needs no query."""
    found_helpful = [post.pk for post in posts if post.helpful_count]
    if not user.is_authenticated or not found_helpful:
        return set(), {}
    reactions = (
        Reaction.objects.filter(post_id__in=found_helpful)
        .select_related("user", "user__profile")
        .order_by("created_at", "pk")
    )
    mine, names = set(), defaultdict(list)
    for reaction in reactions:
        if reaction.user_id == user.pk:
            mine.add(reaction.post_id)
        if len(names[reaction.post_id]) < REACTION_NAMES_SHOWN:
            names[reaction.post_id].append(display_name(reaction.user))
    return mine, dict(names)


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


def person_facts(*, person) -> dict:
    """What anybody may learn about a person on the forums: their approved
    memberships and how many posts they wrote in public forums (two queries)."""
    memberships = list(
        Membership.objects.filter(user=person, status=Membership.Status.APPROVED)
        .select_related("organisation")
        .order_by("organisation__name")
    )
    return {"memberships": memberships, "public_post_count": _public_posts().filter(author=person).count()}
