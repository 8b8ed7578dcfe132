import dataclasses
import io

import pytest
from django.core.management import call_command

from portal.thesaurus import demo as thesaurus_demo
from portal.thesaurus.matching import concepts_in_text, matcher
from search import text
from search.analysis import analyse
from search.backends.engine.index import row_sources
from search.benchmark import _vocabulary as benchmark_vocabulary
from search.benchmark import projections as benchmark_projections
from search.indexing import document_save, documents_write
from search.models import SearchDocument
from tests.factories import OrganisationFactory
from tests.knowledge.factories import PolicyBriefIndexPageFactory, PolicyBriefPageFactory
from tests.search.helpers import search

pytestmark = pytest.mark.django_db


def test_rebuild_reprojects_everything_and_drops_stale_rows(home_page, people, settings, capsys):
    settings.PORTAL_SEARCH_BACKEND = "database"
    OrganisationFactory(name="Rebuilt Partner")
    index = PolicyBriefIndexPageFactory(parent=home_page)
    # Added straight into the tree: live, but never through a publish signal.
    PolicyBriefPageFactory(parent=index, title="Irrigation brief", summary="Drip irrigation.")
    SearchDocument.objects.create(
        key="portal.organisation:999999", doc_type="organisation", title="Gone", url="/x/", scope="public"
    )
    assert search(people["anonymous"], "irrigation").total == 0

    call_command("search_rebuild", batch_size=1)

    assert search(people["anonymous"], "irrigation").total == 1
    assert search(people["anonymous"], "rebuilt partner").total == 1
    assert not SearchDocument.objects.filter(key="portal.organisation:999999").exists()
    output = capsys.readouterr().out
    assert "knowledge.PolicyBriefPage: 1 objects" in output
    assert "Search rebuilt" in output


def _save_many(projections):
    """Write many projections' rows as a rebuild does, analysed in this process."""
    return documents_write(analyse(projections, matcher()))


def _rows():
    """Every benchmark row as what it says, without its database identity and write time."""
    rows = {}
    documents = SearchDocument.objects.filter(key__startswith="benchmark.")
    for document in documents.prefetch_related("themes", "countries", "organisations"):
        values = {
            field.attname: getattr(document, field.attname)
            for field in SearchDocument._meta.concrete_fields
            if field.attname not in ("id", "updated_at")
        }
        for relation in ("themes", "countries", "organisations"):
            values[relation] = sorted(item.pk for item in getattr(document, relation).all())
        rows[document.key] = values
    return rows


def test_saving_many_writes_the_rows_saving_one_at_a_time_writes():
    vocabulary = benchmark_vocabulary()
    first = list(benchmark_projections(60, vocabulary, seed=1))
    # The same keys again, with other words, languages, audiences and relations.
    second = list(benchmark_projections(40, vocabulary, seed=2))

    _save_many(first)
    _save_many(second)
    rows = _rows()

    assert len(rows) == 60
    assert {rows[projection.key]["version"] for projection in second} == {2}
    assert {rows[projection.key]["version"] for projection in first[40:]} == {1}
    for projection in second + first[40:]:
        row = rows[projection.key]
        assert (row["title"], row["scope"], row["language"]) == (
            projection.title,
            projection.scope,
            projection.language,
        )
        assert row["themes"] == sorted(set(projection.themes))
        assert row["organisations"] == sorted(set(projection.organisations))
    # One at a time gives the same rows, word for word.
    SearchDocument.objects.filter(key__startswith="benchmark.").delete()
    for projection in first + second:
        document_save(projection)
    assert _rows() == rows


def test_saving_many_analyses_and_tags_each_text_as_the_search_and_the_thesaurus_read_it():
    vocabulary = benchmark_vocabulary()
    thesaurus_demo.load(io.StringIO())
    projections = list(benchmark_projections(30, vocabulary, seed=3))
    # Attached text, and a label running from the title into the body.
    projections[0] = dataclasses.replace(
        projections[0], attachment_text="Rapport sur la santé mentale des travailleurs migrants"
    )
    projections[1] = dataclasses.replace(
        projections[1], language="en", title="Early", body="warning systems for floods"
    )

    _save_many(projections)

    rows = SearchDocument.objects.in_bulk([projection.key for projection in projections], field_name="key")
    for projection in projections:
        row = rows[projection.key]
        analysed = (
            text.analyse(projection.body, row.language),
            text.analyse(projection.attachment_text, row.language),
        )
        named = concepts_in_text(
            "\n".join((projection.title, projection.body, projection.attachment_text)), row.language
        )
        assert row.search_title == text.analyse(projection.title, row.language)
        assert row.search_body == " ".join(part for part in analysed if part)
        assert set(row.concepts.values_list("pk", flat=True)) == named
    assert rows[projections[1].key].concepts.filter(slug="early-warning-systems").exists()
    assert rows[projections[0].key].concepts.filter(slug="mental-health").exists()


def _written(rows):
    """Each row as the database holds it and the ids it links to, by key."""
    return {
        row.key: (
            {field.attname: getattr(row, field.attname) for field in SearchDocument._meta.concrete_fields},
            {
                relation: sorted(row.links[relation])
                for relation in ("themes", "countries", "organisations", "concepts")
            },
        )
        for row in rows
    }


def test_saving_many_returns_the_rows_as_written_with_their_links():
    vocabulary = benchmark_vocabulary()
    thesaurus_demo.load(io.StringIO())
    first = list(benchmark_projections(30, vocabulary, seed=4))
    _save_many(first)
    # Some rows again (updated), some new.
    projections = list(benchmark_projections(50, vocabulary, seed=5))

    returned = _save_many(projections)

    assert [row.key for row in returned] == [projection.key for projection in projections]
    stored = SearchDocument.objects.filter(key__startswith="benchmark.").prefetch_related(
        "themes", "countries", "organisations", "concepts"
    )
    for row in stored:
        row.links = {
            relation: [item.pk for item in getattr(row, relation).all()]
            for relation in ("themes", "countries", "organisations", "concepts")
        }
    assert _written(returned) == _written(stored)
    assert {row.version for row in returned} == {1, 2}


def test_the_engine_sources_of_the_rows_written_are_those_of_the_rows_read_back(
    settings, django_assert_num_queries
):
    # Dates made in another zone than the database's UTC, as a page's may be.
    settings.TIME_ZONE = "Asia/Beirut"
    vocabulary = benchmark_vocabulary()
    thesaurus_demo.load(io.StringIO())
    _save_many(list(benchmark_projections(30, vocabulary, seed=6)))
    projections = list(benchmark_projections(50, vocabulary, seed=7))

    written = _save_many(projections)

    # Only the codes of the countries are read, once for the batch.
    with django_assert_num_queries(1):
        sources = row_sources(written)
    stored = row_sources(
        SearchDocument.objects.filter(key__in=[projection.key for projection in projections])
    )
    assert sources == stored
    assert any(source["countries"] for source in sources.values())
    assert {source["date"][-6:] for source in sources.values()} == {"+00:00"}
