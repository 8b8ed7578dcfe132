"""The embedded database takes several people writing at once: threads of one server
process and separate processes, all posting replies through the forum services to the
same topic of one SQLite file, end with every reply stored and no error."""

import json
import os
import sqlite3
import subprocess
import sys

import pytest
from django.conf import settings
from django.db import connection

pytestmark = [
    # The test database is only the source of the migrated file the writers share.
    pytest.mark.django_db,
    pytest.mark.skipif(
        settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3",
        reason="about the embedded database; the PostgreSQL run has its own locking",
    ),
]

WRITER = [sys.executable, "-m", "tests.portal.sqlite_writer"]
POSTS = 12


@pytest.fixture(scope="module")
def database_file(django_db_setup, django_db_blocker, tmp_path_factory):
    """A file copy of the migrated test database (migrating a new file takes a minute)."""
    path = tmp_path_factory.mktemp("embedded") / "portal.sqlite3"
    with django_db_blocker.unblock():
        connection.ensure_connection()
        target = sqlite3.connect(path)
        connection.connection.backup(target)
        target.close()
    return path


def _environment(path):
    return os.environ | {
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "DATABASE_URL": f"sqlite:///{path}",
        "PORTAL_POSTING_RATE_LIMIT": "",
        "PORTAL_TRUST_MEMBER_AFTER_POSTS": "0",
        "DJANGO_LOG_LEVEL": "WARNING",
    }


def _run(path, *arguments):
    finished = subprocess.run(
        [*WRITER, *map(str, arguments)],
        env=_environment(path),
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert finished.returncode == 0, finished.stderr[-3000:]
    return json.loads(finished.stdout.splitlines()[-1])


def _stored_numbers(path, topic):
    with sqlite3.connect(path) as database:
        rows = database.execute("SELECT number FROM forums_post WHERE topic_id = ?", (topic,)).fetchall()
    return sorted(number for (number,) in rows)


@pytest.fixture(scope="module")
def writers(database_file):
    """A topic and its partner members for each test."""
    return _run(database_file, "setup", "threads,processes", 4)


def test_threads_of_one_process_write_at_once_without_losing_a_reply(database_file, writers):
    topic, users = writers["threads"]["topic"], writers["threads"]["users"]
    threads = 6
    result = _run(database_file, "write", topic, users, threads, POSTS)
    assert result["errors"] == []
    expected = list(range(2, 2 + threads * POSTS))
    assert result["stored"] == expected
    assert _stored_numbers(database_file, topic) == [1, *expected]
    # The portal's connections switched the file to write-ahead logging.
    with sqlite3.connect(database_file) as database:
        assert database.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_processes_write_at_once_without_losing_a_reply(database_file, writers):
    topic, users = writers["processes"]["topic"], writers["processes"]["users"]
    processes = 4
    running = [
        subprocess.Popen(
            [*WRITER, "write", str(topic), users, "1", str(POSTS)],
            env=_environment(database_file),
            cwd=settings.BASE_DIR,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(processes)
    ]
    results = []
    for process in running:
        stdout, stderr = process.communicate(timeout=240)
        assert process.returncode == 0, stderr[-2000:]
        results.append(json.loads(stdout.splitlines()[-1]))
    assert [error for result in results for error in result["errors"]] == []
    expected = list(range(2, 2 + processes * POSTS))
    assert sorted(number for result in results for number in result["stored"]) == expected
    assert _stored_numbers(database_file, topic) == [1, *expected]
