"""The page cache on (it is off in tests), empty at the start of each test; the
knowledge fixtures for the pages it keeps."""

import pytest
from django.core.cache import cache
from django.test import Client

from portal.audience import Audience, audience_key
from portal.pagecache import fragments, store
from tests.forums.factories import ForumFactory, TopicFactory, make_member
from tests.knowledge.conftest import homes, indexes, library  # noqa: F401
from tests.knowledge.factories import PolicyBriefPageFactory, ThemePageFactory, translate

SECONDS = 300


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = SECONDS
    cache.clear()
    yield
    cache.clear()


def is_cached(path: str, query: str = "") -> bool:
    """Whether an anonymous reader asking for ``path`` now gets the stored page."""
    key = store.entry_key(origin="http://testserver", path=path, query=query, encoding="")
    entry, _stamp = store.lookup(key=key, path=path)
    return entry is not None


def page_text(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def body_is_kept(url, user) -> bool:
    """Whether the body of ``url`` is kept for ``user``'s audience."""
    path = url.partition("?")[0]
    language = path.split("/")[1]
    key = store.body_key(url=f"http://testserver{url}", language=language, audience=audience_key(user))
    body, _stamp = store.lookup(key=key, path=path, kind=fragments.Body)
    return body is not None


def readers_of(knowledge, group) -> dict[str, Client]:
    """Signed-in clients of an insider (a member of WHO in ``group``), a colleague (a
    member of WHO outside it) and a member of IOM, and an anonymous client; WHO and
    IOM are those of the ``library`` fixture, given as ``knowledge``."""
    insider = make_member(organisation=knowledge["who"])
    insider.groups.add(group)
    clients = {
        "insider": Client(),
        "colleague": Client(),
        "other organisation": Client(),
        "anonymous": Client(),
    }
    clients["insider"].force_login(insider)
    clients["colleague"].force_login(make_member(organisation=knowledge["who"]))
    clients["other organisation"].force_login(make_member(organisation=knowledge["iom"]))
    return clients


@pytest.fixture
def forums(db):
    """A public forum with a topic, and a partners-only one with a topic."""
    public = ForumFactory(name="Health", slug="health", visibility=Audience.PUBLIC)
    partners = ForumFactory(name="Joint action room", slug="joint-room", visibility=Audience.PARTNERS)
    return {
        "public": public,
        "public_topic": TopicFactory(forum=public, title="Vaccination in camps"),
        "partners": partners,
        "partners_topic": TopicFactory(forum=partners, title="Confidential budget shift"),
    }


@pytest.fixture
def theme_pages(homes, library):  # noqa: F811 (the fixtures imported above)
    """The health theme's page in each language."""
    english = ThemePageFactory(parent=homes["en"], theme=library["health"])
    return {"en": english, **{code: translate(english, homes[code].locale) for code in ("ar", "fr")}}


@pytest.fixture
def open_posting(settings):
    """Posts and comments show at once, however many a person wrote."""
    settings.PORTAL_TRUST_MEMBER_AFTER_POSTS = 0
    settings.PORTAL_POSTING_RATE_LIMIT = ""


@pytest.fixture
def draft_brief(library):  # noqa: F811 (the fixture imported above)
    """An unpublished health brief by WHO, listed wherever it is published."""
    return PolicyBriefPageFactory(
        parent=library["health_jo"].get_parent(),
        title="Mobile clinics",
        live=False,
        themes=[library["health"]],
        organisations=[library["who"]],
    )
