"""The account menu on every signed-in page: what it shows, and what it costs."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.accounts.models import Membership, Profile
from tests.accounts.factories import MembershipFactory, VerifiedUserFactory
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

PARTNER_LIST_QUERIES_BEFORE = 10
PARTNER_LIST_QUERIES = 5


def _admin_permission():
    return Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")


def test_signed_in_page_costs_fewer_queries(client, home_page, organisation):
    """A member reading the partner list: session, person, unread notifications, the
    facts about the person (profile, admin access, moderator, confirmed address), their
    memberships, the partners; the home page and the site come from the site structure
    (``portal.site_structure``), kept in the cache.

    It cost 10 queries when the profile, the memberships and Django's two
    permission loads were each read on their own."""
    client.force_login(MembershipFactory(organisation=organisation).user)
    client.get("/en/partners/")  # warm the per-process caches (site, content types)
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/en/partners/")
    assert response.status_code == 200
    assert len(queries) == PARTNER_LIST_QUERIES
    assert PARTNER_LIST_QUERIES < PARTNER_LIST_QUERIES_BEFORE


@pytest.mark.parametrize("access", ["none", "group", "own permission", "superuser"])
def test_admin_link_follows_the_admin_permission(client, home_page, access):
    user = VerifiedUserFactory(is_superuser=access == "superuser")
    if access == "group":
        group = Group.objects.create(name="Admin readers")
        group.permissions.add(_admin_permission())
        user.groups.add(group)
    elif access == "own permission":
        user.user_permissions.add(_admin_permission())
    client.force_login(user)
    content = client.get("/en/partners/").content.decode()
    expected = type(user).objects.get(pk=user.pk).has_perm("wagtailadmin.access_admin")
    assert expected is (access != "none")
    assert ('href="/admin/"' in content) is expected


def test_menu_names_the_person_and_their_organisations(client, home_page):
    user = VerifiedUserFactory(first_name="Rania", last_name="Haddad")
    client.force_login(user)
    content = client.get("/en/partners/").content.decode()
    assert "<bdi>Rania Haddad</bdi>" in content
    assert "Join an organisation" in content

    Profile.objects.create(user=user, display_name="Rania H.")
    second = MembershipFactory(user=user, organisation=OrganisationFactory(name="Zeta Relief"))
    first = MembershipFactory(
        user=user, organisation=OrganisationFactory(name="Alpha Health"), role=Membership.Role.ADMIN
    )
    MembershipFactory(user=user, status=Membership.Status.REQUESTED)
    content = client.get("/en/partners/").content.decode()
    assert "<bdi>Rania H.</bdi>" in content
    assert "Join an organisation" not in content
    assert content.count("My organisation:") == 2
    assert content.index(first.organisation.short_label) < content.index(second.organisation.short_label)
    assert f"/organisations/{first.organisation.slug}/manage/" in content
