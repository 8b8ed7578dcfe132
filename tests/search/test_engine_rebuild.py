"""The zero-downtime rebuild: a new index is loaded while searches go on against
the old one, the alias moves in one request, the old index is deleted, and rows
written meanwhile are not lost."""

import io
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from search.models import SearchDocument
from search.sync import engine_backend
from tests.search.conftest import make_document
from tests.search.engine_backend import engine_under_test
from tests.search.helpers import keys, search
from tests.servers import HangingRelay

pytestmark = [pytest.mark.django_db, pytest.mark.engine]


@pytest.fixture(params=["opensearch", "elasticsearch"])
def refresh(request, settings):
    url = request.getfixturevalue(
        "search_engine_proxy_url" if request.param == "elasticsearch" else "search_engine_url"
    )
    return engine_under_test(request.param, settings, url)


class SearchingOutput:
    """Progress output that searches each time the rebuild reports, and writes
    one document during the load."""

    def __init__(self, people, vocabulary):
        self.people, self.vocabulary = people, vocabulary
        self.lines, self.during = [], []

    def write(self, line):
        self.lines.append(line)
        results = search(self.people["anonymous"], "reservoir")
        self.during.append((results.fallback, results.total))
        if line.startswith("Loaded") and not any(item.startswith("Loaded") for item in self.lines[:-1]):
            make_document(self.vocabulary, "late", "Reservoir written during the rebuild")


def test_rebuild_swaps_the_alias_without_interrupting_searches(refresh, vocabulary, people):
    for number in range(30):
        make_document(vocabulary, f"reservoir-{number}", f"Reservoir survey {number}")
    make_document(vocabulary, "gone", "Reservoir to be removed")
    refresh()
    backend = engine_backend()
    [old] = backend.index.indices()
    SearchDocument.objects.filter(key="test.doc:gone").delete()

    output = SearchingOutput(people, vocabulary)
    indexed = backend.rebuild(SearchDocument.objects.live(), stdout=output)
    backend.index.refresh()

    # Every live row but the one written after the load read the rows.
    assert indexed == SearchDocument.objects.live().count() - 1
    [new] = backend.index.indices()
    assert new != old and new.startswith(backend.alias + "-")
    assert not backend.client.indices.exists(index=old)
    assert output.during and all(not fallback and total >= 30 for fallback, total in output.during)
    assert any("rows/s" in line for line in output.lines)
    results = search(people["anonymous"], "reservoir", per_page=50)
    assert not results.fallback
    assert set(keys(results)) == {f"reservoir-{number}" for number in range(30)} | {"late"}
    assert not SearchDocument.objects.pending_engine().exists()


def test_search_rebuild_command_rebuilds_the_engine_index(refresh, vocabulary, people, organisation):
    backend = engine_backend()
    make_document(vocabulary, "cistern", "Cistern repairs")
    refresh()
    [old] = backend.index.indices()
    out = io.StringIO()
    call_command("search_rebuild", stdout=out)
    backend.index.refresh()
    assert f"now points at {backend.alias}-" in out.getvalue()
    # The rows are written while the new index loads them: it exists before the
    # first batch is projected, and both report their progress.
    lines = out.getvalue().splitlines()
    created = next(number for number, line in enumerate(lines) if line.startswith("Created index"))
    projected = [number for number, line in enumerate(lines) if line.startswith("Projected: ")]
    loaded = [number for number, line in enumerate(lines) if line.startswith("Loaded: ")]
    assert projected and loaded and created < projected[0]
    assert "objects/s" in lines[projected[-1]] and "rows/s" in lines[loaded[-1]]
    assert backend.index.indices() != [old]
    assert search(people["anonymous"], organisation.name).total == 1
    out = io.StringIO()
    call_command("search_status", stdout=out)
    assert "Engine reachable" in out.getvalue() and "Pending: 0 rows" in out.getvalue()


class ClosingOutput:
    """Progress output that cuts the way to the engine once the new index exists."""

    def __init__(self, relay):
        self.relay, self.lines = relay, []

    def write(self, line):
        self.lines.append(line)
        if line.startswith("Created index"):
            self.relay.__exit__()


def test_a_failed_bulk_load_fails_the_rebuild_and_leaves_the_live_index(
    refresh, vocabulary, people, settings
):
    for number in range(3):
        make_document(vocabulary, f"cistern-{number}", f"Cistern repairs {number}")
    refresh()
    backend = engine_backend()
    [old] = backend.index.indices()
    url = settings.SEARCH_ENGINE_URLS

    with HangingRelay(urlsplit(url).port) as relay:
        settings.SEARCH_ENGINE_URLS = f"http://127.0.0.1:{relay.port}"
        settings.SEARCH_ENGINE_TIMEOUT = 2
        output = ClosingOutput(relay)
        with pytest.raises(CommandError, match="could not rebuild its index"):
            call_command("search_rebuild", stdout=output)

    settings.SEARCH_ENGINE_URLS = url
    settings.SEARCH_ENGINE_TIMEOUT = 30
    backend = engine_backend()
    assert backend.index.indices() == [old]
    assert any(line.startswith("Created index") for line in output.lines)
    assert not any(line.startswith("Alias") for line in output.lines)
    # The rows were rewritten all the same, and the old index still answers.
    assert SearchDocument.objects.filter(key="test.doc:cistern-2").get().version == 2
    results = search(people["anonymous"], "cistern")
    assert not results.fallback and results.total == 3
