"""Trust levels decide whose words wait for a moderator: partner members and staff
publish at once, new unaffiliated accounts wait, thresholds and moderators change it."""

from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from forums.models import Post
from portal.accounts.models import Membership, Profile, TrustLevel
from portal.moderation import services, trust
from portal.moderation.models import ModerationAction
from tests.accounts.factories import MembershipFactory, VerifiedUserFactory
from tests.forums.factories import PostFactory, make_member

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _thresholds_as_shipped(settings):
    """The shipped defaults, which the forums' fixtures switch off."""
    settings.PORTAL_TRUST_MEMBER_AFTER_DAYS = 0
    settings.PORTAL_TRUST_MEMBER_AFTER_POSTS = 2
    settings.PORTAL_TRUST_TRUSTED_AFTER_DAYS = 30
    settings.PORTAL_TRUST_TRUSTED_AFTER_POSTS = 20


def reply(client, topic, body):
    response = client.post(reverse("forums:post_create", args=[topic.pk]), {"body": body})
    assert response.status_code == 302
    return Post.objects.get(body_source=body)


def approved_posts(author, count, topic):
    for index in range(count):
        PostFactory(topic=topic, author=author, body=f"approved {index}")


def test_partner_members_first_post_is_public_at_once(client_for, partners_topic, member):
    colleague = make_member()
    post = reply(client_for(member), partners_topic, "Our agency can cover the transport")
    assert post.status == Post.Status.VISIBLE
    page = client_for(colleague).get(partners_topic.get_absolute_url()).content.decode()
    assert "Our agency can cover the transport" in page
    # The answer of the other agency is public at once too: no moderator in between.
    assert reply(client_for(colleague), partners_topic, "Agreed").status == Post.Status.VISIBLE


def test_new_unaffiliated_accounts_first_post_is_held(client_for, public_topic, registered):
    post = reply(client_for(registered), public_topic, "Hello from a newcomer")
    assert post.status == Post.Status.HELD
    assert "Hello from a newcomer" not in client_for().get(public_topic.get_absolute_url()).content.decode()
    assert trust.trust_of(registered).level == TrustLevel.NEW


@pytest.mark.parametrize("status", [Membership.Status.REQUESTED, Membership.Status.DECLINED])
def test_a_membership_not_approved_vouches_for_nobody(client_for, public_topic, status):
    person = MembershipFactory(status=status).user
    assert reply(client_for(person), public_topic, "Waiting to join").status == Post.Status.HELD


def test_approved_contributions_make_a_member(client_for, public_topic, registered, moderator):
    client = client_for(registered)
    for body in ("first", "second"):
        services.content_approve(content=reply(client, public_topic, body), moderator=moderator)
    assert reply(client, public_topic, "third").status == Post.Status.VISIBLE
    assert trust.trust_of(registered).level == TrustLevel.MEMBER


def test_hidden_contributions_do_not_count(public_topic, registered, moderator):
    approved_posts(registered, 2, public_topic)
    services.content_hide(content=Post.objects.get(body_source="approved 0"), moderator=moderator, reason="x")
    assert trust.writes_held(registered)


def test_account_age_threshold_holds_until_old_enough(settings, client_for, public_topic, registered):
    settings.PORTAL_TRUST_MEMBER_AFTER_DAYS = 3
    settings.PORTAL_TRUST_MEMBER_AFTER_POSTS = 1
    approved_posts(registered, 1, public_topic)
    assert reply(client_for(registered), public_topic, "too young").status == Post.Status.HELD
    registered.date_joined = timezone.now() - timedelta(days=4)
    registered.save(update_fields=["date_joined"])
    assert reply(client_for(registered), public_topic, "old enough").status == Post.Status.VISIBLE


def test_zero_thresholds_hold_nobody(settings, client_for, public_topic, registered):
    settings.PORTAL_TRUST_MEMBER_AFTER_POSTS = 0
    assert reply(client_for(registered), public_topic, "straight in").status == Post.Status.VISIBLE


def test_trusted_people_are_spared_the_rate_limit(settings, client_for, public_topic, member):
    settings.PORTAL_POSTING_RATE_LIMIT = "1/m"
    settings.PORTAL_TRUST_TRUSTED_AFTER_DAYS = 0
    settings.PORTAL_TRUST_TRUSTED_AFTER_POSTS = 3
    other_member = make_member()
    for person in (member, other_member):
        approved_posts(person, 2, public_topic)
    approved_posts(member, 1, public_topic)
    assert trust.trust_of(member).level == TrustLevel.TRUSTED
    assert trust.trust_of(other_member).level == TrustLevel.MEMBER
    with pytest.raises(services.PostingNotAllowed):
        services.posting_allowed(author=other_member)
    services.posting_allowed(author=member)


def test_moderator_set_level_overrides_and_is_logged(client_for, public_topic, member, moderator):
    post = reply(client_for(member), public_topic, "fine words")
    assert post.status == Post.Status.VISIBLE
    url = reverse(
        "moderation_admin:set_trust_level", args=[ContentType.objects.get_for_model(Post).pk, post.pk]
    )
    response = client_for(moderator).post(url, {"level": str(TrustLevel.NEW), "reason": "Insults"})
    assert response.status_code == 302
    profile = Profile.objects.get(user=member)
    assert profile.trust_level == TrustLevel.NEW
    assert profile.trust_level_set_by == moderator and profile.trust_level_set_at is not None
    action = ModerationAction.objects.get(kind=ModerationAction.Kind.TRUST)
    assert (action.subject_user, action.moderator, action.reason) == (member, moderator, "Insults")
    assert "New" in action.target_label and not action.is_public
    standing = trust.trust_of(member)
    assert (standing.level, standing.computed, standing.set_by_moderator) == (
        TrustLevel.NEW,
        TrustLevel.MEMBER,
        True,
    )
    assert reply(client_for(member), public_topic, "held again").status == Post.Status.HELD

    client_for(moderator).post(url, {"level": "", "reason": ""})
    profile.refresh_from_db()
    assert profile.trust_level is None and profile.trust_level_set_by is None
    assert reply(client_for(member), public_topic, "free again").status == Post.Status.VISIBLE
    assert ModerationAction.objects.filter(kind=ModerationAction.Kind.TRUST).count() == 2


def test_moderator_can_raise_a_newcomer(public_topic, registered, moderator):
    services.user_trust_level_set(user=registered, moderator=moderator, level=TrustLevel.TRUSTED)
    assert not trust.writes_held(registered)
    assert trust.exempt_from_rate_limit(registered)


def test_staff_are_never_held(settings, client_for, public_topic, moderator):
    settings.PORTAL_TRUST_MEMBER_AFTER_POSTS = 5
    staff = VerifiedUserFactory(is_staff=True)
    assert reply(client_for(staff), public_topic, "from staff").status == Post.Status.VISIBLE
    assert reply(client_for(moderator), public_topic, "from a moderator").status == Post.Status.VISIBLE
    with pytest.raises(PermissionDenied):
        services.user_trust_level_set(user=staff, moderator=moderator, level=TrustLevel.NEW)
    # Even a level stored by other means never holds staff.
    Profile.objects.create(user=staff, trust_level=TrustLevel.NEW)
    assert not trust.writes_held(staff)


def test_only_moderators_set_levels(registered, member):
    with pytest.raises(PermissionDenied):
        services.user_trust_level_set(user=registered, moderator=member, level=TrustLevel.TRUSTED)
    assert not Profile.objects.filter(user=registered, trust_level__isnull=False).exists()


@pytest.mark.parametrize("level", ["7", "trusted", "-1"])
def test_a_level_that_does_not_exist_is_refused(client_for, public_topic, registered, moderator, level):
    post = PostFactory(topic=public_topic, author=registered)
    url = reverse(
        "moderation_admin:set_trust_level", args=[ContentType.objects.get_for_model(Post).pk, post.pk]
    )
    assert client_for(moderator).post(url, {"level": level}).status_code == 302
    assert not ModerationAction.objects.filter(kind=ModerationAction.Kind.TRUST).exists()
    assert client_for(moderator).get(url).status_code == 405


def test_levels_of_many_people_take_one_query(django_assert_num_queries, public_topic, member):
    people = [VerifiedUserFactory() for _ in range(5)] + [member]
    approved_posts(people[0], 2, public_topic)
    with django_assert_num_queries(1):
        levels = trust.trust_of_many(people)
    assert levels[people[0].pk].level == TrustLevel.MEMBER
    assert levels[people[1].pk].level == TrustLevel.NEW
    assert levels[member.pk].level == TrustLevel.MEMBER and levels[member.pk].partner_member
