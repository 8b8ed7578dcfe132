"""Forum topics, replies and comments follow creation, edits, moderation and moves."""

import pytest

from forums import services as forum_services
from portal.audience import Audience
from portal.comments import services as comment_services
from portal.moderation import services as moderation
from search.models import SearchDocument
from tests.forums.factories import ForumFactory, make_moderator
from tests.knowledge.factories import PolicyBriefIndexPageFactory, PolicyBriefPageFactory
from tests.search.helpers import search

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_holding(settings):
    settings.PORTAL_TRUST_MEMBER_AFTER_POSTS = 0
    settings.PORTAL_POSTING_RATE_LIMIT = ""
    settings.PORTAL_SEARCH_BACKEND = "database"


@pytest.fixture
def forum(vocabulary):
    return ForumFactory(name="Health", slug="health-forum", theme=vocabulary["themes"]["health"])


@pytest.fixture
def topic(forum, people):
    return forum_services.topic_create(
        forum=forum,
        author=people["partner"],
        title="Cold chain for vaccines in Mafraq",
        body="Our fridges failed during the heatwave; **generators** helped.",
    )


def _titles(user, text):
    return [hit.title for hit in search(user, text).hits]


def test_a_new_topic_is_found_by_its_title_and_opening_post(topic, people, vocabulary):
    assert _titles(people["anonymous"], "generators heatwave") == ["Cold chain for vaccines in Mafraq"]
    document = SearchDocument.objects.get(key=f"forums.topic:{topic.pk}")
    assert document.doc_type == "topic"
    assert list(document.themes.all()) == [vocabulary["themes"]["health"]]
    assert document.url.endswith(topic.get_absolute_url().split("/", 2)[2])


def test_a_reply_is_found_and_follows_edits(topic, people):
    post = forum_services.post_create(
        topic=topic, author=people["who_member"], body="Solar fridges last longer."
    )
    assert search(people["anonymous"], "solar fridges").hits[0].doc_type == "post"
    forum_services.post_edit(post=post, editor=people["who_member"], body="Kerosene fridges last longer.")
    assert search(people["anonymous"], "solar").total == 0
    assert search(people["anonymous"], "kerosene").total == 1


def test_hiding_and_restoring_a_post(topic, people):
    post = forum_services.post_create(topic=topic, author=people["who_member"], body="Insulated boxes work.")
    moderator = make_moderator()
    moderation.content_hide(content=post, moderator=moderator, reason="Off topic")
    assert search(people["anonymous"], "insulated boxes").total == 0
    moderation.content_restore(content=post, moderator=moderator)
    assert search(people["anonymous"], "insulated boxes").total == 1


def test_hiding_the_opening_post_hides_the_topic_and_its_replies(topic, people):
    forum_services.post_create(topic=topic, author=people["who_member"], body="Ice packs ran out.")
    opening = topic.posts.get(number=1)
    moderation.content_hide(content=opening, moderator=make_moderator(), reason="Spam")
    assert search(people["anonymous"], "vaccines").total == 0
    assert search(people["anonymous"], "ice packs").total == 0


def test_moving_a_topic_to_a_partners_forum_changes_who_finds_it(topic, people):
    forum_services.post_create(
        topic=topic, author=people["who_member"], body="Thermometers logged every hour."
    )
    partners_forum = ForumFactory(name="Partners room", slug="partners-room", visibility=Audience.PARTNERS)
    forum_services.topic_move(topic=topic, forum=partners_forum, moderator=make_moderator())
    assert search(people["anonymous"], "thermometers").total == 0
    assert search(people["anonymous"], "cold chain").total == 0
    assert search(people["partner"], "thermometers").total == 1
    assert {hit.doc_type for hit in search(people["partner"], "cold chain").hits} == {"topic", "post"}


def test_partners_forum_posts_are_for_partners_only(people):
    forum = ForumFactory(name="Budget room", slug="budget-room", visibility=Audience.PARTNERS)
    forum_services.topic_create(
        forum=forum, author=people["partner"], title="Budget shift", body="Moving funds."
    )
    assert search(people["registered"], "budget shift").total == 0
    assert search(people["undrr_member"], "budget shift").total == 1


@pytest.fixture
def brief(home_page):
    page = PolicyBriefPageFactory(
        parent=PolicyBriefIndexPageFactory(parent=home_page), title="Water in camps", live=False
    )
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def test_comments_are_found_while_visible_and_their_page_is_live(brief, people):
    comment = comment_services.comment_create(
        page=brief, author=people["registered"], body="Chlorination tablets were scarce."
    )
    hit = search(people["anonymous"], "chlorination tablets").hits[0]
    assert hit.doc_type == "comment" and "Water in camps" in hit.title
    moderation.content_hide(content=comment, moderator=make_moderator(), reason="Rude")
    assert search(people["anonymous"], "chlorination").total == 0
    moderation.content_restore(content=comment, moderator=make_moderator())
    assert search(people["anonymous"], "chlorination").total == 1
    brief.unpublish()
    assert search(people["anonymous"], "chlorination").total == 0
