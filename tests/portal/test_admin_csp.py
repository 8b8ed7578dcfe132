"""The admin sends a strict Content-Security-Policy, and its pages carry no inline
script it would refuse (the browser test in tests/e2e exercises them too)."""

import re

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from knowledge.models import PolicyBriefDocument
from tests.accounts.helpers import with_second_factor
from tests.factories import UserFactory
from tests.knowledge.factories import PolicyBriefIndexPageFactory, PolicyBriefPageFactory

pytestmark = pytest.mark.django_db

# A <script> element that runs code without a src: what script-src 'self' refuses.
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", re.IGNORECASE)


def test_admin_pages_send_the_policy_and_carry_no_inline_script(client, home_page):
    index = PolicyBriefIndexPageFactory(parent=home_page)
    brief = PolicyBriefPageFactory(parent=index)
    document = get_document_model().objects.create(title="Annex", file=ContentFile(b"a", name="a.txt"))
    PolicyBriefDocument.objects.create(page=brief, document=document)
    client.force_login(with_second_factor(UserFactory(is_superuser=True, is_staff=True)))
    for address in (
        "/admin/",
        f"/admin/pages/{index.pk}/",
        f"/admin/pages/{brief.pk}/edit/",
        f"/admin/pages/add/knowledge/policybriefpage/{index.pk}/",
        "/admin/moderation/",
    ):
        response = client.get(address)
        assert response.status_code == 200, address
        policy = response["Content-Security-Policy"]
        assert "script-src 'self';" in policy and "style-src 'self';" in policy
        assert "unsafe-inline" not in policy
        assert not INLINE_SCRIPT.findall(response.content.decode()), address
