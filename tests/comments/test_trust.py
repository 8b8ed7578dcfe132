"""Comments follow the same trust rule as forum posts: one module decides."""

import pytest

from portal.accounts.models import TrustLevel
from portal.comments.models import Comment
from portal.comments.services import comment_create, comment_reply
from portal.moderation.services import content_approve, user_trust_level_set

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _thresholds_as_shipped(settings):
    settings.PORTAL_TRUST_MEMBER_AFTER_DAYS = 0
    settings.PORTAL_TRUST_MEMBER_AFTER_POSTS = 2


def test_partner_members_first_comment_is_public_at_once(brief, member):
    comment = comment_create(page=brief, author=member, body="Our figures agree")
    assert comment.status == Comment.Status.VISIBLE


def test_new_unaffiliated_accounts_first_comment_is_held(brief, commenter, member):
    parent = comment_create(page=brief, author=member, body="Questions welcome")
    assert comment_create(page=brief, author=commenter, body="First words").status == Comment.Status.HELD
    assert comment_reply(parent=parent, author=commenter, body="A reply").status == Comment.Status.HELD


def test_approved_comments_count_towards_membership(brief, commenter, moderator):
    for body in ("one", "two"):
        content_approve(content=comment_create(page=brief, author=commenter, body=body), moderator=moderator)
    assert comment_create(page=brief, author=commenter, body="three").status == Comment.Status.VISIBLE


def test_a_moderators_level_holds_comments_too(brief, member, moderator):
    user_trust_level_set(user=member, moderator=moderator, level=TrustLevel.NEW, reason="Spam")
    assert comment_create(page=brief, author=member, body="Buy now").status == Comment.Status.HELD
