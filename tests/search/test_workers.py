import io
import time

import pytest
from django.core.management import call_command

from portal.thesaurus import demo as thesaurus_demo
from portal.thesaurus.matching import matcher
from search import analysis
from search.benchmark import _vocabulary as benchmark_vocabulary
from search.benchmark import projections as benchmark_projections
from search.models import SearchDocument
from search.workers import WORKERS_FROM, analysed_batches, workers_for
from tests.factories import OrganisationFactory
from tests.knowledge.factories import PolicyBriefIndexPageFactory, PolicyBriefPageFactory

pytestmark = pytest.mark.django_db


# Longer than a worker takes to start, a few batches over.
SLOWER = 0.2


@pytest.fixture
def slow_in_process(monkeypatch):
    """Makes each batch analysed in this process slower, so that a worker takes
    the later ones; returns the batches analysed here from then on."""

    def slow():
        analysed = []
        analyse = analysis.analyse

        def analyse_slowly(projections, thesaurus):
            analysed.append(projections)
            time.sleep(SLOWER)
            return analyse(projections, thesaurus)

        monkeypatch.setattr(analysis, "analyse", analyse_slowly)
        return analysed

    return slow


def test_a_worker_process_analyses_as_the_rebuilding_process_does(slow_in_process):
    vocabulary = benchmark_vocabulary()
    thesaurus_demo.load(io.StringIO())
    projections = list(benchmark_projections(400, vocabulary, seed=3))
    batches = [(number, projections[number : number + 2]) for number in range(0, len(projections), 2)]
    expected = [(number, analysis.analyse(batch, matcher())) for number, batch in batches]
    in_process = slow_in_process()

    assert list(analysed_batches(batches, workers=1)) == expected
    assert any(document.links["concepts"] for _number, batch in expected for document in batch)
    assert 0 < len(in_process) < len(batches)


def test_a_rebuild_with_a_worker_writes_the_rows_of_one_without(home_page, settings, slow_in_process):
    settings.PORTAL_SEARCH_BACKEND = "database"
    benchmark_vocabulary()
    thesaurus_demo.load(io.StringIO())
    index = PolicyBriefIndexPageFactory(parent=home_page)
    for number in range(3):
        PolicyBriefPageFactory(parent=index, title=f"Vaccination brief {number}", summary="Mental health.")
    OrganisationFactory.create_batch(100)
    call_command("search_rebuild", batch_size=1, workers=0, stdout=io.StringIO())
    without = _rows()
    in_process = slow_in_process()

    call_command("search_rebuild", batch_size=1, workers=1, stdout=io.StringIO())

    assert _rows() == without
    assert any(concepts for _key, _body, concepts in without)
    assert 0 < len(in_process) < len(without)


def _rows():
    return sorted(
        (document.key, document.search_body, tuple(sorted(document.concepts.values_list("pk", flat=True))))
        for document in SearchDocument.objects.live()
    )


def test_small_loads_start_no_worker():
    assert workers_for(WORKERS_FROM - 1) == 0
    assert workers_for(WORKERS_FROM) >= 1
