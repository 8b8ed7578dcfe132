"""RSS and Atom feeds per kind and per thematic area, linked from the pages."""

import xml.etree.ElementTree as ET

import pytest

from tests.knowledge.factories import JointActionPageFactory, LessonLearnedPageFactory

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def rss_items(response):
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    return channel, [(item.findtext("title"), item.findtext("link")) for item in channel.findall("item")]


def atom_entries(response):
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    return feed, [
        (entry.findtext(f"{ATOM}title"), entry.find(f"{ATOM}link").get("href"))
        for entry in feed.findall(f"{ATOM}entry")
    ]


def test_briefs_rss_lists_the_readers_versions_newest_first(client, library):
    channel, items = rss_items(client.get("/en/knowledge/feeds/briefs/rss/"))
    assert channel.findtext("language") == "en"
    assert [title for title, _link in items] == [
        "التماسك في المجالس البلدية",
        "Fair recruitment",
        "Clinics for everyone",
        "Guichets uniques pour l'emploi",
    ]
    assert items[1][1] == "http://testserver/en/policy-briefs/fair-recruitment/"
    assert items[0][1] == "http://testserver/ar/policy-briefs/majalis/"
    categories = [
        c.text for c in ET.fromstring(client.get("/en/knowledge/feeds/briefs/rss/").content).iter("category")
    ]
    assert "Health" in categories


def test_briefs_atom_in_arabic_uses_the_arabic_translation(client, library):
    feed, entries = atom_entries(client.get("/ar/knowledge/feeds/briefs/atom/"))
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "ar"
    assert ("عيادات للجميع", "http://testserver/ar/policy-briefs/clinics-for-everyone/") in entries
    assert "Clinics for everyone" not in [title for title, _link in entries]


def test_theme_feeds_mix_the_three_kinds_of_one_theme(client, indexes, library):
    JointActionPageFactory(
        parent=indexes["en"]["joint-actions"], title="Health access", themes=[library["health"]]
    )
    LessonLearnedPageFactory(
        parent=indexes["en"]["lessons"], title="Labour lesson", themes=[library["labour"]]
    )
    _feed, entries = atom_entries(client.get("/en/knowledge/feeds/themes/health/atom/"))
    titles = {title for title, _link in entries}
    assert titles == {"Health access", "Clinics for everyone", "التماسك في المجالس البلدية"}
    _channel, items = rss_items(client.get("/en/knowledge/feeds/themes/labour/rss/"))
    assert {title for title, _link in items} == {
        "Labour lesson",
        "Fair recruitment",
        "Guichets uniques pour l'emploi",
    }


@pytest.mark.parametrize(
    "url",
    [
        "/en/knowledge/feeds/nothing/rss/",
        "/en/knowledge/feeds/themes/nothing/atom/",
        "/en/knowledge/feeds/themes/rss/",
    ],
)
def test_unknown_feeds_are_not_found(client, library, url):
    assert client.get(url).status_code == 404


def test_pages_link_their_feeds(client, library):
    index = client.get("/en/policy-briefs/").content.decode()
    assert (
        '<link rel="alternate" type="application/rss+xml" title="Policy briefs (RSS)" '
        'href="/en/knowledge/feeds/briefs/rss/">' in index
    )
    assert 'type="application/atom+xml"' in index
    brief = client.get(library["labour_lb"].url).content.decode()
    assert 'href="/en/knowledge/feeds/briefs/atom/"' in brief
