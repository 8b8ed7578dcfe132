"""The bounded permission policies are the ones Wagtail looks up, and they let
organisation staff work with their own organisation's files."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.permissions import policy_registry

from knowledge.models import PolicyBriefPage
from portal.accounts.admin_policies import OrganisationFilePermissionPolicy, OrganisationPagePermissionPolicy
from portal.accounts.models import Membership
from tests.accounts.factories import MembershipFactory
from tests.accounts.helpers import with_second_factor
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_wagtail_looks_up_the_bounded_policies():
    for model in (Page, PolicyBriefPage):
        assert isinstance(policy_registry.get_by_type(model), OrganisationPagePermissionPolicy)
    for model in (get_image_model(), get_document_model()):
        assert isinstance(policy_registry.get_by_type(model), OrganisationFilePermissionPolicy)


def test_editors_choose_their_colleagues_documents_and_not_others(client):
    mine, theirs = OrganisationFactory(), OrganisationFactory()
    editor = with_second_factor(MembershipFactory(organisation=mine, role=Membership.Role.EDITOR).user)
    colleague = MembershipFactory(organisation=mine, role=Membership.Role.EDITOR).user
    stranger = MembershipFactory(organisation=theirs, role=Membership.Role.EDITOR).user
    for title, uploader in (("Colleague annex", colleague), ("Stranger annex", stranger)):
        get_document_model().objects.create(
            title=title, file=ContentFile(b"annex", name="annex.txt"), uploaded_by_user=uploader
        )
    client.force_login(editor)
    content = client.get("/admin/documents/chooser/").content.decode()
    assert "Colleague annex" in content
    assert "Stranger annex" not in content
