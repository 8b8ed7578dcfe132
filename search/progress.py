"""Progress lines for long index work: how far, how fast, how long to go."""

import time


class Progress:
    """Progress lines with the rate (and, when the total is known, the time left),
    at most every ``every`` seconds."""

    def __init__(self, stdout, total: int | None, label: str, *, unit: str = "rows", every: float = 1.0):
        self.stdout, self.total, self.label, self.unit, self.every = stdout, total, label, unit, every
        self.started = self.last = time.monotonic()
        self.done = 0

    @property
    def rate(self) -> float:
        return self.done / max(time.monotonic() - self.started, 1e-6)

    def advance(self, count: int, *, final: bool = False) -> None:
        self.done += count
        now = time.monotonic()
        if self.stdout is None or not (final or now - self.last >= self.every):
            return
        self.last = now
        rate = self.rate
        line = f"{self.label}: {self.done}"
        if self.total:
            line += f"/{self.total} {self.unit} ({100 * self.done / self.total:.0f} %)"
        else:
            line += f" {self.unit}"
        line += f", {rate:,.0f} {self.unit}/s"
        if self.total and not final and rate > 0:
            line += f", about {max(self.total - self.done, 0) / rate:.0f} s left"
        self.stdout.write(line)
