"""The load test tool, run for a few seconds against the test server.

It runs in its own process, as people run it, because Locust patches the standard
library for gevent when it is imported; it reaches the portal only over HTTP.
"""

import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.servers.basehttp import WSGIServer
from django.db import connection
from pytest_django.live_server_helper import LiveServer

from portal.audience import Audience
from tests.accounts.factories import VerifiedUserFactory
from tests.forums.factories import ForumFactory, TopicFactory

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "correct horse battery staple"


class SerialServer(WSGIServer):
    """Answers one request at a time, in the server thread, whose database connections
    are already the test's (so it needs no per-request override)."""

    def __init__(self, *args, connections_override=None, **kwargs):
        super().__init__(*args, **kwargs)


@pytest.fixture
def test_server(transactional_db):
    """The test server on 127.0.0.1 (the only address the tool talks to). On SQLite it
    shares the test's in-memory database connection, which concurrent requests would
    lock, so there it answers one request at a time."""
    server = LiveServer("127.0.0.1", start=False)
    if connection.vendor == "sqlite":
        server.thread.server_class = SerialServer
    server.start()
    yield server
    server.stop()


@pytest.fixture
def portal_content(settings, library):
    """Briefs in three languages (``library``), a public forum with a topic, and three
    verified people; their first words are published at once, as for the demo's."""
    settings.PORTAL_TRUST_MEMBER_AFTER_POSTS = 0
    TopicFactory(forum=ForumFactory(slug="health", name="Health", visibility=Audience.PUBLIC))
    return [VerifiedUserFactory(username=f"loadtester{n}").email for n in range(3)]


def run_tool(*arguments):
    return subprocess.run(
        [sys.executable, "-m", "portal.loadtest", *arguments],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=90,
    )


def test_mixed_load_reports_no_errors_and_finds_every_write(test_server, portal_content):
    result = run_tool(
        *(
            "--url",
            test_server.url,
            "--users",
            "4",
            "--signed-in",
            "0.75",
            "--seconds",
            "5",
            "--think",
            "0.3",
        ),
        *("--settle", "10", "--accounts", ",".join(portal_content), "--password", PASSWORD),
    )

    output = result.stdout
    assert result.returncode == 0, output + result.stderr
    written = re.search(r"acknowledged writes: (\d+), stored: (\d+), searchable: (\d+)", output)
    acknowledged, stored, searchable = map(int, written.groups())
    # Each member writes first thing after signing in; how many more depends on the machine.
    assert acknowledged >= 1, output
    assert acknowledged == stored == searchable
    assert "errors: 0" in output
    assert re.search(r"^log in\s+3\s", output, re.MULTILINE), output
    assert re.search(r"^overall\s+\d+\s+[\d.]+\s+[\d,]+\s+[\d,]+\s+[\d,]+\s+0$", output, re.MULTILINE), output


def test_a_refused_sign_in_is_an_error(test_server, home_page):
    person = VerifiedUserFactory()

    result = run_tool(
        *("--url", test_server.url, "--users", "1", "--signed-in", "1", "--seconds", "1"),
        *("--accounts", person.email, "--password", "not the password"),
    )

    assert result.returncode == 2, result.stdout + result.stderr
    assert "acknowledged writes: 0, stored: 0, searchable: 0" in result.stdout
    assert re.search(r"^  log in\s+sign-in refused\s+1$", result.stdout, re.MULTILINE), result.stdout


def test_only_the_loopback_address_is_accepted():
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "portal.loadtest",
            "--url",
            "http://example.org:8000",
            "--accounts",
            "a@example.org",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode == 2
    assert "stays on this machine" in result.stderr
