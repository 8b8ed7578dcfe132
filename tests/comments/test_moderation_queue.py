"""Comments share the moderation queue and the logs with forum posts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.accounts.selectors import display_name, is_moderator
from portal.comments.models import Comment
from portal.moderation.models import Report
from portal.moderation.selectors import moderation_queue
from portal.moderation.services import content_hide, content_report
from tests.comments.factories import CommentFactory

pytestmark = pytest.mark.django_db


def test_reported_and_held_comments_wait_in_the_queue(brief, commenter, other, moderator):
    reported = CommentFactory(page=brief, author=commenter)
    held = CommentFactory(page=brief, author=other, status=Comment.Status.HELD)
    CommentFactory(page=brief)
    content_report(content=reported, reporter=other, reason=Report.Reason.SPAM)
    queue = moderation_queue(user=moderator)
    assert {item.content.pk for item in queue} == {reported.pk, held.pk}
    assert str(queue[0].content.moderation_label()) == "A comment on “Health access for migrants”"


def test_queue_queries_do_not_grow_with_comments(brief, other, moderator):
    def count_for(total):
        Comment.objects.all().delete()
        for _ in range(total):
            content_report(content=CommentFactory(page=brief), reporter=other, reason=Report.Reason.SPAM)
        with CaptureQueriesContext(connection) as queries:
            labels = [str(item.content.moderation_label()) for item in moderation_queue(user=moderator)]
        assert len(labels) == total
        return len(queries)

    # The queue's page has asked this already, to let the moderator in.
    assert is_moderator(moderator)
    assert count_for(3) == count_for(30)


def test_a_hidden_comment_appears_in_the_public_log(client, brief, commenter, moderator):
    comment = CommentFactory(page=brief, author=commenter, body_source="Secret words")
    content_hide(content=comment, moderator=moderator, reason="Personal data")
    content = client.get("/en/moderation/log/").content.decode()
    assert "A comment on “Health access for migrants”" in content
    assert "Secret words" not in content
    assert display_name(moderator) not in content
