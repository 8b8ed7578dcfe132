import pytest
from django.contrib.auth.models import AnonymousUser, Group

from portal.accounts import selectors
from portal.accounts.models import Membership
from tests.accounts.factories import MembershipFactory, VerifiedUserFactory
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_anonymous_has_no_organisation_and_no_role():
    anonymous = AnonymousUser()
    assert selectors.partner_organisation_ids(anonymous) == frozenset()
    assert not selectors.is_partner_member(anonymous)
    assert selectors.organisation_role(anonymous, 1) is None
    assert not selectors.is_moderator(anonymous)
    assert not selectors.has_verified_email(anonymous)


def test_only_approved_memberships_count():
    approved = MembershipFactory(role=Membership.Role.EDITOR)
    user = approved.user
    MembershipFactory(user=user, status=Membership.Status.REQUESTED)
    MembershipFactory(user=user, status=Membership.Status.DECLINED)

    assert selectors.partner_organisation_ids(user) == frozenset({approved.organisation_id})
    assert selectors.is_partner_member(user)
    assert selectors.organisation_role(user, approved.organisation) == "editor"
    assert selectors.organisation_role(user, approved.organisation_id) == "editor"


def test_person_without_membership_is_not_a_partner_member():
    user = VerifiedUserFactory()
    assert not selectors.is_partner_member(user)
    assert selectors.has_verified_email(user)
    assert not selectors.has_verified_email(UserFactory())


def test_moderators_group_exists_and_makes_moderators():
    user = UserFactory()
    assert not selectors.is_moderator(user)
    user = type(user).objects.get(pk=user.pk)
    user.groups.add(Group.objects.get(name=selectors.MODERATORS_GROUP))
    assert selectors.is_moderator(user)
    assert selectors.is_moderator(UserFactory(is_superuser=True))


def test_answers_are_cached_on_the_user(django_assert_num_queries):
    membership = MembershipFactory()
    user = membership.user
    selectors.forget_cached_roles(user)
    organisations = [OrganisationFactory() for _ in range(5)]
    with django_assert_num_queries(2):
        for organisation in organisations * 3:
            selectors.organisation_role(user, organisation)
            selectors.is_partner_member(user)
            selectors.is_moderator(user)


def test_second_factor_required_for_privileged_roles():
    assert not selectors.requires_second_factor(MembershipFactory().user)
    for role in (Membership.Role.EDITOR, Membership.Role.REVIEWER, Membership.Role.ADMIN):
        assert selectors.requires_second_factor(MembershipFactory(role=role).user)
    assert selectors.requires_second_factor(UserFactory(is_staff=True))


def test_one_query_answers_roles_and_memberships_and_one_the_person(django_assert_num_queries):
    membership = MembershipFactory(role=Membership.Role.REVIEWER)
    user = type(membership.user).objects.get(pk=membership.user_id)
    with django_assert_num_queries(2):
        assert selectors.approved_memberships(user) == [membership]
        assert selectors.organisation_roles(user) == {membership.organisation_id: "reviewer"}
        assert selectors.partner_organisation_ids(user) == {membership.organisation_id}
        assert selectors.has_verified_email(user)
        assert not selectors.is_moderator(user)
        # Reviewers work in the admin through the reviewers' group.
        assert selectors.can_access_admin(user)
        assert selectors.viewer_display_name(user) == selectors.display_name(user)
    assert type(user).objects.get(pk=user.pk).has_perm("wagtailadmin.access_admin")


def test_forgetting_reads_memberships_and_groups_again():
    user = MembershipFactory().user
    assert len(selectors.approved_memberships(user)) == 1
    assert not selectors.is_moderator(user)
    MembershipFactory(user=user)
    user.groups.add(Group.objects.get(name=selectors.MODERATORS_GROUP))
    selectors.forget_cached_roles(user)
    assert len(selectors.approved_memberships(user)) == 2
    assert len(selectors.partner_organisation_ids(user)) == 2
    assert selectors.is_moderator(user)
