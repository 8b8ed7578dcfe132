import io

import pytest

from portal.comments import demo
from portal.comments.models import Comment
from portal.notifications.models import Notification
from tests.knowledge.factories import PolicyBriefPageFactory

pytestmark = pytest.mark.django_db


def test_demo_comments_load_once_with_arabic_ones(briefs_index):
    PolicyBriefPageFactory(parent=briefs_index, slug="mental-health-host-communities")
    PolicyBriefPageFactory(parent=briefs_index, slug="fair-recruitment-corridors")
    demo.load(io.StringIO())
    total = Comment.objects.count()
    demo.load(io.StringIO())
    assert Comment.objects.count() == total == 6
    assert Comment.objects.filter(language="ar").count() == 2
    assert Notification.objects.filter(verb="comment_reply").exists()
    assert not Notification.objects.filter(emailed_at__isnull=True).exists()
