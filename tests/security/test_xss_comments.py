"""Hostile input through comments, replies, previews and the emails they cause:
what is stored, and what pages and emails print, contains no active markup."""

import pytest
from django.core import mail

from portal.comments.models import Comment
from portal.notifications.services import watch_start
from tests.accounts.factories import VerifiedUserFactory
from tests.knowledge.factories import PolicyBriefIndexPageFactory, PolicyBriefPageFactory
from tests.security.html_check import active_markup
from tests.security.xss_vectors import XSS_VECTORS

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _open_posting(settings):
    settings.PORTAL_TRUST_MEMBER_AFTER_POSTS = 0
    settings.PORTAL_POSTING_RATE_LIMIT = ""


@pytest.fixture
def brief(home_page):
    index = PolicyBriefIndexPageFactory(parent=home_page, title="Briefs", slug="briefs")
    return PolicyBriefPageFactory(parent=index, title="Brief", slug="brief")


def _post_all(client, brief, parent=None):
    accepted = 0
    for vector in XSS_VECTORS:
        data = {"body": vector, **({"parent": parent.pk} if parent else {})}
        status = client.post(f"/en/comments/page/{brief.pk}/", data).status_code
        # Django refuses null characters outright; blank-looking text is refused too.
        assert status in (302, 400), vector
        accepted += status == 302
    return accepted


def test_comments_and_replies_store_and_show_no_active_markup(client, brief):
    author = VerifiedUserFactory()
    client.force_login(author)
    accepted = _post_all(client, brief)
    assert accepted >= len(XSS_VECTORS) - 5
    parent = Comment.objects.filter(parent=None).first()
    accepted += _post_all(client, brief, parent=parent)
    assert Comment.objects.count() == accepted
    for comment in Comment.objects.all():
        assert active_markup(comment.body_html) == [], comment.body_source
    html = client.get("/en/briefs/brief/").content.decode()
    assert html.count('class="comment comment--visible"') == accepted
    assert active_markup(html, page=True) == []


@pytest.mark.parametrize("vector", XSS_VECTORS[::7])
def test_preview_shows_no_active_markup(client, brief, vector):
    client.force_login(VerifiedUserFactory())
    response = client.post(f"/en/comments/page/{brief.pk}/", {"body": vector, "preview": "1"})
    assert response.status_code in (200, 400)
    assert active_markup(response.content.decode(), page=True) == []
    assert not Comment.objects.exists()


def test_notification_emails_about_hostile_comments_are_inert(
    client, brief, django_capture_on_commit_callbacks
):
    watcher = VerifiedUserFactory()
    watch_start(user=watcher, target=brief)
    hostile = VerifiedUserFactory(first_name='<img src=x onerror="alert(1)">', last_name="<script>x</script>")
    client.force_login(hostile)
    with django_capture_on_commit_callbacks(execute=True):
        for vector in XSS_VECTORS[:10]:
            client.post(f"/en/comments/page/{brief.pk}/", {"body": vector})
    assert len(mail.outbox) >= 9
    for message in mail.outbox:
        # A whole email document: its own <meta charset> is expected.
        assert active_markup(message.alternatives[0][0], page=True) == []
    client.force_login(watcher)
    listing = client.get("/en/notifications/").content.decode()
    assert "&lt;img src=x" in listing
    assert active_markup(listing, page=True) == []
