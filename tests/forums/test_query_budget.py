"""Forum pages cost the same number of SQL queries whatever their size."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from forums.models import Post, Reaction, Topic, TopicReadState
from portal.accounts.models import Profile
from tests.accounts.factories import MembershipFactory, VerifiedUserFactory
from tests.forums.factories import TopicFactory

pytestmark = pytest.mark.django_db


def add_posts(topic, count, authors):
    Post.objects.bulk_create(
        Post(
            topic=topic,
            number=number,
            author=authors[number % len(authors)],
            body_source=f"reply {number}",
            body_html=f"<p>reply {number}</p>",
        )
        for number in range(2, count + 1)
    )
    Topic.objects.filter(pk=topic.pk).update(last_number=count, post_count=count)


def add_topics(forum, count, authors):
    Topic.objects.bulk_create(
        Topic(forum=forum, title=f"Topic {index}", author=authors[index % len(authors)], last_number=1)
        for index in range(count)
    )


# Exact budgets, so a change that adds a query to every page shows here. Signed-in
# pages include the account menu, the notification badge and the navigation, and
# two statements that record the reading position when a page shows new posts.
# Whether the reader follows the topic comes with the topic. Reactions are read
# only for pages with posts found helpful (the lively pages).
TOPIC_PAGE_QUERIES = {"anonymous": 3, "member": 9, "moderator": 10}
READ_STATE_WRITES = {"anonymous": 0, "member": 2, "moderator": 2}
# The same pages with avatars, badges, reactions, an answer and read positions.
LIVELY_TOPIC_PAGE_QUERIES = {"anonymous": 3, "registered": 10, "member": 10, "moderator": 11}
WRITING_STATEMENTS = ("INSERT", "UPDATE", "DELETE")
# Members' forum pages read their positions in the topic query itself.
FORUM_PAGE_QUERIES = {("anonymous", "public"): 3, ("member", "public"): 8, ("member", "partners"): 8}
FORUM_INDEX_QUERIES = 5


def queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("role", ["anonymous", "member", "moderator"])
def test_topic_page_queries_do_not_grow_with_posts(role, roles, client_for, public_forum):
    authors = [VerifiedUserFactory() for _ in range(5)]
    small, large = TopicFactory(forum=public_forum), TopicFactory(forum=public_forum)
    add_posts(small, 20, authors)
    add_posts(large, 400, authors)
    warm = TopicFactory(forum=public_forum)
    add_posts(warm, 1, authors)
    client = client_for(roles[role])
    client.get(warm.get_absolute_url())  # warm per-process caches (content types, locale)
    counts = {
        "small": queries(client, small.get_absolute_url()),
        "large": queries(client, large.get_absolute_url()),
        "large, last page": queries(client, large.get_absolute_url() + "?page=20"),
    }
    assert set(counts.values()) == {TOPIC_PAGE_QUERIES[role]}, counts
    read_again = queries(client, large.get_absolute_url() + "?page=20")
    assert read_again == TOPIC_PAGE_QUERIES[role] - READ_STATE_WRITES[role]


@pytest.mark.parametrize("role", ["anonymous", "member"])
def test_a_first_page_holding_every_post_is_not_counted(role, roles, client_for, public_forum):
    authors = [VerifiedUserFactory() for _ in range(3)]
    short, full, longer = (TopicFactory(forum=public_forum) for _ in range(3))
    for topic, count in ((short, 5), (full, 20), (longer, 21)):
        add_posts(topic, count, authors)
    client = client_for(roles[role])
    pages = {topic: client.get(topic.get_absolute_url()).content.decode() for topic in (short, full, longer)}
    assert queries(client, short.get_absolute_url()) == queries(client, full.get_absolute_url()) - 1
    assert 'rel="next"' not in pages[short] and 'rel="next"' not in pages[full]
    assert "Page 1 of 2" in pages[longer]
    assert 'id="post-21"' in client.get(longer.get_absolute_url() + "?page=2").content.decode()


def test_a_topic_reads_its_resource_and_lesson_in_one_query(roles, client_for, public_forum, home_page):
    authors = [VerifiedUserFactory() for _ in range(3)]
    plain, linked = TopicFactory(forum=public_forum), TopicFactory(forum=public_forum)
    for topic in (plain, linked):
        add_posts(topic, 3, authors)
    resource = home_page.add_child(instance=type(home_page)(title="Brief on cold chains", slug="brief"))
    lesson = home_page.add_child(instance=type(home_page)(title="Cold chains, learned", slug="lesson"))
    Topic.objects.filter(pk=linked.pk).update(
        linked_page=resource, lesson=lesson, answer=linked.posts.get(number=2)
    )
    client = client_for(roles["member"])
    page = client.get(linked.get_absolute_url()).content.decode()
    client.get(plain.get_absolute_url())
    assert queries(client, linked.get_absolute_url()) == queries(client, plain.get_absolute_url()) + 1
    assert "Brief on cold chains" in page and "Cold chains, learned" in page


def dress_up(topic, authors, readers):
    """What a lively topic page shows: authors with organisations, roles and
    avatars, reactions on every post, an answer, and readers' positions."""
    for index, author in enumerate(authors):
        MembershipFactory(user=author, role=("member", "editor", "reviewer")[index % 3])
        Profile.objects.update_or_create(
            user=author, defaults={"avatar": "avatars/a.png" if index % 2 else ""}
        )
    posts = list(topic.posts.all())
    Reaction.objects.bulk_create(
        Reaction(post=post, user=reader) for post in posts for reader in readers if reader is not None
    )
    Post.objects.filter(topic=topic).update(helpful_count=len([r for r in readers if r is not None]))
    Topic.objects.filter(pk=topic.pk).update(answer=posts[1])
    for reader in readers:
        if reader is not None:
            TopicReadState.objects.create(user=reader, topic=topic, last_read_number=5)


@pytest.mark.parametrize("role", ["anonymous", "registered", "member", "moderator"])
def test_lively_topic_pages_keep_the_budget(role, roles, client_for, public_forum):
    authors = [VerifiedUserFactory() for _ in range(5)]
    small, large = TopicFactory(forum=public_forum), TopicFactory(forum=public_forum)
    add_posts(small, 20, authors)
    add_posts(large, 400, authors)
    others = [VerifiedUserFactory() for _ in range(3)]
    for topic in (small, large):
        dress_up(topic, [] if topic is large else authors, [roles[role], *others])
    client = client_for(roles[role])
    client.get(reverse("forums:index"))
    ContentType.objects.get_for_model(Topic)
    counts = {
        "small": queries(client, small.get_absolute_url()),
        "large": queries(client, large.get_absolute_url()),
        "large, last page": queries(client, large.get_absolute_url() + "?page=20"),
    }
    assert set(counts.values()) == {LIVELY_TOPIC_PAGE_QUERIES[role]}, counts


@pytest.mark.parametrize("role", ["member", "moderator"])
def test_reading_a_topic_again_writes_nothing(role, roles, client_for, public_forum):
    topic = TopicFactory(forum=public_forum)
    add_posts(topic, 30, [VerifiedUserFactory()])
    client = client_for(roles[role])
    for url in (topic.get_absolute_url(), topic.get_absolute_url() + "?page=2"):
        client.get(url)
        with CaptureQueriesContext(connection) as context:
            assert client.get(url).status_code == 200
        statements = [query["sql"].lstrip().upper() for query in context.captured_queries]
        assert [sql for sql in statements if sql.startswith(WRITING_STATEMENTS)] == [], url


@pytest.mark.parametrize(
    ("role", "visibility"), [("anonymous", "public"), ("member", "public"), ("member", "partners")]
)
def test_forum_page_queries_do_not_grow_with_topics(role, visibility, roles, client_for):
    from tests.forums.factories import ForumFactory

    authors = [VerifiedUserFactory() for _ in range(5)]
    small = ForumFactory(slug="small", visibility=visibility)
    large = ForumFactory(slug="large", visibility=visibility)
    add_topics(small, 10, authors)
    add_topics(large, 500, authors)
    client = client_for(roles[role])
    client.get(small.get_absolute_url())
    counts = {
        "10 topics": queries(client, small.get_absolute_url()),
        "500 topics": queries(client, large.get_absolute_url()),
        "500 topics, page 20": queries(client, large.get_absolute_url() + "?page=20&sort=newest"),
    }
    assert set(counts.values()) == {FORUM_PAGE_QUERIES[role, visibility]}, counts


def test_forum_index_queries_do_not_grow_with_forums(client_for, member):
    from tests.forums.factories import ForumFactory

    client = client_for(member)
    ForumFactory()
    client.get(reverse("forums:index"))
    few = queries(client, reverse("forums:index"))
    for _ in range(30):
        ForumFactory()
    assert queries(client, reverse("forums:index")) == few == FORUM_INDEX_QUERIES
