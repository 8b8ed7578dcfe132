"""The page documenting the API, in the three languages, linked from every footer."""

import pytest

from tests.opendata.conftest import session_client

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]


@pytest.mark.parametrize(
    ("language", "heading"),
    [
        ("en", "Open data and API"),
        ("ar", "البيانات المفتوحة وواجهة البرمجة"),
        ("fr", "Données ouvertes et API"),
    ],
)
def test_the_api_page_speaks_the_readers_language(language, heading):
    home = session_client().get(f"/{language}/").content.decode()
    assert f'href="/{language}/opendata/"' in home
    page = session_client().get(f"/{language}/opendata/")
    text = page.content.decode()
    assert f"<h1>{heading}</h1>" in text
    assert "/api/v2/schema/" in text and "/iati/activities.xml" in text
    # Examples name the configured address, not whatever Host a request claims.
    assert 'curl "http://testserver/api/v2/briefs/' in text
