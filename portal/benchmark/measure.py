"""Timing pages against the floor: one request at a time per client, every page
request right after a floor request, so both see the same machine at the same moment."""

import http.client
import random
import re
import statistics
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import urlsplit

FLOOR = "floor"
FLOOR_PATH = "/benchmark-floor/"
SERVER_TIMING_QUERIES = re.compile(r'db;desc="(\d+) queries"')


@dataclass
class Sample:
    milliseconds: float
    queries: int
    size: int


@dataclass
class Figures:
    """Samples by page kind, and the requests that did not answer 200."""

    samples: dict[str, list[Sample]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, kind: str, path: str, outcome: Sample | str) -> None:
        with self.lock:
            if isinstance(outcome, Sample):
                self.samples[kind].append(outcome)
            else:
                self.errors[kind].append(f"{path}: {outcome}")

    def percentile(self, kind: str, share: float) -> float:
        times = sorted(sample.milliseconds for sample in self.samples[kind])
        if len(times) < 2:
            return times[0] if times else float("nan")
        return statistics.quantiles(times, n=100, method="inclusive")[round(share * 100) - 1]

    def median(self, kind: str, attribute: str) -> float:
        values = [getattr(sample, attribute) for sample in self.samples[kind]]
        return statistics.median(values) if values else float("nan")


def fetch(base_url: str, path: str, cookie: str | None) -> Sample | str:
    """One GET as the TLS proxy in front of production would forward it, timed from
    the request's first byte to the response's last."""
    address = urlsplit(base_url)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=60)
    headers = {"Host": address.netloc, "X-Forwarded-Proto": "https", "Accept-Encoding": "br, gzip"}
    if cookie:
        headers["Cookie"] = cookie
    try:
        started = time.perf_counter()
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        body = response.read()
        elapsed = (time.perf_counter() - started) * 1000
    except OSError as error:
        return f"{type(error).__name__}: {error}"
    finally:
        connection.close()
    if response.status != 200:
        return f"HTTP {response.status}"
    found = SERVER_TIMING_QUERIES.search(response.getheader("Server-Timing") or "")
    return Sample(milliseconds=elapsed, queries=int(found.group(1)) if found else -1, size=len(body))


def measure(base_url: str, pages: dict[str, list[str]], *, cookie: str | None, concurrency: int, rounds: int):
    """``rounds`` passes over every page kind by each of ``concurrency`` clients."""
    figures = Figures()

    def client(seed: int) -> None:
        chooser = random.Random(seed)
        for _round in range(rounds):
            kinds = list(pages)
            chooser.shuffle(kinds)
            for kind in kinds:
                figures.add(FLOOR, FLOOR_PATH, fetch(base_url, FLOOR_PATH, cookie))
                path = chooser.choice(pages[kind])
                figures.add(kind, path, fetch(base_url, path, cookie))

    clients = [threading.Thread(target=client, args=(seed,)) for seed in range(concurrency)]
    for thread in clients:
        thread.start()
    for thread in clients:
        thread.join()
    return figures


def warm(base_url: str, pages: dict[str, list[str]], cookie: str | None) -> None:
    """Every page once, so the figures are of a running portal, not of its first requests."""
    for paths in pages.values():
        for path in paths:
            fetch(base_url, path, cookie)
