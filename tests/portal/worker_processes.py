"""The portal as production runs it, for tests/portal/test_worker_processes.py: gunicorn
web processes and ``db_worker`` task workers (``portal.loadtest.processes``) on the
test's own PostgreSQL database, which the test commits to; people who sign in and
write through the portal's forms over HTTP; and the checks that the queue drained
into the mail relay and the search engine exactly once.
"""

import fcntl
import hashlib
import os
import re
import shutil
import subprocess
import time
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

import pytest
from django.contrib.staticfiles.finders import get_finders
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from portal.loadtest.html import Document, parse
from portal.loadtest.processes import ROOT, PortalProcesses, free_port
from portal.loadtest.proxy import LoopbackSession
from portal.notifications.models import EmailOutbox
from portal.settings.caches import production_caches
from search.models import SearchDocument

STATIC_CACHE = ROOT / ".cache" / "collected-static"
DRAIN_SECONDS = 60
REQUEST_SECONDS = 30
POST_ADDRESS = re.compile(r"/forums/post/(\d+)/")


def require_postgres() -> None:
    if connection.vendor != "postgresql":
        pytest.skip(
            "needs PostgreSQL: the web processes and task workers share the test's database "
            "(run with DATABASE_URL=postgres://…, as `make test-postgres` does)"
        )


def database_url() -> str:
    """The test database (not the configured one), for the processes."""
    config = connection.settings_dict
    credentials = quote(config["USER"] or "", safe="")
    if config["PASSWORD"]:
        credentials += ":" + quote(config["PASSWORD"], safe="")
    host = f"{config['HOST'] or '127.0.0.1'}:{config['PORT'] or 5432}"
    return f"postgres://{credentials}@{host}/{quote(config['NAME'], safe='')}"


def _static_fingerprint() -> str:
    """Changes whenever a static file the portal would collect changes."""
    digest = hashlib.sha256()
    for finder in get_finders():
        for path, storage in sorted(finder.list([]), key=lambda item: item[0]):
            stat = os.stat(storage.path(path))
            digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:16]


def collected_static(log_path: Path) -> Path:
    """Static files collected with production's storage (hashed, compressed), kept
    under .cache between runs: collecting them takes half a minute, and nothing
    else in this test does. Parallel test processes wait for one another."""
    target = STATIC_CACHE / _static_fingerprint()
    STATIC_CACHE.mkdir(parents=True, exist_ok=True)
    with open(STATIC_CACHE / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (target / "staticfiles.json").exists():
            partial = STATIC_CACHE / f"{target.name}.partial-{os.getpid()}"
            collector = PortalProcesses(
                database_url=database_url(),
                log_path=log_path,
                base_port=0,
                environment={"DJANGO_STATIC_ROOT": str(partial)},
            )
            if collector.manage("collectstatic", "--no-input", "-v0") != 0:
                raise RuntimeError(f"collectstatic failed; see {log_path}")
            for stale in STATIC_CACHE.iterdir():
                if stale.is_dir() and stale != partial:
                    shutil.rmtree(stale, ignore_errors=True)
            partial.rename(target)
    return target


@dataclass
class Portal:
    """Running processes: ``urls`` of the web processes, ``workers`` by id."""

    processes: PortalProcesses
    urls: list[str]
    workers: dict[str, subprocess.Popen]
    log_path: Path


@contextmanager
def running_portal(*, tmp_path: Path, mail_port: int, engine_url: str, index_prefix: str, webs=2, workers=2):
    """``webs`` gunicorn processes (one worker each) and ``workers`` task workers with
    production settings, the search engine backend and mail to ``mail_port``; every
    process is stopped on the way out, whatever happened."""
    log_path = tmp_path / "portal.log"
    static = collected_static(log_path)
    ports = [free_port() for _ in range(webs)]
    processes = PortalProcesses(
        database_url=database_url(),
        log_path=log_path,
        base_port=ports[0],
        environment={
            "DJANGO_STATIC_ROOT": str(static),
            "DJANGO_LOG_LEVEL": "WARNING",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(mail_port),
            "EMAIL_USE_TLS": "0",
            "EMAIL_TIMEOUT": "5",
            "PORTAL_SEARCH_BACKEND": "engine",
            "SEARCH_ENGINE_FLAVOUR": "opensearch",
            "SEARCH_ENGINE_URLS": engine_url,
            "SEARCH_ENGINE_INDEX_PREFIX": index_prefix,
            "PORTAL_TRUST_MEMBER_AFTER_POSTS": "0",
            "PORTAL_POSTING_RATE_LIMIT": "1000/m",
        },
    )
    with override_settings(CACHES=production_caches()):
        call_command("createcachetable")
    with processes:
        webs_started = [processes.start_web(port=port) for port in ports]
        started = {
            f"worker-{n}": processes.start_task_worker(interval=0.1, worker_id=f"worker-{n}")
            for n in range(workers)
        }
        urls = [f"http://127.0.0.1:{port}" for port in ports]
        for process, url in zip(webs_started, urls, strict=True):
            processes.wait_until_ready(process, url)
        yield Portal(processes=processes, urls=urls, workers=started, log_path=log_path)


class Person:
    """Somebody with a browser: signs in through the log-in form and writes through
    the portal's forms (every hidden input sent back, CSRF and write tokens
    included), each form posted to the web process it came from."""

    def __init__(self, email: str, password: str):
        self.email, self.password = email, password
        self.session = LoopbackSession()

    def page(self, url: str) -> Document:
        response = self.session.get(url, timeout=REQUEST_SECONDS)
        assert response.status_code == 200, f"GET {url}: HTTP {response.status_code}"
        return parse(response.url, response.text)

    def send(self, base: str, path: str, *, action: str, **typed: str) -> str:
        """Fill the form on ``path`` whose action contains ``action`` and send it;
        the address the portal redirected to (a write is answered with a redirect)."""
        document = self.page(base + path)
        form = document.form(action_contains=action, fields=tuple(typed))
        assert form is not None, f"no form {action} on {path}"
        parts = urlsplit(document.url)
        response = self.session.post(
            form.action,
            data=form.data(**typed),
            headers={"Referer": urlunsplit(("https", parts.netloc, parts.path, parts.query, ""))},
            allow_redirects=False,
            timeout=REQUEST_SECONDS,
        )
        assert response.status_code == 302, f"POST {form.action}: HTTP {response.status_code}"
        return response.headers["Location"]

    def log_in(self, base: str) -> None:
        location = self.send(
            base, "/en/accounts/login/", action="/accounts/login/", login=self.email, password=self.password
        )
        assert "/accounts/login/" not in location, f"{self.email} could not sign in"

    def reply(self, base: str, topic_pk: int, body: str) -> int:
        """The number of the new post in its topic."""
        location = self.send(base, f"/en/forums/topic/{topic_pk}/reply/", action="/reply/", body=body)
        return int(location.rsplit("#post-", 1)[1])

    def edit(self, base: str, post_pk: int, **typed: str) -> None:
        self.send(base, f"/en/forums/post/{post_pk}/edit/", action="/edit/", **typed)

    def delete(self, base: str, topic_pk: int, post_pk: int) -> None:
        self.send(base, f"/en/forums/topic/{topic_pk}/", action=f"/post/{post_pk}/delete/")


@dataclass
class Queue:
    """What is left to do, as the database says."""

    tasks: int
    emails: int
    search_rows: int

    @classmethod
    def now(cls, *, ignore_claimed_by=()) -> "Queue":
        tasks = DBTaskResult.objects.filter(status__in=["READY", "RUNNING"])
        for worker_id in ignore_claimed_by:
            tasks = tasks.exclude(status="RUNNING", worker_ids__contains=[worker_id])
        return cls(
            tasks=tasks.count(),
            emails=EmailOutbox.objects.filter(status=EmailOutbox.Status.PENDING).count(),
            search_rows=SearchDocument.objects.pending_engine().count(),
        )

    @property
    def empty(self) -> bool:
        return not (self.tasks or self.emails or self.search_rows)


def wait_until_drained(
    portal: Portal, mailbox, *, seconds: float = DRAIN_SECONDS, ignore_claimed_by=(), tasks_only: bool = False
) -> float:
    """Seconds until no task is waiting or running (but those claimed by the
    ``ignore_claimed_by`` workers) and, unless ``tasks_only``, no email or search
    row is pending and the relay got as many messages as the outbox sent; fails
    with what is left after ``seconds``."""
    started = time.monotonic()
    while True:
        queue = Queue.now(ignore_claimed_by=ignore_claimed_by)
        sent = EmailOutbox.objects.filter(status=EmailOutbox.Status.SENT).count()
        if tasks_only and not queue.tasks:
            return time.monotonic() - started
        if queue.empty and len(mailbox.messages) >= sent:
            return time.monotonic() - started
        if time.monotonic() - started > seconds:
            pytest.fail(
                f"not drained after {seconds} s: {queue}, {len(mailbox.messages)}/{sent} delivered; "
                f"see {portal.log_path}"
            )
        time.sleep(0.2)


def deliveries(mailbox) -> Counter:
    """The relay's messages counted by (recipient, post they tell about)."""
    counts = Counter()
    for message in mailbox.messages:
        (post_pk,) = {int(pk) for pk in POST_ADDRESS.findall(message["text"])}
        for address in message["to"]:
            counts[(address, post_pk)] += 1
    return counts


def engine_documents(client, alias: str) -> dict[str, list[int]]:
    """Every document the engine holds behind ``alias``: key -> versions (one per
    index the alias covers)."""
    client.indices.refresh(index=alias)
    response = client.search(
        index=alias, body={"query": {"match_all": {}}, "size": 10_000, "version": True, "_source": False}
    )
    documents: dict[str, list[int]] = {}
    for hit in response["hits"]["hits"]:
        documents.setdefault(hit["_id"], []).append(hit["_version"])
    return documents
