"""Join requests, decisions by organisation administrators, domain allowlists."""

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.accounts import selectors
from portal.accounts.models import Membership
from tests.accounts.factories import MembershipFactory, OrganisationEmailDomainFactory, VerifiedUserFactory
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_join_request_waits_for_the_administrators(client, registered, organisation, org_admin):
    client.force_login(registered)
    response = client.post(
        "/en/account/organisations/join/", {"organisation": organisation.pk, "message": "I run the clinic"}
    )
    assert response.status_code == 302
    membership = Membership.objects.get(user=registered, organisation=organisation)
    assert membership.status == Membership.Status.REQUESTED
    assert mail.outbox[-1].to == [org_admin.email]
    assert f"/en/account/organisations/{organisation.slug}/manage/" in mail.outbox[-1].body
    assert not selectors.is_partner_member(registered)


@pytest.mark.parametrize(("decision", "status"), [("approve", "approved"), ("decline", "declined")])
def test_administrator_decides_and_the_person_is_told(
    client, registered, organisation, org_admin, decision, status
):
    membership = MembershipFactory(
        user=registered, organisation=organisation, status=Membership.Status.REQUESTED
    )
    client.force_login(org_admin)
    page = client.get(f"/en/account/organisations/{organisation.slug}/manage/")
    assert page.status_code == 200
    assert registered.email in page.content.decode()
    response = client.post(
        f"/en/account/organisations/{organisation.slug}/requests/{membership.pk}/",
        {"decision": decision, "role": "editor"},
    )
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.status == status
    assert membership.decided_by == org_admin
    assert membership.decided_at is not None
    assert membership.role == ("editor" if decision == "approve" else "member")
    assert mail.outbox[-1].to == [registered.email]
    assert ("approved" if decision == "approve" else "declined") in mail.outbox[-1].body


def test_email_domain_on_the_allowlist_approves_at_once(client, organisation):
    OrganisationEmailDomainFactory(organisation=organisation, domain="who.int")
    person = VerifiedUserFactory(email="doctor@who.int")
    client.force_login(person)
    response = client.post("/en/account/organisations/join/", {"organisation": organisation.pk})
    assert response.status_code == 302
    membership = Membership.objects.get(user=person)
    assert membership.status == Membership.Status.APPROVED
    assert membership.role == Membership.Role.MEMBER
    assert selectors.is_partner_member(type(person).objects.get(pk=person.pk))


def test_unverified_address_at_the_domain_waits_until_confirmed(client, organisation):
    OrganisationEmailDomainFactory(organisation=organisation, domain="iom.int")
    person = UserFactory(email="officer@iom.int")
    address = EmailAddress.objects.create(user=person, email=person.email, verified=False, primary=True)
    client.force_login(person)
    client.post("/en/account/organisations/join/", {"organisation": organisation.pk})
    assert Membership.objects.get(user=person).status == Membership.Status.REQUESTED

    # Confirming the address through allauth approves the waiting request.
    from allauth.account.models import EmailConfirmationHMAC

    key = EmailConfirmationHMAC(address).key
    client.post(f"/en/accounts/confirm-email/{key}/")
    assert Membership.objects.get(user=person).status == Membership.Status.APPROVED


def test_second_request_is_refused_clearly(client, registered, organisation):
    MembershipFactory(user=registered, organisation=organisation, status=Membership.Status.REQUESTED)
    client.force_login(registered)
    response = client.post("/en/account/organisations/join/", {"organisation": organisation.pk})
    assert response.status_code == 400
    assert "already waiting for a decision" in response.content.decode()
    assert Membership.objects.filter(user=registered).count() == 1


def test_declined_person_may_ask_again(client, registered, organisation):
    MembershipFactory(user=registered, organisation=organisation, status=Membership.Status.DECLINED)
    client.force_login(registered)
    client.post("/en/account/organisations/join/", {"organisation": organisation.pk})
    assert Membership.objects.get(user=registered).status == Membership.Status.REQUESTED


@pytest.mark.parametrize("forged", ["999999", "abc", "", "-1"])
def test_forged_organisation_ids_are_refused(client, registered, forged):
    client.force_login(registered)
    response = client.post("/en/account/organisations/join/", {"organisation": forged})
    assert response.status_code == 400
    assert not Membership.objects.filter(user=registered).exists()


def test_only_that_organisations_administrators_decide(client, registered, organisation, org_admin):
    other = OrganisationFactory()
    other_admin = MembershipFactory(organisation=other, role=Membership.Role.ADMIN).user
    editor = MembershipFactory(organisation=organisation, role=Membership.Role.EDITOR).user
    membership = MembershipFactory(
        user=registered, organisation=organisation, status=Membership.Status.REQUESTED
    )
    url = f"/en/account/organisations/{organisation.slug}/requests/{membership.pk}/"
    for intruder in (other_admin, editor, registered):
        client.force_login(intruder)
        assert client.post(url, {"decision": "approve", "role": "admin"}).status_code == 403
        assert client.get(f"/en/account/organisations/{organisation.slug}/manage/").status_code == 403
    # Another organisation's administrator cannot reach it through their own organisation either.
    client.force_login(other_admin)
    forged = f"/en/account/organisations/{other.slug}/requests/{membership.pk}/"
    assert client.post(forged, {"decision": "approve", "role": "admin"}).status_code == 404
    membership.refresh_from_db()
    assert membership.status == Membership.Status.REQUESTED
    assert mail.outbox == []


def test_bad_decision_values_are_refused(client, registered, organisation, org_admin):
    membership = MembershipFactory(
        user=registered, organisation=organisation, status=Membership.Status.REQUESTED
    )
    client.force_login(org_admin)
    url = f"/en/account/organisations/{organisation.slug}/requests/{membership.pk}/"
    assert client.post(url, {"decision": "approve", "role": "overlord"}).status_code == 400
    assert client.post(url, {"decision": "maybe", "role": "member"}).status_code == 400
    membership.refresh_from_db()
    assert membership.status == Membership.Status.REQUESTED


def test_administrator_changes_roles_and_removes_members(client, organisation, org_admin):
    member = MembershipFactory(organisation=organisation)
    client.force_login(org_admin)
    base = f"/en/account/organisations/{organisation.slug}/members/{member.pk}"
    assert client.post(f"{base}/role/", {"role": "reviewer"}).status_code == 302
    member.refresh_from_db()
    assert member.role == "reviewer"
    assert client.post(f"{base}/remove/").status_code == 302
    assert not Membership.objects.filter(pk=member.pk).exists()


def test_last_administrator_is_kept(client, organisation, org_admin):
    membership = Membership.objects.get(user=org_admin)
    client.force_login(org_admin)
    base = f"/en/account/organisations/{organisation.slug}/members/{membership.pk}"
    response = client.post(f"{base}/role/", {"role": "member"}, follow=True)
    assert "keeps at least one administrator" in response.content.decode()
    membership.refresh_from_db()
    assert membership.role == "admin"


def test_member_leaves(client, registered, organisation):
    membership = MembershipFactory(user=registered, organisation=organisation)
    other = MembershipFactory(organisation=organisation)
    client.force_login(registered)
    assert client.post(f"/en/account/memberships/{other.pk}/leave/").status_code == 404
    assert client.post(f"/en/account/memberships/{membership.pk}/leave/").status_code == 302
    assert not Membership.objects.filter(pk=membership.pk).exists()
    assert Membership.objects.filter(pk=other.pk).exists()


def test_manage_page_query_count_is_bounded(client, organisation, org_admin):
    def count():
        client.force_login(org_admin)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/en/account/organisations/{organisation.slug}/manage/").status_code == 200
        return len(queries)

    MembershipFactory.create_batch(3, organisation=organisation)
    MembershipFactory.create_batch(3, organisation=organisation, status=Membership.Status.REQUESTED)
    count()  # fills the process-wide caches (content types, locales)
    small = count()
    MembershipFactory.create_batch(30, organisation=organisation)
    MembershipFactory.create_batch(30, organisation=organisation, status=Membership.Status.REQUESTED)
    assert count() == small
