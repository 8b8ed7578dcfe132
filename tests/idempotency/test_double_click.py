"""Two sendings of one form at the same moment, on two connections, write once."""

import threading
from uuid import uuid4

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from forums.models import Topic
from portal.idempotency.decorators import FIELD_NAME
from tests.accounts.factories import VerifiedUserFactory
from tests.forums.factories import ForumFactory

# SQLite's in-memory test database refuses a second writer at once instead of
# making it wait, so only a server database shows what a double click meets.
pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs concurrent writers (PostgreSQL)"),
]


def test_a_double_click_writes_one_topic_and_both_clicks_get_its_address(settings):
    settings.PORTAL_TRUST_MEMBER_AFTER_POSTS = 0
    settings.PORTAL_POSTING_RATE_LIMIT = ""
    forum = ForumFactory(slug="health")
    person = VerifiedUserFactory()
    url = reverse("forums:topic_create", args=[forum.slug])
    for round_number in range(5):
        data = {"title": f"Cold chain {round_number}", "body": "Words", FIELD_NAME: uuid4().hex}
        start = threading.Barrier(2)
        answers = []

        def click(data=data, start=start, answers=answers):
            client = Client()
            client.force_login(person)
            start.wait()
            try:
                answers.append(client.post(url, data))
            finally:
                connection.close()

        clicks = [threading.Thread(target=click) for _ in range(2)]
        for thread in clicks:
            thread.start()
        for thread in clicks:
            thread.join(timeout=30)
        assert [answer.status_code for answer in answers] == [302, 302]
        assert answers[0]["Location"] == answers[1]["Location"]
        assert Topic.objects.filter(title=data["title"]).count() == 1
