import xml.etree.ElementTree as ET

import pytest

from tests.knowledge.factories import PolicyBriefPageFactory

pytestmark = pytest.mark.django_db
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def test_sitemap_lists_live_pages_of_every_language(client, indexes, library):
    PolicyBriefPageFactory(parent=indexes["en"]["briefs"], title="Draft", live=False)
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    locations = {
        url.findtext(f"{SITEMAP}loc") for url in ET.fromstring(response.content).iter(f"{SITEMAP}url")
    }
    assert all(location.startswith("http://testserver/") for location in locations)
    paths = {location.removeprefix("http://testserver") for location in locations}
    assert {"/en/", "/ar/", "/fr/"} <= paths
    assert {
        "/en/policy-briefs/clinics-for-everyone/",
        "/ar/policy-briefs/clinics-for-everyone/",
        "/ar/policy-briefs/majalis/",
        "/fr/policy-briefs/guichets/",
        "/fr/lessons-learned/",
    } <= paths
    assert "/en/policy-briefs/draft/" not in paths
