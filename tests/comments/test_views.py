"""Comments through HTTP, as each kind of person."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.comments.models import Comment, PageCommentSettings
from portal.moderation.models import ModerationAction, Report
from portal.notifications.models import Notification
from portal.notifications.selectors import is_watching
from tests.comments.factories import CommentFactory

pytestmark = pytest.mark.django_db


def _create_url(page):
    return f"/en/comments/page/{page.pk}/"


def test_anonymous_reader_sees_comments_and_an_invitation_to_log_in(client, brief, brief_url):
    CommentFactory(page=brief, body_source="Visible words", body_html="<p>Visible words</p>")
    content = client.get(brief_url).content.decode()
    assert "1 comment" in content and "Visible words" in content
    assert "to comment." in content and 'class="comment-form"' not in content


def test_anonymous_post_is_sent_to_log_in_and_saves_nothing(client, brief):
    response = client.post(_create_url(brief), {"body": "Hello"})
    assert response.status_code == 302 and "login" in response["Location"]
    assert not Comment.objects.exists()


def test_unverified_person_is_asked_to_confirm_their_address(client, brief, brief_url, unverified):
    client.force_login(unverified)
    assert "Confirm your email address to comment." in client.get(brief_url).content.decode()
    response = client.post(_create_url(brief), {"body": "Hello"})
    assert response.status_code == 403
    assert "Hello" in response.content.decode()
    assert not Comment.objects.exists()


def test_registered_person_comments_and_returns_to_the_page(client, brief, brief_url, commenter):
    client.force_login(commenter)
    assert 'class="comment-form"' in client.get(brief_url).content.decode()
    response = client.post(_create_url(brief), {"body": "Clear and *practical*."})
    comment = Comment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{brief_url}#comment-{comment.pk}"
    page = client.get(brief_url).content.decode()
    assert "Your comment is published." in page
    assert "Clear and <em>practical</em>." in page
    assert "Layla Nasser" in page


def test_preview_shows_the_rendered_text_and_saves_nothing(client, brief, commenter):
    client.force_login(commenter)
    response = client.post(_create_url(brief), {"body": "**Bold** idea", "preview": "1"})
    content = response.content.decode()
    assert response.status_code == 200
    assert "<strong>Bold</strong> idea" in content
    assert "**Bold** idea" in content  # still in the textarea
    assert not Comment.objects.exists()


def test_too_long_comment_gets_a_400_and_keeps_the_text(client, brief, commenter):
    client.force_login(commenter)
    body = "word " * 2500
    response = client.post(_create_url(brief), {"body": body})
    assert response.status_code == 400
    assert "word word word" in response.content.decode()
    assert not Comment.objects.exists()


def test_forged_ids_get_clear_4xx(client, brief, home_page, commenter):
    client.force_login(commenter)
    assert client.post("/en/comments/page/999999/", {"body": "x"}).status_code == 404
    assert client.post(_create_url(home_page), {"body": "x"}).status_code == 404
    response = client.post(_create_url(brief), {"body": "x", "parent": "999999"})
    assert response.status_code == 400
    assert "no longer available" in response.content.decode()
    assert client.post(_create_url(brief), {"body": "x", "parent": "abc"}).status_code == 400
    assert client.get(_create_url(brief)).status_code == 405
    assert client.get("/en/comments/999999/").status_code == 404
    assert not Comment.objects.exists()


def test_reply_through_http(client, brief, commenter, other):
    parent = CommentFactory(page=brief, author=commenter)
    client.force_login(other)
    response = client.post(_create_url(brief), {"body": "I agree", "parent": parent.pk})
    assert response.status_code == 302
    assert Comment.objects.get(parent=parent).author == other
    assert Notification.objects.get(recipient=commenter).verb == "comment_reply"


def test_author_edits_and_others_cannot(client, brief, commenter, other):
    comment = CommentFactory(page=brief, author=commenter)
    url = f"/en/comments/{comment.pk}/edit/"
    client.force_login(other)
    assert client.get(url).status_code == 403
    client.force_login(commenter)
    assert client.get(url).status_code == 200
    assert client.post(url, {"body": "Better words"}).status_code == 302
    comment.refresh_from_db()
    assert comment.body_source == "Better words" and comment.edit_count == 1


def test_author_deletes_after_confirming(client, brief, brief_url, commenter):
    comment = CommentFactory(page=brief, author=commenter, body_source="Regret", body_html="<p>Regret</p>")
    client.force_login(commenter)
    url = f"/en/comments/{comment.pk}/delete/"
    assert "Delete your comment?" in client.get(url).content.decode()
    assert client.post(url).status_code == 302
    comment.refresh_from_db()
    assert comment.status == Comment.Status.DELETED
    assert "Regret" not in client.get(brief_url).content.decode()


def test_reader_reports_a_comment_into_the_shared_queue(client, brief, commenter, other):
    comment = CommentFactory(page=brief, author=commenter)
    client.force_login(other)
    url = f"/en/comments/{comment.pk}/report/"
    assert client.post(url, {"reason": "nonsense"}).status_code == 400
    assert client.post(url, {"reason": "spam", "details": "Advert"}).status_code == 302
    report = Report.objects.get()
    assert report.content_object == comment
    response = client.post(url, {"reason": "spam"}, follow=True)
    assert "already reported" in response.content.decode()
    assert Report.objects.count() == 1
    client.force_login(commenter)
    assert client.get(url).status_code == 403


def test_moderator_hides_and_restores_the_author_is_told(client, brief, brief_url, commenter, moderator):
    comment = CommentFactory(page=brief, author=commenter, body_source="Rude", body_html="<p>Rude words</p>")
    client.force_login(moderator)
    url = f"/en/comments/{comment.pk}/moderate/"
    client.post(url, {"action": "hide", "reason": ""})
    comment.refresh_from_db()
    assert comment.status == Comment.Status.VISIBLE
    client.post(url, {"action": "hide", "reason": "Insults"})
    comment.refresh_from_db()
    assert comment.status == Comment.Status.HIDDEN
    assert ModerationAction.objects.get(kind="hide").content_object == comment
    assert Notification.objects.get(recipient=commenter).verb == "content_hidden"
    client.logout()
    page = client.get(brief_url).content.decode()
    assert "This comment was hidden by a moderator." in page and "Rude words" not in page
    assert client.get(f"/en/comments/{comment.pk}/").status_code == 302
    client.force_login(moderator)
    client.post(url, {"action": "restore"})
    comment.refresh_from_db()
    assert comment.status == Comment.Status.VISIBLE


def test_readers_cannot_moderate(client, brief, commenter, other):
    comment = CommentFactory(page=brief, author=commenter)
    client.force_login(other)
    assert (
        client.post(f"/en/comments/{comment.pk}/moderate/", {"action": "hide", "reason": "x"}).status_code
        == 403
    )
    comment.refresh_from_db()
    assert comment.status == Comment.Status.VISIBLE


def test_held_comment_is_seen_only_by_its_author_and_moderators(
    client, brief, brief_url, commenter, other, moderator, settings
):
    settings.PORTAL_TRUST_MEMBER_AFTER_POSTS = 3
    client.force_login(commenter)
    response = client.post(_create_url(brief), {"body": "Waiting words"}, follow=True)
    assert "once a moderator has approved it" in response.content.decode()
    assert "Waiting words" in response.content.decode()
    client.force_login(other)
    assert "Waiting words" not in client.get(brief_url).content.decode()
    comment = Comment.objects.get()
    assert client.get(f"/en/comments/{comment.pk}/").status_code == 404
    client.force_login(moderator)
    client.post(f"/en/comments/{comment.pk}/moderate/", {"action": "approve"})
    client.force_login(other)
    assert "Waiting words" in client.get(brief_url).content.decode()


def test_editor_closes_comments_and_writing_stops(client, brief, brief_url, editor, commenter, member):
    client.force_login(member)
    assert client.post(f"/en/comments/page/{brief.pk}/closed/", {"closed": "1"}).status_code == 403
    client.force_login(editor)
    assert "Close comments" in client.get(brief_url).content.decode()
    assert client.post(f"/en/comments/page/{brief.pk}/closed/", {"closed": "1"}).status_code == 302
    assert PageCommentSettings.objects.get(page=brief).closed
    client.force_login(commenter)
    page = client.get(brief_url).content.decode()
    assert "Comments are closed on this page." in page and 'class="comment-form"' not in page
    response = client.post(_create_url(brief), {"body": "Still want to say this"})
    assert response.status_code == 403
    assert "Still want to say this" in response.content.decode()
    assert not Comment.objects.exists()


def test_follow_and_unfollow_a_page(client, brief, other):
    client.force_login(other)
    client.post(f"/en/comments/page/{brief.pk}/follow/", {"follow": "1"})
    assert is_watching(user=other, target=brief)
    client.post(f"/en/comments/page/{brief.pk}/follow/", {"follow": "0"})
    assert not is_watching(user=other, target=brief)


def test_comment_address_leads_to_its_place_on_the_page(client, brief, brief_url):
    comment = CommentFactory(page=brief)
    response = client.get(f"/en/comments/{comment.pk}/")
    assert response["Location"] == f"{brief_url}#comment-{comment.pk}"


def test_arabic_comment_is_marked_for_right_to_left(client, brief, brief_url, commenter):
    client.force_login(commenter)
    client.post(_create_url(brief), {"body": "شكراً على هذا الموجز"})
    content = client.get(brief_url).content.decode()
    assert 'lang="ar" dir="auto"' in content


def test_page_queries_do_not_grow_with_comments(client, brief, brief_url, commenter, other):
    client.force_login(commenter)
    client.get(brief_url)  # warm the per-process caches (content types, site root)

    def count_for(total):
        Comment.objects.all().delete()
        authors = [commenter, other]
        for index in range(total):
            parent = CommentFactory(page=brief, author=authors[index % 2])
            if index % 3 == 0:
                CommentFactory(page=brief, parent=parent, author=authors[(index + 1) % 2])
        with CaptureQueriesContext(connection) as queries:
            assert client.get(brief_url).status_code == 200
        return len(queries)

    assert count_for(10) == count_for(200)
