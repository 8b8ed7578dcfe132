"""Every absolute link comes from the configured address (PORTAL_BASE_URL), here on
a port that is not the default one and whatever Host header the request sent."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from wagtail.models import Site

from forums.models import Post
from portal.audience import Audience
from portal.notifications.models import EmailOutbox
from portal.notifications.services import notification_create
from portal.notifications.verbs import Verb
from portal.site_address import absolute_url, rebased_url, wagtail_site_sync
from tests.accounts.factories import VerifiedUserFactory
from tests.factories import UserFactory
from tests.forums.factories import ForumFactory, PostFactory, TopicFactory
from tests.knowledge.conftest import homes, indexes, library  # noqa: F401 - fixtures

pytestmark = pytest.mark.django_db
BASE = "http://127.0.0.1:8765"
OTHER_HOST = {"HTTP_HOST": "localhost"}
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(autouse=True)
def _served_on_another_port(settings):
    settings.PORTAL_BASE_URL = BASE


def _links(text: str) -> list[str]:
    return re.findall(r"https?://[^\s<>\"]+", text)


def test_absolute_url_prefixes_paths_and_leaves_other_sites_alone():
    assert absolute_url("/en/forums/") == f"{BASE}/en/forums/"
    assert absolute_url("en/forums/?page=2") == f"{BASE}/en/forums/?page=2"
    assert absolute_url("https://www.who.int/") == "https://www.who.int/"
    assert rebased_url("http://localhost/en/?q=1#top") == f"{BASE}/en/?q=1#top"


def test_notification_email_and_unsubscribe_links_use_the_configured_address():
    reader = UserFactory(username="omar")
    notification_create(
        recipients=[reader],
        verb=Verb.POST_REPLY,
        summary="Vaccination",
        url="/en/forums/",
        actor=UserFactory(),
    )
    entry = EmailOutbox.objects.get()
    links = _links(entry.body_text) + _links(entry.body_html)
    assert len(links) >= 8
    assert all(link.startswith(f"{BASE}/") for link in links), links
    assert f"{BASE}/en/forums/" in links
    assert entry.headers["List-Unsubscribe"].startswith(f"<{BASE}/en/notifications/unsubscribe/")


def test_account_emails_use_the_configured_address_not_the_host_header(client):
    registered = VerifiedUserFactory()
    response = client.post("/en/accounts/password/reset/", {"email": registered.email}, **OTHER_HOST)
    assert response.status_code == 302
    body = EmailOutbox.objects.get().body_text
    assert f"{BASE}/en/accounts/password/reset/key/" in body
    assert "localhost" not in body and "testserver" not in body


def test_feed_links_use_the_configured_address(client, library):  # noqa: F811
    rss = ET.fromstring(client.get("/en/knowledge/feeds/briefs/rss/", **OTHER_HOST).content)
    links = [rss.find("channel").findtext("link")] + [item.findtext("link") for item in rss.iter("item")]
    assert len(links) == 5
    assert f"{BASE}/en/policy-briefs/clinics-for-everyone/" in links
    atom = ET.fromstring(client.get("/ar/knowledge/feeds/briefs/atom/", **OTHER_HOST).content)
    hrefs = [link.get("href") for link in atom.iter(f"{ATOM}link")]
    assert f"{BASE}/ar/knowledge/feeds/briefs/atom/" in hrefs
    assert all(link.startswith(f"{BASE}/") for link in links + hrefs), links + hrefs


def test_forum_feed_links_use_the_configured_address(client):
    forum = ForumFactory(slug="health", visibility=Audience.PUBLIC)
    post = PostFactory(topic=TopicFactory(forum=forum), status=Post.Status.VISIBLE)
    rss = ET.fromstring(client.get(reverse("forums:forum_feed", args=["health"]), **OTHER_HOST).content)
    links = [rss.find("channel").findtext("link")] + [item.findtext("link") for item in rss.iter("item")]
    assert links[0] == f"{BASE}{forum.get_absolute_url()}"
    assert f"{BASE}{post.get_absolute_url()}" in links[1:]
    assert all(link.startswith(f"{BASE}/") for link in links)


def test_sitemap_locations_use_the_configured_address(client, library):  # noqa: F811
    response = client.get("/sitemap.xml", **OTHER_HOST)
    locations = [
        url.findtext(f"{SITEMAP}loc") for url in ET.fromstring(response.content).iter(f"{SITEMAP}url")
    ]
    assert f"{BASE}/ar/policy-briefs/majalis/" in locations
    assert all(location.startswith(f"{BASE}/") for location in locations), locations
    assert f"Sitemap: {BASE}/sitemap.xml" in client.get("/robots.txt", **OTHER_HOST).content.decode()


def test_open_graph_and_canonical_links_use_the_configured_address(client, library):  # noqa: F811
    html = client.get("/en/policy-briefs/clinics-for-everyone/", **OTHER_HOST).content.decode()
    assert f'<meta property="og:url" content="{BASE}/en/policy-briefs/clinics-for-everyone/">' in html
    assert f'<link rel="canonical" href="{BASE}/en/policy-briefs/clinics-for-everyone/">' in html
    assert f'hreflang="ar" href="{BASE}/ar/policy-briefs/clinics-for-everyone/"' in html
    assert "//localhost" not in html and "//testserver" not in html


def test_wagtail_site_follows_the_configured_address(home_page):
    assert wagtail_site_sync() == 1
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_url) == ("127.0.0.1", 8765, BASE)
    assert wagtail_site_sync() == 0
