"""A suspended person reads comments as before and writes none: every comment write
is refused with a page saying until when, and the database is left as it was."""

from datetime import timedelta

import pytest
from django.utils import timezone

from portal.comments import services
from portal.comments.models import Comment, PageCommentSettings
from portal.moderation.models import Report, Suspension
from portal.moderation.services import Suspended
from tests.comments.factories import CommentFactory
from tests.moderation.factories import SuspensionFactory

pytestmark = pytest.mark.django_db

REFUSAL = "Your account is suspended until"


@pytest.fixture
def suspended(editor):
    """An editor of the brief's organisation (who may close its comments), suspended."""
    SuspensionFactory(user=editor)
    return editor


@pytest.fixture
def own_comment(brief, suspended):
    return CommentFactory(page=brief, author=suspended, body_source="My words")


@pytest.fixture
def others_comment(brief, other):
    return CommentFactory(page=brief, author=other, body_source="Their words")


def _state():
    return {
        "comments": sorted(Comment.objects.values_list("pk", "body_source", "status", "edit_count")),
        "reports": Report.objects.count(),
        "closed": list(PageCommentSettings.objects.values_list("page_id", "closed")),
    }


WRITES = {
    "comment": lambda brief, own, others: (f"/en/comments/page/{brief.pk}/", {"body": "New words"}),
    "reply": lambda brief, own, others: (
        f"/en/comments/page/{brief.pk}/",
        {"body": "New words", "parent": others.pk},
    ),
    "edit": lambda brief, own, others: (f"/en/comments/{own.pk}/edit/", {"body": "Changed words"}),
    "delete": lambda brief, own, others: (f"/en/comments/{own.pk}/delete/", {}),
    "report": lambda brief, own, others: (f"/en/comments/{others.pk}/report/", {"reason": "spam"}),
    "close_comments": lambda brief, own, others: (f"/en/comments/page/{brief.pk}/closed/", {"closed": "1"}),
}


@pytest.mark.parametrize("write", sorted(WRITES))
def test_every_comment_write_of_a_suspended_person_is_refused(
    write, client, brief, suspended, own_comment, others_comment
):
    url, data = WRITES[write](brief, own_comment, others_comment)
    client.force_login(suspended)
    before = _state()
    response = client.post(url, data)
    assert response.status_code == 403
    assert REFUSAL in response.content.decode()
    assert _state() == before


@pytest.mark.parametrize("write", sorted(WRITES))
def test_the_same_writes_go_through_once_the_suspension_is_lifted(
    write, client, brief, suspended, own_comment, others_comment
):
    Suspension.objects.filter(user=suspended).update(lifted_at=timezone.now())
    url, data = WRITES[write](brief, own_comment, others_comment)
    client.force_login(suspended)
    before = _state()
    assert client.post(url, data).status_code == 302
    assert _state() != before


def test_the_page_tells_them_until_when_and_offers_no_form(client, brief_url, suspended, own_comment):
    client.force_login(suspended)
    page = client.get(brief_url).content.decode()
    assert REFUSAL in page
    assert "My words" in page
    assert 'class="comment-form"' not in page
    assert "Confirm your email address" not in page
    assert f"/en/comments/{own_comment.pk}/edit/" not in page


def test_services_check_again_when_the_suspension_began_after_the_rules_were_asked(
    brief, commenter, others_comment
):
    own = CommentFactory(page=brief, author=commenter)
    services.comment_create(page=brief, author=commenter, body="Before")
    SuspensionFactory(user=commenter, ends_at=timezone.now() + timedelta(hours=1), reason="Spam")
    before = _state()
    attempts = [
        lambda: services.comment_create(page=brief, author=commenter, body="After"),
        lambda: services.comment_reply(parent=others_comment, author=commenter, body="After"),
        lambda: services.comment_edit(comment=own, editor=commenter, body="After"),
        lambda: services.comment_delete(comment=own, user=commenter),
    ]
    for attempt in attempts:
        with pytest.raises(Suspended):
            attempt()
    assert _state() == before
