"""``--serve``: the portal under gunicorn with production settings, for the run only.

The served portal gets a fresh random secret key, 127.0.0.1 as its only host and the
given database; it is migrated, its cache table created, its static files collected,
and the demo loaded when its people are missing. ``--hung-smtp`` points its mail at
a local relay that accepts connections and never answers.
"""

import os
import shutil
import tempfile
from pathlib import Path

from gevent.event import Event
from gevent.server import StreamServer

from portal.loadtest.processes import LOOPBACK, PortalProcesses, free_port

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


class ServedPortal:
    """Starts gunicorn and a task worker in ``__enter__`` (returning the base URL) and
    stops them in ``__exit__``."""

    def __init__(self, *, database_url: str, workers: int, accounts: list[str], mail_port: int | None):
        self.workdir = Path(tempfile.mkdtemp(prefix="portal-loadtest-"))
        self.log_path = self.workdir / "portal.log"
        self.port = free_port()
        self.workers = workers
        self.accounts = accounts
        self.worker_timeouts = 0
        # The demo's people outside partner organisations have no approved
        # contributions, so their words would wait for a moderator and could not be
        # found; the caller's own value wins.
        hold = os.environ.get("PORTAL_TRUST_MEMBER_AFTER_POSTS", "0")
        environment = {"PORTAL_TRUST_MEMBER_AFTER_POSTS": hold}
        if mail_port is not None:
            environment.update(EMAIL_HOST=LOOPBACK, EMAIL_PORT=str(mail_port), EMAIL_USE_TLS="0")
        self.processes = PortalProcesses(
            database_url=database_url, log_path=self.log_path, base_port=self.port, environment=environment
        )
        self.environment = self.processes.environment

    @property
    def url(self) -> str:
        return self.processes.base_url

    def _manage(self, *arguments: str, check: bool = True) -> int:
        print(f"  manage.py {' '.join(arguments)[:80]}", flush=True)
        returncode = self.processes.manage(*arguments)
        if check and returncode != 0:
            raise SystemExit(f"manage.py {arguments[0]} failed; see {self.log_path}")
        return returncode

    def prepare(self) -> None:
        self._manage("migrate", "--no-input", "-v0")
        self._manage("createcachetable")
        self._manage("collectstatic", "--no-input", "-v0")
        check = DEMO_CHECK.format(emails=self.accounts, count=len(self.accounts))
        if self._manage("shell", "-c", check, check=False) != 0:
            self._manage("load_demo")
            if self.environment.get("PORTAL_SEARCH_BACKEND") == "engine":
                self._manage("search_rebuild")

    def __enter__(self) -> str:
        backend = self.environment.get("PORTAL_SEARCH_BACKEND", "database")
        print(
            f"Serving the portal with production settings on {self.url}: {self.workers} gunicorn workers "
            "and a task worker, "
            f"search backend {backend} (log: {self.log_path})",
            flush=True,
        )
        self.prepare()
        web = self.processes.start_web(port=self.port, workers=self.workers)
        # Production sends mail and keeps the engine in sync from the task worker.
        self.processes.start_task_worker()
        try:
            self.processes.wait_until_ready(web, self.url)
        except RuntimeError as error:
            self.__exit__(None, None, None)
            raise SystemExit(str(error)) from error
        return self.url

    def __exit__(self, *exc_info) -> None:
        self.processes.stop_all()
        self.worker_timeouts = self.log_path.read_text(errors="replace").count("WORKER TIMEOUT")
        # The log is kept when something went wrong, for whoever reads the message.
        if exc_info[0] is None:
            shutil.rmtree(self.workdir, ignore_errors=True)
