"""Deleting or renaming a thematic area or partner organisation: the facets and
result labels follow on every backend, and the engine's copy of the linked
documents loses a deleted link once synced."""

import pytest
from django.utils import translation

from search.models import SearchDocument
from search.sync import engine_backend
from tests.search.helpers import search


def _facet(results, name) -> dict[str, tuple[str, int]]:
    return {value.value: (value.label, value.count) for value in results.facets[name]}


def _engine_source(key: str) -> dict:
    backend = engine_backend()
    return backend.client.get(index=backend.alias, id=f"test.doc:{key}")["_source"]


def _engine_ids(name: str) -> set[int]:
    """Every id of ``name`` (themes, organisations) the engine's copy still holds."""
    backend = engine_backend()
    response = backend.client.search(
        index=backend.alias,
        body={"size": 0, "aggs": {"ids": {"terms": {"field": name, "size": 100}}}},
    )
    return {bucket["key"] for bucket in response["aggregations"]["ids"]["buckets"]}


def test_a_deleted_organisation_leaves_the_facets_and_the_engine_copy(corpus, vocabulary, search_backend):
    undrr = vocabulary["organisations"]["undrr"]
    undrr_pk = undrr.pk
    assert "undrr" in _facet(search(None, ""), "organisation")
    undrr.delete()
    search_backend.refresh()
    results = search(None, "")
    assert not results.fallback
    assert "undrr" not in _facet(results, "organisation")
    assert {"who", "iom"} <= set(_facet(results, "organisation"))
    if search_backend.name != "database":
        assert not SearchDocument.objects.pending_engine().exists()
        assert _engine_source("cohesion-lebanon")["organisations"] == []
        assert undrr_pk not in _engine_ids("organisations")


def test_a_deleted_theme_leaves_the_facets_and_the_engine_copy(
    corpus, vocabulary, search_backend, django_capture_on_commit_callbacks
):
    labour = vocabulary["themes"]["labour"]
    labour_pk = labour.pk
    with django_capture_on_commit_callbacks(execute=True):
        labour.delete()
    # The commit itself pushed the changed documents.
    assert not SearchDocument.objects.pending_engine().exists() or search_backend.name == "database"
    search_backend.refresh()
    results = search(None, "")
    assert "labour" not in _facet(results, "theme")
    assert _facet(results, "theme")["health"][1] == 3
    # Documents that only had the deleted theme are still found.
    assert search(None, "vocational").total == 1
    if search_backend.name != "database":
        assert _engine_source("labour-iraq")["themes"] == []
        assert labour_pk not in _engine_ids("themes")
        assert _engine_source("health-jordan")["themes"] == [vocabulary["themes"]["health"].pk]


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_renamed_theme_and_organisation_show_their_new_names(corpus, vocabulary, search_backend, language):
    # Neither the rows nor the engine hold names (only ids), so a rename needs no
    # reindexing: labels and slugs are read from the vocabulary at every search.
    health = vocabulary["themes"]["health"]
    health.name, health.name_ar, health.slug = "Public health", "الصحة العامة", "public-health"
    health.save()
    who = vocabulary["organisations"]["who"]
    who.acronym = "WHO-EMRO"
    who.save()
    search_backend.refresh()
    with translation.override(language):
        results = search(None, "")
        themes = _facet(results, "theme")
        organisations = _facet(results, "organisation")
    assert "health" not in themes
    assert themes["public-health"] == ({"en": "Public health", "ar": "الصحة العامة"}[language], 3)
    assert organisations["who"][0] == "WHO-EMRO"
    assert {hit.key for hit in search(None, "", themes={health.pk}).hits} == {
        "test.doc:health-jordan",
        "test.doc:ar-migration-health",
        "test.doc:fr-health",
    }
