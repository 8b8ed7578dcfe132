from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from portal.comments.models import Comment
from portal.comments.selectors import comment_counts
from portal.comments.services import (
    comment_create,
    comment_delete,
    comment_edit,
    comment_reply,
    comments_close,
    comments_open,
)
from portal.moderation.models import EditRevision, ModerationAction
from portal.moderation.services import PostingNotAllowed, content_approve, user_suspend
from portal.notifications.models import Notification
from portal.notifications.selectors import is_watching
from portal.notifications.services import watch_start
from tests.comments.factories import CommentFactory
from tests.knowledge.factories import PolicyBriefPageFactory

pytestmark = pytest.mark.django_db


def test_comment_is_saved_rendered_and_the_author_follows_the_page(brief, commenter):
    comment = comment_create(page=brief, author=commenter, body="Thanks, **very** useful.", language="en")
    assert comment.status == Comment.Status.VISIBLE
    assert comment.body_html == '<p dir="auto">Thanks, <strong>very</strong> useful.</p>'
    assert is_watching(user=commenter, target=brief)


def test_arabic_comment_is_marked_arabic(brief, commenter):
    comment = comment_create(page=brief, author=commenter, body="شكراً على هذا الموجز المفيد", language="en")
    assert comment.language == "ar"


def test_watchers_hear_of_a_new_comment_but_not_the_author(
    brief, commenter, other, django_capture_on_commit_callbacks
):
    watch_start(user=other, target=brief)
    with django_capture_on_commit_callbacks(execute=True):
        comment_create(page=brief, author=commenter, body="A first thought.")
    notification = Notification.objects.get()
    assert notification.recipient == other and notification.verb == "comment_created"
    assert notification.summary == "Health access for migrants"
    assert [m.to for m in mail.outbox] == [[other.email]]


def test_reply_tells_the_parent_author_once(brief, commenter, other):
    parent = comment_create(page=brief, author=commenter, body="Question?")
    reply = comment_reply(parent=parent, author=other, body="Answer.")
    assert reply.parent == parent
    # The parent's author also follows the page, and still hears only once.
    assert list(Notification.objects.values_list("recipient__username", "verb")) == [
        ("layla", "comment_reply")
    ]


def test_replies_stay_one_level_deep(brief, commenter, other):
    parent = comment_create(page=brief, author=commenter, body="Top")
    reply = comment_reply(parent=parent, author=other, body="Reply")
    second = comment_reply(parent=reply, author=commenter, body="Reply to the reply")
    assert second.parent_id == parent.pk


def test_held_comment_is_announced_when_approved(
    brief, commenter, other, moderator, settings, django_capture_on_commit_callbacks
):
    settings.PORTAL_TRUST_MEMBER_AFTER_POSTS = 1
    watch_start(user=other, target=brief)
    comment = comment_create(page=brief, author=commenter, body="My first words")
    assert comment.status == Comment.Status.HELD
    assert not Notification.objects.filter(recipient=other).exists()
    with django_capture_on_commit_callbacks(execute=True):
        content_approve(content=comment, moderator=moderator)
    assert Notification.objects.filter(recipient=other, verb="comment_created").exists()
    assert Notification.objects.filter(recipient=commenter, verb="content_approved").exists()


def test_unverified_people_cannot_comment(brief, unverified):
    with pytest.raises(PermissionDenied):
        comment_create(page=brief, author=unverified, body="Hello")
    assert not Comment.objects.exists()


def test_only_knowledge_pages_take_comments(home_page, commenter):
    with pytest.raises(PermissionDenied):
        comment_create(page=home_page, author=commenter, body="Hello")


def test_suspended_people_cannot_comment(brief, commenter, moderator):
    user_suspend(
        user=commenter, moderator=moderator, ends_at=timezone.now() + timedelta(days=1), reason="Spam"
    )
    with pytest.raises(PostingNotAllowed):
        comment_create(page=brief, author=commenter, body="Hello")
    assert not Comment.objects.exists()


def test_rate_limit_applies_to_comments(brief, commenter, settings):
    settings.PORTAL_POSTING_RATE_LIMIT = "2/m"
    comment_create(page=brief, author=commenter, body="One")
    comment_create(page=brief, author=commenter, body="Two")
    with pytest.raises(PostingNotAllowed):
        comment_create(page=brief, author=commenter, body="Three")
    assert Comment.objects.count() == 2


@pytest.mark.parametrize("body", ["", "   ", "x" * 10_001])
def test_empty_or_huge_comments_are_refused(brief, commenter, body):
    with pytest.raises(ValidationError):
        comment_create(page=brief, author=commenter, body=body)


def test_editors_of_the_pages_organisation_close_and_reopen(brief, editor, member, commenter, moderator):
    with pytest.raises(PermissionDenied):
        comments_close(page=brief, user=member)
    comments_close(page=brief, user=editor)
    with pytest.raises(PermissionDenied):
        comment_create(page=brief, author=commenter, body="Too late")
    assert ModerationAction.objects.filter(kind="close").exists()
    comments_open(page=brief, user=moderator)
    assert comment_create(page=brief, author=commenter, body="Open again").pk


def test_author_edit_keeps_the_previous_text(brief, commenter):
    comment = comment_create(page=brief, author=commenter, body="Frist")
    comment = comment_edit(comment=comment, editor=commenter, body="First")
    assert comment.body_source == "First" and comment.edit_count == 1
    assert EditRevision.objects.get().body_source == "Frist"


def test_moderator_edit_needs_a_reason_and_is_logged(brief, commenter, moderator, other):
    comment = comment_create(page=brief, author=commenter, body="Call me on 0790000000")
    with pytest.raises(PermissionDenied):
        comment_edit(comment=comment, editor=other, body="Vandalised")
    with pytest.raises(ValidationError):
        comment_edit(comment=comment, editor=moderator, body="Call me")
    comment_edit(comment=comment, editor=moderator, body="Call me", reason="Personal data removed")
    assert ModerationAction.objects.get(kind="edit").reason == "Personal data removed"


def test_only_the_author_deletes(brief, commenter, other):
    comment = comment_create(page=brief, author=commenter, body="Mine")
    with pytest.raises(PermissionDenied):
        comment_delete(comment=comment, user=other)
    assert comment_delete(comment=comment, user=commenter).status == Comment.Status.DELETED


def test_comment_counts_for_many_pages_in_one_query(briefs_index, brief):
    pages = [brief] + [PolicyBriefPageFactory(parent=briefs_index) for _ in range(3)]
    CommentFactory.create_batch(3, page=pages[0])
    CommentFactory(page=pages[1])
    CommentFactory(page=pages[1], status=Comment.Status.HIDDEN)
    CommentFactory(page=pages[2], status=Comment.Status.HELD)
    with CaptureQueriesContext(connection) as queries:
        counts = comment_counts([p.pk for p in pages])
    assert len(queries) == 1
    assert counts == {pages[0].pk: 3, pages[1].pk: 1}
