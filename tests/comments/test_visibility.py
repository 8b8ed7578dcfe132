"""Comments on pages not everyone may read stay with the people who may."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from wagtail.models import PageViewRestriction

from portal.comments.services import comment_create
from portal.notifications.models import EmailOutbox, Notification
from portal.notifications.services import watch_start
from tests.accounts.factories import VerifiedUserFactory
from tests.comments.factories import CommentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def partners_group(db):
    return Group.objects.create(name="Partner staff")


@pytest.fixture
def restricted_brief(brief, partners_group):
    restriction = PageViewRestriction.objects.create(page=brief, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(partners_group)
    return brief


def test_notification_emails_reach_only_people_who_may_read_the_page(
    restricted_brief, commenter, other, partners_group, django_capture_on_commit_callbacks
):
    commenter.groups.add(partners_group)
    insider = VerifiedUserFactory(username="insider", email="insider@who.example.org")
    insider.groups.add(partners_group)
    for person in (insider, other):
        watch_start(user=person, target=restricted_brief)

    with django_capture_on_commit_callbacks(execute=True):
        comment_create(page=restricted_brief, author=commenter, body="Internal figures for Q3")

    assert list(Notification.objects.values_list("recipient__username", flat=True)) == ["insider"]
    assert [m.to for m in mail.outbox] == [["insider@who.example.org"]]
    assert not EmailOutbox.objects.filter(to_address=other.email).exists()


def test_outsiders_cannot_read_or_write_comments_on_a_restricted_page(client, restricted_brief, other):
    comment = CommentFactory(page=restricted_brief)
    client.force_login(other)
    assert client.get(f"/en/comments/{comment.pk}/").status_code == 404
    assert client.post(f"/en/comments/page/{restricted_brief.pk}/", {"body": "Hi"}).status_code == 404
    assert client.get(f"/en/comments/{comment.pk}/report/").status_code == 404
    client.logout()
    assert client.get(f"/en/comments/{comment.pk}/").status_code == 404
