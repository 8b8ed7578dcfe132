"""Forum changes made by the services reach every backend: renaming a topic, moving
it to a partners-only forum, hiding and restoring a post. The engine only learns of
a change when the search row's version moves, so each case syncs and searches it."""

import pytest

from forums import services as forum_services
from portal.audience import Audience
from portal.moderation import services as moderation
from tests.forums.factories import ForumFactory, make_moderator
from tests.search.helpers import search


@pytest.fixture(autouse=True)
def _no_holding(settings):
    settings.PORTAL_TRUST_MEMBER_AFTER_POSTS = 0
    settings.PORTAL_POSTING_RATE_LIMIT = ""


@pytest.fixture
def topic(search_backend, vocabulary, people):
    forum = ForumFactory(name="Health", slug="health-forum", theme=vocabulary["themes"]["health"])
    topic = forum_services.topic_create(
        forum=forum,
        author=people["partner"],
        title="Cold chain for vaccines in Mafraq",
        body="Our fridges failed during the heatwave; generators helped.",
    )
    forum_services.post_create(topic=topic, author=people["who_member"], body="Thermometers logged hourly.")
    search_backend.refresh()
    return topic


def _found(user, text) -> list[tuple[str, str]]:
    results = search(user, text)
    assert not results.fallback
    return sorted((hit.doc_type, hit.title) for hit in results.hits)


def test_a_renamed_topic_is_found_by_its_new_title_only(topic, people, search_backend):
    forum_services.topic_edit_title(topic=topic, editor=people["partner"], title="Solar refrigerators")
    search_backend.refresh()
    assert _found(people["anonymous"], "mafraq") == []
    # The reply carries its topic's title too.
    assert _found(people["anonymous"], "solar refrigerators") == [
        ("post", "Solar refrigerators"),
        ("topic", "Solar refrigerators"),
    ]


def test_a_topic_moved_to_a_partners_forum_leaves_anonymous_search(topic, people, search_backend):
    partners_forum = ForumFactory(name="Partners room", slug="partners-room", visibility=Audience.PARTNERS)
    forum_services.topic_move(topic=topic, forum=partners_forum, moderator=make_moderator())
    search_backend.refresh()
    assert _found(people["anonymous"], "cold chain") == []
    assert _found(people["anonymous"], "thermometers") == []
    assert [doc_type for doc_type, _title in _found(people["partner"], "cold chain")] == ["post", "topic"]


def test_a_hidden_post_leaves_search_and_a_restored_one_returns(topic, people, search_backend):
    reply = topic.posts.get(number=2)
    moderator = make_moderator()
    moderation.content_hide(content=reply, moderator=moderator, reason="Off topic")
    search_backend.refresh()
    assert _found(people["anonymous"], "thermometers") == []
    moderation.content_restore(content=reply, moderator=moderator)
    search_backend.refresh()
    assert _found(people["anonymous"], "thermometers") == [("post", "Cold chain for vaccines in Mafraq")]


def test_hiding_the_opening_post_takes_the_whole_topic_out(topic, people, search_backend):
    moderation.content_hide(content=topic.posts.get(number=1), moderator=make_moderator(), reason="Spam")
    search_backend.refresh()
    assert _found(people["anonymous"], "cold chain") == []
    assert _found(people["anonymous"], "thermometers") == []
