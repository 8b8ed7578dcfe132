import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.template.loader import render_to_string
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portal.notifications.models import Notification, NotificationPreference
from portal.notifications.tokens import unsubscribe_token
from portal.notifications.verbs import Kind
from tests.factories import UserFactory
from tests.notifications.factories import NotificationFactory

pytestmark = pytest.mark.django_db

LIST_URL = "/en/notifications/"


def test_list_needs_login(client):
    response = client.get(LIST_URL)
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_list_shows_own_notifications_and_marks_them_read(client, reader, actor):
    NotificationFactory(recipient=reader, actor=actor, summary="Mine to read")
    NotificationFactory(actor=actor, summary="Somebody else's")
    client.force_login(reader)
    response = client.get(LIST_URL)
    content = response.content.decode()
    assert response.status_code == 200
    assert "Mine to read" in content and "Somebody else" not in content
    assert "notification--unread" in content
    assert "Amal Haddad posted in a topic you watch" in content
    assert not Notification.objects.filter(recipient=reader, read_at__isnull=True).exists()
    assert "notification--unread" not in client.get(LIST_URL).content.decode()


def test_list_escapes_what_people_wrote(client, reader):
    hostile = UserFactory(username="x", first_name="<script>alert(1)</script>", last_name="")
    NotificationFactory(recipient=reader, actor=hostile, summary="<img src=x onerror=alert(1)>")
    client.force_login(reader)
    content = client.get(LIST_URL).content.decode()
    assert "<script>alert" not in content and "<img src=x" not in content
    assert "&lt;img src=x onerror=alert(1)&gt;" in content


def test_list_page_queries_do_not_grow_with_notifications(client, reader):
    client.force_login(reader)
    client.get(LIST_URL)  # the first request builds the site structure

    def count_for(total):
        Notification.objects.all().delete()
        actors = [UserFactory() for _ in range(5)]
        for index in range(total):
            NotificationFactory(recipient=reader, actor=actors[index % 5])
        with CaptureQueriesContext(connection) as queries:
            assert client.get(LIST_URL).status_code == 200
        return len(queries)

    assert count_for(10) == count_for(200)


def test_mark_all_read_is_post_only(client, reader):
    NotificationFactory.create_batch(3, recipient=reader)
    client.force_login(reader)
    assert client.get("/en/notifications/read/").status_code == 405
    response = client.post("/en/notifications/read/", follow=True)
    assert "3 notifications marked as read." in response.content.decode()
    assert not Notification.objects.filter(read_at__isnull=True).exists()


def _render_badge(user):
    request = RequestFactory().get("/en/")
    request.user = user
    return render_to_string("notifications/includes/badge.html", {"user": user, "request": request})


def test_badge_costs_nothing_for_anonymous_visitors():
    with CaptureQueriesContext(connection) as queries:
        html = _render_badge(AnonymousUser())
    assert len(queries) == 0
    assert html.strip() == ""


def test_badge_counts_unread_in_one_query(reader):
    NotificationFactory.create_batch(4, recipient=reader)
    NotificationFactory(recipient=reader, read_at="2024-01-01T00:00:00Z")
    with CaptureQueriesContext(connection) as queries:
        html = _render_badge(reader)
    assert len(queries) == 1
    assert '<span class="notification-badge__count">4</span>' in html


def test_badge_appears_on_every_page(client, home_page, reader):
    NotificationFactory(recipient=reader)
    client.force_login(reader)
    assert 'class="notification-badge__count">1<' in client.get("/en/").content.decode()


def test_preferences_are_saved(client, reader):
    client.force_login(reader)
    assert client.get("/en/notifications/preferences/").status_code == 200
    response = client.post(
        "/en/notifications/preferences/",
        {"email_mode": "daily", "email_watched": "on", "language": "fr"},
    )
    assert response.status_code == 302
    preference = NotificationPreference.objects.get(user=reader)
    assert preference.email_mode == "daily" and preference.language == "fr"
    assert preference.email_watched and not preference.email_replies and not preference.email_moderation


def test_bad_preferences_get_a_400_and_change_nothing(client, reader):
    client.force_login(reader)
    response = client.post("/en/notifications/preferences/", {"email_mode": "hourly", "language": "xx"})
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert not NotificationPreference.objects.exists()


def _unsubscribe_url(user, scope="all"):
    return reverse("notifications:unsubscribe", args=[unsubscribe_token(user=user, scope=scope)])


def test_unsubscribe_works_logged_out_after_confirming(client, reader):
    url = _unsubscribe_url(reader)
    response = client.get(url)
    assert response.status_code == 200
    assert "<form" in response.content.decode()
    assert not NotificationPreference.objects.exists()
    assert client.post(url).status_code == 200
    assert NotificationPreference.objects.get(user=reader).email_mode == "off"


def test_one_click_unsubscribe_needs_no_csrf_token(reader):
    client = Client(enforce_csrf_checks=True)
    response = client.post(_unsubscribe_url(reader, Kind.REPLIES), {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    preference = NotificationPreference.objects.get(user=reader)
    assert preference.email_mode == "immediate"
    assert not preference.email_replies and preference.email_watched


def test_forged_or_tampered_unsubscribe_token_is_refused(client, reader):
    token = unsubscribe_token(user=reader)
    for bad in ["nonsense", token[:-2] + "xx", token.replace(token[0], "Z", 1)]:
        url = reverse("notifications:unsubscribe", args=[bad])
        assert client.get(url).status_code == 400
        assert client.post(url).status_code == 400
    assert not NotificationPreference.objects.exists()


def test_token_of_a_deleted_person_is_refused(client, reader):
    url = _unsubscribe_url(reader)
    reader.delete()
    assert client.post(url).status_code == 400
