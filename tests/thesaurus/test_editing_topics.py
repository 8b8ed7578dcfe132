"""Editors pick the topics a knowledge page is about and reject those its text
names that it is not about, seeing which its current text names; search follows
both, and a translation keeps them."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.accounts.models import Membership
from portal.thesaurus.models import Concept, ConceptLabel
from search.models import SearchDocument
from search.projections import document_key
from tests.accounts.factories import MembershipFactory
from tests.accounts.helpers import brief_form_data, edit_url, with_second_factor
from tests.factories import UserFactory
from tests.knowledge.factories import PolicyBriefPageFactory, translate

pytestmark = pytest.mark.django_db

SUMMARY = "Recruitment fees charged to migrant workers, and the kafala system."


@pytest.fixture
def concepts(shipped):
    return {concept.slug: concept for concept in Concept.objects.all()}


@pytest.fixture
def brief(indexes, organisation, concepts):
    page = PolicyBriefPageFactory(
        parent=indexes["en"]["briefs"], title="Paying to work", summary=SUMMARY, organisations=[organisation]
    )
    page.save_revision().publish()
    return page


def _tags(page) -> set[str]:
    document = SearchDocument.objects.get(key=document_key(page))
    return set(document.concepts.values_list("slug", flat=True))


def _editor(client, organisation):
    client.force_login(
        with_second_factor(MembershipFactory(organisation=organisation, role=Membership.Role.EDITOR).user)
    )


def test_the_editor_lists_the_topics_the_text_names_and_offers_every_topic(client, brief, organisation):
    _editor(client, organisation)
    response = client.get(edit_url(brief))
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    found = [item.get_text(strip=True) for item in html.select(".concept-found li")]
    assert found == ["kafala system", "migrant workers", "recruitment fees"]
    for field in ("concepts", "concepts_excluded"):
        boxes = html.select(f'input[type="checkbox"][name="{field}"]')
        assert len(boxes) == Concept.objects.count()
    # Each topic is named in the editor's language, with its names in the others
    # and every name to filter on, in a picker started by a file, not an inline script.
    early_warning = Concept.objects.get(slug="early-warning").pk
    option = html.select_one(
        f'label.concept-picker__option:has(input[name="concepts"][value="{early_warning}"])'
    )
    assert option.bdi.get_text() == "early warning"
    assert [span["lang"] for span in option.select(".concept-picker__other")] == ["ar", "fr"]
    assert "alertes precoces" in option["data-names"]
    assert html.find("script", src="/static/thesaurus/concept-picker.js")
    assert not html.select(".concept-picker script")


def test_the_picker_reads_the_thesaurus_in_a_fixed_number_of_queries(client, brief, organisation, areas):
    _editor(client, organisation)
    client.get(edit_url(brief))

    def count() -> int:
        with CaptureQueriesContext(connection) as context:
            assert client.get(edit_url(brief)).status_code == 200
        return len(context.captured_queries)

    before = count()
    for n in range(30):
        concept = Concept.objects.create(uri=f"https://example.org/c/extra-{n}", slug=f"extra-{n}")
        ConceptLabel.objects.create(concept=concept, language="en", kind="preferred", text=f"extra topic {n}")
    count()  # the changed thesaurus is read again for matching, once
    assert count() == before


def test_picked_topics_are_added_and_rejected_ones_removed_from_the_search_document(
    client, brief, concepts, organisation
):
    assert {"recruitment-fees", "kafala"} <= _tags(brief)
    client.force_login(with_second_factor(UserFactory(is_superuser=True, is_staff=True)))
    data = brief_form_data(brief, action="publish")
    data["concepts"] = [str(concepts["early-warning"].pk)]
    data["concepts_excluded"] = [str(concepts["kafala"].pk)]
    response = client.post(edit_url(brief), data)
    assert response.status_code == 302
    tags = _tags(brief)
    assert "early-warning" in tags
    assert "kafala" not in tags
    assert "recruitment-fees" in tags

    # The editor shows the rejected topic as found, struck through.
    html = BeautifulSoup(client.get(edit_url(brief)).content, "html.parser")
    rejected = [item.bdi.get_text() for item in html.select(".concept-found li.concept-found__rejected")]
    assert rejected == ["kafala system"]
    picked = html.select_one(".concept-picker fieldset legend")
    assert picked.get_text() == "Picked"


def test_a_translation_keeps_the_picked_and_rejected_topics(brief, concepts, locales):
    brief.concepts.set([concepts["early-warning"]])
    brief.concepts_excluded.set([concepts["kafala"]])
    brief.save_revision().publish()
    arabic = translate(brief, locales["ar"], title="الدفع مقابل العمل", summary="رسوم التوظيف ونظام الكفالة")
    assert list(arabic.concepts.values_list("slug", flat=True)) == ["early-warning"]
    assert list(arabic.concepts_excluded.values_list("slug", flat=True)) == ["kafala"]
    assert _tags(arabic) == {"early-warning", "recruitment-fees"}
