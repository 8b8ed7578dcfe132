"""Concepts in the Wagtail admin: site administrators list, search and edit them
with their labels; organisation staff cannot reach them."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from portal.accounts.models import Membership
from portal.thesaurus.models import Concept
from tests.accounts.factories import MembershipFactory
from tests.accounts.helpers import with_second_factor
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

INDEX = reverse("wagtailsnippets_thesaurus_concept:list")


@pytest.fixture
def administrator(client):
    client.force_login(with_second_factor(UserFactory(is_superuser=True, is_staff=True)))
    return client


def current_labels(concept) -> list[dict]:
    """The concept's labels as its form's inline rows post them back."""
    return [
        {"id": label.pk, "language": label.language, "kind": label.kind, "text": label.text}
        for label in concept.labels.all()
    ]


def concept_form(concept, labels, **changes):
    values = {
        "labels": inline_formset(labels, initial=sum("id" in label for label in labels)),
        "thematic_area": concept.thematic_area_id or "",
        "slug": concept.slug,
        "uri": concept.uri,
        "notation": concept.notation,
        "scope_note": concept.scope_note,
        "scope_note_ar": concept.scope_note_ar,
        "scope_note_fr": concept.scope_note_fr,
    }
    values.update(changes)
    data = nested_form_data(values)
    data["broader"] = [str(parent.pk) for parent in concept.broader.all()]
    return data


def test_an_administrator_lists_searches_and_filters_concepts(administrator, shipped, areas):
    response = administrator.get(INDEX, {"q": "رسوم التوظيف"})
    assert response.status_code == 200
    assert [concept.slug for concept in response.context["object_list"]] == ["recruitment-fees"]
    response = administrator.get(INDEX, {"thematic_area": areas["health"].pk})
    listed = {concept.thematic_area_id for concept in response.context["object_list"]}
    assert listed == {areas["health"].pk}


def test_an_administrator_edits_a_concept_and_its_labels(administrator, shipped):
    concept = Concept.objects.get(slug="kafala")
    labels = current_labels(concept)
    labels.append({"language": "fr", "kind": "alternative", "text": "  parrainage   des travailleurs "})
    url = reverse("wagtailsnippets_thesaurus_concept:edit", args=[concept.pk])
    response = administrator.post(url, concept_form(concept, labels))
    assert response.status_code == 302
    assert concept.labels.filter(
        language="fr", kind="alternative", text="parrainage des travailleurs"
    ).exists()


def test_two_preferred_labels_in_one_language_are_refused_with_a_message(administrator, shipped):
    concept = Concept.objects.get(slug="kafala")
    labels = current_labels(concept)
    labels.append({"language": "en", "kind": "preferred", "text": "sponsorship"})
    url = reverse("wagtailsnippets_thesaurus_concept:edit", args=[concept.pk])
    response = administrator.post(url, concept_form(concept, labels))
    assert response.status_code == 200
    assert "There are 2 preferred labels in en (kafala system, sponsorship)" in response.content.decode()
    assert not concept.labels.filter(text="sponsorship").exists()


@pytest.mark.parametrize("role", [Membership.Role.EDITOR, Membership.Role.ADMIN])
def test_organisation_staff_cannot_reach_concepts(client, shipped, role):
    person = with_second_factor(MembershipFactory(role=role).user)
    client.force_login(person)
    concept = Concept.objects.get(slug="kafala")
    for url in (INDEX, reverse("wagtailsnippets_thesaurus_concept:edit", args=[concept.pk])):
        response = client.get(url)
        assert response.status_code in (302, 403), url
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert INDEX not in response.content.decode()
