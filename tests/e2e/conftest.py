"""Browser fixtures shared by every browser test.

The browser is Debian's Chromium (``apt-get install chromium``) driven by Playwright;
Playwright's own browser downloads are never used. Accessibility checks use the axe-core
copy installed by ``npm ci``. Without either, the browser tests are skipped locally and
fail in CI, where they must run.

Fixtures:
- ``browser``: one Chromium per test process.
- ``context`` / ``page``: a fresh browser context (cookies, storage) for every test,
  1280x900 unless the test resizes it; a screenshot is kept when the test fails.
- ``live_server``: pytest-django's test server on 127.0.0.1, counting the requests it
  is answering so that a test's database is flushed only after the last
  (``RequestsInFlight``); on SQLite it runs one request at a time
  (``OneRequestAtATimeServer``).
- ``live_url``: the address of the running test server (``live_server``), without a
  trailing slash. Data the server must see is created through the models in the test
  or its fixtures (the database is transactional; see ``home_page`` in tests/conftest.py).
- ``log_in(page_or_context, user)``: signs ``user`` in for that browser context.
- ``screenshot(page, name)``: saves ``test-artifacts/<name>.png`` and returns its path.
- ``axe_violations(page)`` (plain function): WCAG 2.x A/AA violations reported by axe.
"""

import os
import re
import threading
from pathlib import Path

import pytest
from django.conf import settings
from django.core.servers.basehttp import ThreadedWSGIServer
from django.test import Client
from pytest_django.live_server_helper import LiveServer

from tests.i18n.catalogues import compile_catalogues

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]
MISSING_MESSAGE = (
    "browser tests skipped: install Debian's chromium (`apt-get install chromium`) and run `npm ci`"
)

# The test server listens on the loopback address only.
os.environ.setdefault("DJANGO_LIVE_TEST_SERVER_ADDRESS", "127.0.0.1")

E2E_DIR = Path(__file__).resolve().parent


def _missing_prerequisites():
    missing = []
    if not CHROMIUM.exists():
        missing.append(str(CHROMIUM))
    if not AXE_SCRIPT.exists():
        missing.append(str(AXE_SCRIPT.relative_to(ROOT)))
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing.append("playwright (requirements-dev.txt)")
    return missing


def pytest_collection_modifyitems(config, items):
    """Mark every test of this directory ``e2e``; skip them (or fail in CI) when the
    browser or axe-core is missing."""
    missing = _missing_prerequisites()
    in_ci = os.environ.get("CI", "").lower() == "true"
    for item in items:
        if E2E_DIR not in Path(str(item.path)).parents:
            continue
        item.add_marker(pytest.mark.e2e)
        if missing and not in_ci:
            item.add_marker(pytest.mark.skip(reason=f"{MISSING_MESSAGE} (missing: {', '.join(missing)})"))


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    # Keeps each phase's report on the test so ``page`` can tell a failure apart.
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture(scope="session")
def browser(django_db_setup):
    missing = _missing_prerequisites()
    if missing:
        pytest.fail(f"{MISSING_MESSAGE} (missing: {', '.join(missing)})")
    from playwright.sync_api import sync_playwright

    # Playwright's synchronous API marks its asyncio loop as running in this thread
    # between calls, and Django then refuses every ORM call made here, by this test or by
    # any later test of the same process. The code under test still runs synchronously in
    # the server thread, so the guard is lifted while the browser lives.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(
                executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
            )
            yield chromium
            chromium.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="session")
def _compiled_catalogues(tmp_path_factory):
    return compile_catalogues(tmp_path_factory.mktemp("locale"))


@pytest.fixture(autouse=True)
def _translated_interface(settings, _compiled_catalogues):
    # The browser reads the interface as translated in locale/ today, whether or not
    # `make messages` has run: screenshots show what readers will see.
    settings.LOCALE_PATHS = [_compiled_catalogues]


@pytest.fixture
def open_posting(settings):
    """Posts appear at once and without a rate limit, for tests of what people write."""
    settings.PORTAL_TRUST_MEMBER_AFTER_POSTS = 0
    settings.PORTAL_POSTING_RATE_LIMIT = ""


class RequestsInFlight:
    """The requests the test server is still answering. A browser closed at the end
    of a test may leave one running (the admin's background requests); the test's
    database must not be flushed under it, or on PostgreSQL the request's queries and
    the flush's TRUNCATE wait for each other's locks until one is ended as a deadlock."""

    def __init__(self):
        self._count = 0
        self._changed = threading.Condition()

    def __enter__(self):
        with self._changed:
            self._count += 1

    def __exit__(self, *exc_info):
        with self._changed:
            self._count -= 1
            self._changed.notify_all()

    def wait_until_none(self, timeout: float) -> bool:
        with self._changed:
            return self._changed.wait_for(lambda: self._count == 0, timeout)


IN_FLIGHT = RequestsInFlight()


class CountingServer(ThreadedWSGIServer):
    """Django's threaded test server, counting the requests it is answering; a
    response is read whole, streamed exports included, before it counts as done."""

    def wrap(self, application):
        def counted(environ, start_response):
            with IN_FLIGHT:
                response = application(environ, start_response)
                try:
                    return list(response)
                finally:
                    response.close()

        return counted

    def set_app(self, application):
        super().set_app(self.wrap(application))


class OneRequestAtATimeServer(CountingServer):
    """The counting server, running one request at a time. On SQLite every thread
    shares the test's in-memory database connection, and a browser sends requests at
    once (a form and the admin's background requests): their statements would
    interleave on it ("cannot open savepoint - SQL statements in progress")."""

    def wrap(self, application):
        lock = threading.Lock()
        counted = super().wrap(application)

        def one_at_a_time(environ, start_response):
            with lock:
                return counted(environ, start_response)

        return one_at_a_time


@pytest.fixture(scope="session")
def live_server(django_db_setup):
    server = LiveServer(os.environ["DJANGO_LIVE_TEST_SERVER_ADDRESS"], start=False)
    server.thread.server_class = (
        OneRequestAtATimeServer if server.thread.connections_override else CountingServer
    )
    server.start()
    yield server
    server.stop()


@pytest.fixture
def live_url(live_server):
    return live_server.url.rstrip("/")


@pytest.fixture
def context(browser):
    browser_context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    browser_context.set_default_timeout(15_000)
    yield browser_context
    browser_context.close()
    # Before the test's database is flushed (its fixture was set up first, so it is
    # torn down after this one).
    assert IN_FLIGHT.wait_until_none(timeout=30), "the test server is still answering a request"


def _artifact_name(text):
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", text).strip("-")[:150]


@pytest.fixture
def page(context, request):
    browser_page = context.new_page()
    yield browser_page
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / f"failed-{_artifact_name(request.node.nodeid)}.png"
        try:
            browser_page.screenshot(path=str(path), full_page=True)
        except Exception as error:  # a missing screenshot must not hide the failure itself
            print(f"could not save {path}: {error}")


@pytest.fixture
def screenshot():
    def save(browser_page, name, *, full_page=True):
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / f"{_artifact_name(name)}.png"
        browser_page.screenshot(path=str(path), full_page=full_page)
        return path

    return save


@pytest.fixture
def log_in(live_url):
    """Signs a user in for a browser context through a real session cookie."""

    def sign_in(target, user):
        client = Client()
        client.force_login(user)
        browser_context = getattr(target, "context", target)
        browser_context.add_cookies(
            [
                {
                    "name": settings.SESSION_COOKIE_NAME,
                    "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                    "url": live_url,
                    "httpOnly": True,
                    "sameSite": "Lax",
                }
            ]
        )
        return user

    return sign_in


_AXE_SOURCE = []


def _axe_source():
    if not _AXE_SOURCE:
        _AXE_SOURCE.append(AXE_SCRIPT.read_text(encoding="utf-8"))
    return _AXE_SOURCE[0]


def axe_violations(browser_page, *, tags=None, exclude=None):
    """Runs axe-core on the current page and returns its violations (WCAG 2.x A/AA by default)."""
    # Evaluated through the DevTools protocol rather than added as a <script>, which the
    # portal's Content-Security-Policy would rightly refuse.
    if not browser_page.evaluate("() => typeof window.axe !== 'undefined'"):
        browser_page.evaluate(f"() => {{ {_axe_source()}\n }}")
    options = {"runOnly": {"type": "tag", "values": tags or AXE_TAGS}}
    context = {"exclude": exclude} if exclude else None
    return browser_page.evaluate(
        "([context, options]) => axe.run(context || document, options).then(r => r.violations)",
        [context, options],
    )


def describe_violations(violations):
    """A readable assertion message: rule, impact, help and the first offending elements."""
    lines = []
    for violation in violations:
        targets = ", ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} -> {targets}")
    return "\n".join(lines)
