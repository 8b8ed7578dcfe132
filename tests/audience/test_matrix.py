"""Who sees what, on every surface, for every audience: generated from one table.

``TABLE`` holds one row per (surface, thing, audience) with whether that audience
sees that thing there. It is built from who may read each thing (``READERS``) and
the few surfaces that deliberately show less (``NARROWER``). Each test renders one
surface for one audience and compares every thing it shows with its rows.
"""

import pytest
from django.contrib.auth import get_user_model

from forums.models import Topic
from portal.moderation.models import ModerationAction
from portal.moderation.services import action_record, content_hide
from portal.notifications.models import Notification
from portal.notifications.services import notification_create
from portal.notifications.verbs import Verb
from search.projections import document_key
from tests.audience.conftest import AUDIENCES
from tests.search.helpers import search

pytestmark = pytest.mark.django_db

EVERYONE = frozenset(AUDIENCES)
SIGNED_IN = EVERYONE - {"anonymous"}
PARTNERS = frozenset({"partner", "organisation_a", "staff"})

# Who may open each thing. Moderators read every comment and post, to moderate it.
READERS = {
    "public brief": EVERYONE,
    "login brief": SIGNED_IN,
    "group brief": frozenset({"organisation_a"}),
    "comment on public brief": EVERYONE,
    "comment on login brief": SIGNED_IN,
    "comment on group brief": frozenset({"organisation_a", "staff"}),
    "public topic": EVERYONE,
    "partners topic": PARTNERS,
    "organisation topic": frozenset({"organisation_a", "staff"}),
    "held post": frozenset({"signed_in", "staff"}),  # its author, and moderators
}
BRIEFS = ("public brief", "login brief", "group brief")
COMMENTS = ("comment on public brief", "comment on login brief", "comment on group brief")
TOPICS = ("public topic", "partners topic", "organisation topic")
ANONYMOUS_READS = frozenset(thing for thing, readers in READERS.items() if "anonymous" in readers)

# The things each surface can show.
SURFACES = {
    "knowledge listing": BRIEFS,
    "page view": BRIEFS,
    "comments": COMMENTS,
    "forums": (*TOPICS, "held post"),
    "search": (*BRIEFS, *COMMENTS, *TOPICS, "held post"),
    "feeds": (*BRIEFS, *TOPICS, "held post"),
    "sitemap": BRIEFS,
    "notifications": tuple(READERS),
    "moderation log": (*COMMENTS, *TOPICS, "held post"),
}

# Surfaces that show a thing to fewer people than may open it, and why.
NARROWER = {
    # A search index cannot ask whether a person is in a page's groups; held
    # content is found once approved.
    ("search", "group brief"): frozenset(),
    ("search", "comment on group brief"): frozenset(),
    ("search", "held post"): frozenset(),
    # Feeds and the sitemap are read anonymously, whoever fetches them.
    **{
        ("feeds", thing): EVERYONE if thing in ANONYMOUS_READS else frozenset() for thing in SURFACES["feeds"]
    },
    **{("sitemap", thing): EVERYONE if thing in ANONYMOUS_READS else frozenset() for thing in BRIEFS},
    # Records about a group-restricted page are for moderators; a moderator's
    # action on a post in a public forum is public.
    ("moderation log", "comment on group brief"): frozenset({"staff"}),
    ("moderation log", "held post"): EVERYONE,
    # Nobody is notified anonymously.
    **{("notifications", thing): readers - {"anonymous"} for thing, readers in READERS.items()},
}

TABLE = [
    (surface, thing, audience, audience in NARROWER.get((surface, thing), READERS[thing]))
    for surface, things in SURFACES.items()
    for thing in things
    for audience in AUDIENCES
]


def _expected(surface, audience):
    return {
        thing: visible
        for row_surface, thing, row_audience, visible in TABLE
        if (row_surface, row_audience) == (surface, audience)
    }


def _shows(content: str, world, things):
    return {thing: world.titles[thing] in content for thing in things}


def _knowledge_listing(world, audience):
    content = world.client(audience).get("/en/briefs/").content.decode()
    return _shows(content, world, BRIEFS)


def _page_view(world, audience):
    client = world.client(audience)
    return {thing: client.get(world.things[thing].url).status_code == 200 for thing in BRIEFS}


def _comments(world, audience):
    client = world.client(audience)
    seen = {}
    for thing in COMMENTS:
        status = client.get(f"/en/comments/{world.things[thing].pk}/").status_code
        assert status in (302, 404), (thing, status)
        seen[thing] = status == 302
    return seen


def _forums(world, audience):
    client = world.client(audience)
    seen = {}
    for thing in TOPICS:
        response = client.get(f"/en/forums/topic/{world.things[thing].pk}/")
        assert response.status_code in (200, 404), (thing, response.status_code)
        seen[thing] = response.status_code == 200 and world.titles[thing] in response.content.decode()
    topic = client.get(f"/en/forums/topic/{world.things['public topic'].pk}/").content.decode()
    seen["held post"] = world.titles["held post"] in topic
    return seen


def _search(world, audience):
    types = {"policy_brief", "comment", "topic", "post"}
    results = search(world.people[audience], "", types=types, per_page=50)
    found = {hit.key for hit in results.hits}
    seen = {thing: document_key(world.things[thing]) in found for thing in SURFACES["search"]}
    # Counts and facets count only what the person may find (the type facet also
    # counts the types not asked for, such as partner organisations).
    assert results.total == sum(seen.values())
    assert sum(value.count for value in results.facets["type"] if value.value in types) == results.total
    return seen


def _feeds(world, audience):
    client = world.client(audience)
    content = client.get("/en/knowledge/feeds/briefs/rss/").content.decode()
    for forum in ("open", "partners-room", "org-a-room"):
        response = client.get(f"/en/forums/{forum}/feed/")
        assert response.status_code in (200, 404), (forum, response.status_code)
        content += response.content.decode() if response.status_code == 200 else ""
    return _shows(content, world, SURFACES["feeds"])


def _sitemap(world, audience):
    content = world.client(audience).get("/sitemap.xml").content.decode()
    return {thing: world.things[thing].url in content for thing in BRIEFS}


def _notifications(world, audience):
    people = [person for person in world.people.values() if person is not None]
    for thing in READERS:
        target = world.things[thing]
        notification_create(
            recipients=get_user_model().objects.filter(pk__in=[person.pk for person in people]),
            verb=Verb.POST_CREATED,
            summary=thing,
            url="/en/",
            target=target,
        )
    person = world.people[audience]
    received = set(Notification.objects.filter(recipient=person).values_list("summary", flat=True))
    return {thing: thing in received for thing in READERS}


def _moderation_log(world, audience):
    staff = world.people["staff"]
    labels = {}
    for thing in COMMENTS:
        content_hide(content=world.things[thing], moderator=staff, reason="Off topic")
        labels[thing] = f"A comment on “{world.things[thing].page.title}”"
    for thing in TOPICS:
        action_record(kind=ModerationAction.Kind.LOCK, moderator=staff, target=world.things[thing])
        labels[thing] = f"Topic “{world.things[thing].title}”"
    held = world.things["held post"]
    content_hide(content=held, moderator=staff, reason="Spam")
    labels["held post"] = f"Post #{held.number} in “{Topic.objects.get(pk=held.topic_id).title}”"
    content = world.client(audience).get("/en/moderation/log/").content.decode()
    return {thing: label in content for thing, label in labels.items()}


CHECKS = {
    "knowledge listing": _knowledge_listing,
    "page view": _page_view,
    "comments": _comments,
    "forums": _forums,
    "search": _search,
    "feeds": _feeds,
    "sitemap": _sitemap,
    "notifications": _notifications,
    "moderation log": _moderation_log,
}


def test_every_surface_has_a_check_and_every_row_a_surface():
    assert set(CHECKS) == set(SURFACES)
    assert len(TABLE) == sum(len(things) for things in SURFACES.values()) * len(AUDIENCES)


@pytest.mark.parametrize("audience", AUDIENCES)
@pytest.mark.parametrize("surface", list(SURFACES))
def test_surface_shows_each_audience_what_the_table_says(world, surface, audience):
    assert CHECKS[surface](world, audience) == _expected(surface, audience)
