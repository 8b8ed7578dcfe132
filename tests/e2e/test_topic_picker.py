"""An editor finds a topic among hundreds by typing part of any of its names, in
any language, ticks it and saves: under the admin's Content-Security-Policy, with
the topics the page's text names shown beside the picker."""

import pytest
from playwright.sync_api import expect
from wagtail.models import Page

from portal.accounts.models import Membership
from portal.thesaurus.models import Concept
from tests.accounts.factories import MembershipFactory
from tests.accounts.helpers import with_second_factor
from tests.e2e.test_admin_csp import violations  # noqa: F401 (fixture)
from tests.knowledge.factories import PolicyBriefIndexPageFactory, PolicyBriefPageFactory
from tests.thesaurus.conftest import areas, shipped  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def draft(home_page, organisation, shipped):  # noqa: F811
    editor = with_second_factor(
        MembershipFactory(organisation=organisation, role=Membership.Role.EDITOR).user
    )
    page = PolicyBriefPageFactory(
        parent=PolicyBriefIndexPageFactory(parent=home_page),
        title="Paying to work",
        summary="Recruitment fees charged to migrant workers.",
        organisations=[organisation],
        live=False,
        owner=editor,
        body=[("heading", "Findings")],
    )
    page.save_revision(user=editor)
    return {"page": page, "editor": editor}


def test_an_editor_filters_ticks_and_saves_a_topic(page, context, live_url, log_in, draft, violations):  # noqa: F811
    log_in(context, draft["editor"])
    violations(page).goto(f"{live_url}/admin/pages/{draft['page'].pk}/edit/")
    page.wait_for_load_state("networkidle")
    expect(page.locator(".concept-found")).to_contain_text("recruitment fees")

    picker = page.locator("#id_concepts")
    options = picker.locator(".concept-picker__option")
    assert options.count() == Concept.objects.count()
    early_warning = picker.locator("label", has_text="early warning").first
    kafala = picker.locator("label", has_text="kafala system")

    # Typed without its accent, in French: the English-named topic stays, others go.
    picker.get_by_role("searchbox").fill("alerte precoce")
    expect(early_warning).to_be_visible()
    expect(kafala).to_be_hidden()
    assert options.filter(visible=True).count() < 5
    # Arabic, typed with another alef: the same topic.
    picker.get_by_role("searchbox").fill("الانذار")
    expect(early_warning).to_be_visible()
    early_warning.locator("input").check()
    picker.get_by_role("searchbox").fill("")
    expect(kafala).to_be_visible()

    page.get_by_role("button", name="Save draft").click()
    expect(page.locator(".messages")).to_contain_text("Paying to work", timeout=60_000)
    latest = Page.objects.get(pk=draft["page"].pk).specific.get_latest_revision_as_object()
    assert [concept.slug for concept in latest.concepts.all()] == ["early-warning"]
    assert not violations.found, "\n".join(violations.found)
