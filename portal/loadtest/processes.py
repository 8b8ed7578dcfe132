"""The portal's own processes, as production runs them, started for a run or a test:
gunicorn web processes and ``db_worker`` task workers with ``portal.settings.production``.

Every process gets a fresh random secret key, 127.0.0.1 as its only host and the
given database; their output goes to one log file. Nothing here imports Locust or
gevent, so a test process can start a portal without having its standard library
patched.
"""

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests

from portal.loadtest.proxy import LOOPBACK, LoopbackSession

ROOT = Path(__file__).resolve().parents[2]
STARTUP_SECONDS = 90
STOP_SECONDS = 20
READY_PATH = "/robots.txt"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((LOOPBACK, 0))
        return probe.getsockname()[1]


class PortalProcesses:
    """Starts the portal's web processes and task workers, and stops them all in
    ``stop_all()`` (or on leaving a ``with`` block).

    ``environment`` adds to (and overrides) what production settings are given;
    ``log_path`` collects the output of every process and ``manage()`` command.
    """

    def __init__(self, *, database_url: str, log_path: Path, base_port: int, environment=None):
        self.log_path = log_path
        self.base_url = f"http://{LOOPBACK}:{base_port}"
        self.environment = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
            "DJANGO_ALLOWED_HOSTS": LOOPBACK,
            "DATABASE_URL": database_url,
            "PORTAL_BASE_URL": self.base_url,
            **(environment or {}),
        }
        self.processes: list[subprocess.Popen] = []

    def _popen(self, arguments) -> subprocess.Popen:
        with open(self.log_path, "a") as log:
            return subprocess.Popen(  # noqa: S603 (this interpreter, our own arguments)
                [sys.executable, *arguments],
                cwd=ROOT,
                env=self.environment,
                stdout=log,
                stderr=subprocess.STDOUT,
            )

    def manage(self, *arguments: str, timeout: float = 600) -> int:
        """Run ``manage.py`` with the processes' settings; its exit status."""
        with open(self.log_path, "a") as log:
            return subprocess.run(  # noqa: S603 (this interpreter, our own arguments)
                [sys.executable, "manage.py", *arguments],
                cwd=ROOT,
                env=self.environment,
                stdout=log,
                stderr=subprocess.STDOUT,
                timeout=timeout,
            ).returncode

    def start_web(self, *, port: int, workers: int = 1) -> subprocess.Popen:
        """gunicorn on 127.0.0.1:``port``; ``wait_until_ready`` tells when it answers."""
        process = self._popen(
            ["-m", "gunicorn", "portal.wsgi", "--workers", str(workers)]
            + ["--bind", f"{LOOPBACK}:{port}", "--timeout", "30"]
        )
        self.processes.append(process)
        return process

    def start_task_worker(self, *, interval: float = 0.5, worker_id: str | None = None) -> subprocess.Popen:
        """A ``db_worker`` taking tasks of every queue, as production runs it."""
        arguments = ["manage.py", "db_worker", "--no-reload", "--queue-name", "*"]
        arguments += ["--interval", str(interval)]
        if worker_id:
            arguments += ["--worker-id", worker_id]
        process = self._popen(arguments)
        self.processes.append(process)
        return process

    def wait_until_ready(self, process: subprocess.Popen, url: str, seconds: float = STARTUP_SECONDS) -> None:
        """Return once ``url`` answers; ``RuntimeError`` if ``process`` stops first or
        nothing answers within ``seconds``."""
        session = LoopbackSession()
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(f"the portal process stopped while starting; see {self.log_path}")
            try:
                if session.get(url + READY_PATH, timeout=5).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"the portal did not answer within {seconds} s; see {self.log_path}")

    @staticmethod
    def stop(process: subprocess.Popen) -> None:
        """SIGTERM (a task worker finishes its task first), then SIGKILL after a while."""
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(STOP_SECONDS)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()

    def stop_all(self) -> None:
        for process in self.processes:
            self.stop(process)

    def __enter__(self):
        return self

    def __exit__(self, *exc_info) -> None:
        self.stop_all()
