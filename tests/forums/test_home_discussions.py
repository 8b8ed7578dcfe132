"""The home page lists the latest public discussions, never partners-only ones."""

import pytest

pytestmark = pytest.mark.django_db


def test_home_page_shows_latest_public_discussions_only(
    client_for, home_page, public_topic, partners_topic, member
):
    for client in (client_for(), client_for(member)):
        page = client.get("/en/").content.decode()
        assert "Latest discussions" in page
        assert "Vaccination in camps" in page
        assert "Confidential budget shift" not in page
