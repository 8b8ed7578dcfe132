"""Fixtures shared by every suite. App-specific fixtures live beside their tests."""

import pytest
from django.core.cache import cache, caches
from django.core.management import call_command
from django.utils import translation
from django_tasks_db.management.commands import db_worker
from wagtail.models import Locale, Page, Site

from portal import site_structure
from portal.breaker import breakers_reset
from portal.models import Country, HomePage
from portal.settings.base import tasks_setting
from portal.settings.caches import production_caches
from portal.thesaurus import matching
from search.indexing import forget_recorded_terms
from tests.factories import OrganisationFactory, ThematicAreaFactory, UserFactory


@pytest.fixture(autouse=True)
def _media_and_cache(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _services_presumed_up():
    """Each test finds the mail relay and the search engine presumed reachable."""
    breakers_reset()
    yield
    breakers_reset()


@pytest.fixture(autouse=True)
def _vocabulary_unremembered():
    """The indexing pipeline remembers per process which "did you mean" terms it
    wrote; a test's rows are rolled back, so the next test starts without them."""
    forget_recorded_terms()


@pytest.fixture(autouse=True)
def _fresh_thesaurus_matcher():
    """Each test starts with no thesaurus matcher version in the cache, so the
    first match builds from that test's concepts, never from a rolled-back test's."""
    cache.delete(matching.VERSION_KEY)
    matching.forget_uncommitted()
    yield
    cache.delete(matching.VERSION_KEY)
    matching.forget_uncommitted()


@pytest.fixture(autouse=True)
def _site_structure_forgotten():
    """The site structure is kept in the (in-memory) cache; a test's pages are rolled
    back, so the next test builds it from its own."""
    site_structure.forget()


@pytest.fixture
def caches_in_production(settings):
    """The caches production runs with, their database tables included, empty: the
    tests that run the portal in other processes commit what those wrote there."""
    settings.CACHES = production_caches()
    call_command("createcachetable", verbosity=0)
    for alias in settings.CACHES:
        caches[alias].clear()


@pytest.fixture
def task_worker(settings, monkeypatch):
    """Background tasks go to the database queue, as in production; call the fixture
    to run the real worker (``db_worker --batch``) until no task is ready.

    The worker's connection housekeeping is left out: inside a test's transaction it
    would close the connection the test runs in."""
    settings.TASKS = tasks_setting("database")
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)

    def run() -> None:
        db_worker.Worker(
            queue_names=["*"],
            excluded_queue_names=[],
            interval=0,
            batch=True,
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id="test-worker",
        ).run()

    return run


@pytest.fixture(autouse=True)
def _default_language():
    """A request to an /ar/ page leaves Arabic active in the worker's thread (the locale
    middleware activates it and nothing resets it), and reverse() in the next test on
    that worker would then build /ar/ addresses."""
    yield
    translation.deactivate()


@pytest.fixture
def countries(db):
    """The four countries (created by a data migration in real databases)."""
    return {
        code: Country.objects.get_or_create(code=code, defaults={"sort_order": order})[0]
        for order, code in enumerate(["IQ", "JO", "LB", "RG"], start=1)
    }


@pytest.fixture
def locales(db):
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in ("en", "ar", "fr")}


@pytest.fixture
def home_page(db, locales):
    """An English home page as the default site's root."""
    home = HomePage.objects.filter(depth=2, locale=locales["en"]).first()
    if home is None:
        root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
        home = root.add_child(
            instance=HomePage(title="Partnership Portal", slug="home", locale=locales["en"])
        )
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    return home


@pytest.fixture
def theme(db):
    return ThematicAreaFactory(name="Health", slug="health")


@pytest.fixture
def organisation(db, countries):
    return OrganisationFactory(country=countries["JO"])


@pytest.fixture
def user(db):
    return UserFactory()


def pytest_terminal_summary(terminalreporter):
    """How many search tests passed through each backend and client path, so a CI log
    shows that the engine suites really ran. It lives here, not in tests/search, because
    with xdist only this conftest reaches the process that prints the summary."""
    counts = dict.fromkeys(["database", "opensearch", "elasticsearch"], 0)
    for report in terminalreporter.stats.get("passed", []):
        if report.when != "call" or not report.nodeid.startswith("tests/search/") or "[" not in report.nodeid:
            continue
        params = report.nodeid.rsplit("[", 1)[1].rstrip("]").split("-")
        for name in counts:
            if name in params:
                counts[name] += 1
    if any(counts.values()):
        summary = ", ".join(f"{name} {count}" for name, count in counts.items())
        if counts["opensearch"] or counts["elasticsearch"]:
            # Imported here, after collection, so pytest has rewritten its asserts already.
            from tests.search.engine_fixtures import configured_engine_url, engine_release

            url = configured_engine_url()
            summary += f" (engine: {engine_release(url)} at {url})"
        terminalreporter.write_line(f"search tests passed per backend: {summary}")
