"""``--serve``: the portal under gunicorn with production settings, for the run only.

The served portal gets a fresh random secret key, 127.0.0.1 as its only host and the
given database; it is migrated, its cache table created, its static files collected,
and the demo loaded when its people are missing. ``--hung-smtp`` points its mail at
a local relay that accepts connections and never answers.
"""

import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import gevent
from gevent.event import Event
from gevent.server import StreamServer

from portal.loadtest.browser import LOOPBACK, Browser, unrecorded_session

ROOT = Path(__file__).resolve().parents[2]
STARTUP_SECONDS = 90
STOP_SECONDS = 20
DEMO_CHECK = (
    "import sys; from django.contrib.auth import get_user_model; "
    "sys.exit(0 if get_user_model().objects.filter(email__in={emails!r}).count() == {count} else 3)"
)


class HungMailRelay:
    """A TCP server on 127.0.0.1 that accepts every connection and never says a word,
    like an SMTP relay stuck behind a firewall."""

    def __init__(self):
        self.released = Event()
        self.connections = 0
        self.server = StreamServer((LOOPBACK, 0), self._hold)

    def _hold(self, connection, _address):
        self.connections += 1
        self.released.wait()

    def start(self) -> int:
        self.server.start()
        return self.server.server_port

    def stop(self) -> None:
        self.released.set()
        self.server.stop(timeout=2)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((LOOPBACK, 0))
        return probe.getsockname()[1]


class ServedPortal:
    """Starts gunicorn in ``__enter__`` (returning its base URL) and stops it in ``__exit__``."""

    def __init__(self, *, database_url: str, workers: int, accounts: list[str], mail_port: int | None):
        self.workdir = Path(tempfile.mkdtemp(prefix="portal-loadtest-"))
        self.log_path = self.workdir / "portal.log"
        self.port = free_port()
        self.workers = workers
        self.accounts = accounts
        self.process: subprocess.Popen | None = None
        self.task_worker: subprocess.Popen | None = None
        self.worker_timeouts = 0
        self.environment = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
            "DJANGO_ALLOWED_HOSTS": LOOPBACK,
            "DATABASE_URL": database_url,
            "PORTAL_BASE_URL": f"http://{LOOPBACK}:{self.port}",
        }
        # The demo's people outside partner organisations have no approved
        # contributions, so their words would wait for a moderator and could not be
        # found; the caller's own value wins.
        self.environment.setdefault("PORTAL_TRUST_MEMBER_AFTER_POSTS", "0")
        if mail_port is not None:
            self.environment.update(EMAIL_HOST=LOOPBACK, EMAIL_PORT=str(mail_port), EMAIL_USE_TLS="0")

    @property
    def url(self) -> str:
        return f"http://{LOOPBACK}:{self.port}"

    def _manage(self, *arguments: str, check: bool = True) -> int:
        print(f"  manage.py {' '.join(arguments)[:80]}", flush=True)
        with open(self.log_path, "a") as log:
            result = subprocess.run(  # noqa: S603 (this interpreter, our own arguments)
                [sys.executable, "manage.py", *arguments],
                cwd=ROOT,
                env=self.environment,
                stdout=log,
                stderr=subprocess.STDOUT,
                timeout=600,
            )
        if check and result.returncode != 0:
            raise SystemExit(f"manage.py {arguments[0]} failed; see {self.log_path}")
        return result.returncode

    def prepare(self) -> None:
        self._manage("migrate", "--no-input", "-v0")
        self._manage("createcachetable")
        self._manage("collectstatic", "--no-input", "-v0")
        check = DEMO_CHECK.format(emails=self.accounts, count=len(self.accounts))
        if self._manage("shell", "-c", check, check=False) != 0:
            self._manage("load_demo")
            if self.environment.get("PORTAL_SEARCH_BACKEND") == "engine":
                self._manage("search_rebuild")

    def _wait_until_ready(self) -> None:
        browser = Browser(unrecorded_session(self.url), timeout=5)
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"gunicorn stopped while starting; see {self.log_path}")
            if browser.get("/robots.txt", name="ready").status_code == 200:
                return
            gevent.sleep(0.5)
        raise SystemExit(f"the portal did not answer within {STARTUP_SECONDS} s; see {self.log_path}")

    def _start(self, *arguments: str) -> subprocess.Popen:
        with open(self.log_path, "a") as log:
            return subprocess.Popen(  # noqa: S603 (this interpreter, our own arguments)
                [sys.executable, *arguments],
                cwd=ROOT,
                env=self.environment,
                stdout=log,
                stderr=subprocess.STDOUT,
            )

    def __enter__(self) -> str:
        backend = self.environment.get("PORTAL_SEARCH_BACKEND", "database")
        print(
            f"Serving the portal with production settings on {self.url}: {self.workers} gunicorn workers "
            "and a task worker, "
            f"search backend {backend} (log: {self.log_path})",
            flush=True,
        )
        self.prepare()
        gunicorn = ["-m", "gunicorn", "portal.wsgi", "--workers", str(self.workers)]
        self.process = self._start(*gunicorn, "--bind", f"{LOOPBACK}:{self.port}", "--timeout", "30")
        # Production sends mail and keeps the engine in sync from the task worker.
        self.task_worker = self._start(
            "manage.py", "db_worker", "--no-reload", "--queue-name", "*", "--interval", "0.5"
        )
        try:
            self._wait_until_ready()
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self.url

    def __exit__(self, *exc_info) -> None:
        for process in (self.process, self.task_worker):
            if process is not None and process.poll() is None:
                process.send_signal(signal.SIGTERM)
                try:
                    process.wait(STOP_SECONDS)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
        self.worker_timeouts = self.log_path.read_text(errors="replace").count("WORKER TIMEOUT")
        # The log is kept when something went wrong, for whoever reads the message.
        if exc_info[0] is None:
            shutil.rmtree(self.workdir, ignore_errors=True)
