"""The figures printed at the end: throughput, latency percentiles and errors per request type."""

from collections import Counter

from locust.stats import RequestStats, StatsEntry

from portal.loadtest.browser import failure_reason

PERCENTILES = (0.50, 0.95, 0.99)


class Failures:
    """Counts failed requests by request type and short reason, as they happen."""

    def __init__(self):
        self.counts: Counter[tuple[str, str]] = Counter()

    def on_request(self, *, name, exception=None, response=None, **_kwargs):
        if exception is not None:
            self.counts[(name, failure_reason(exception, response))] += 1

    def total(self) -> int:
        return sum(self.counts.values())


def _row(label: str, entry: StatsEntry, seconds: float, errors: int) -> list[str]:
    percentiles = [f"{entry.get_response_time_percentile(p):,}" for p in PERCENTILES]
    return [
        label,
        f"{entry.num_requests:,}",
        f"{entry.num_requests / seconds:.1f}",
        *percentiles,
        f"{errors:,}",
    ]


def table(stats: RequestStats, failures: Failures, seconds: float) -> str:
    """A plain text table; latencies in milliseconds (Locust's histogram, two significant digits)."""
    header = ["request", "count", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors"]
    errors_by_name = Counter()
    for (name, _reason), count in failures.counts.items():
        errors_by_name[name] += count
    entries = sorted(stats.entries.values(), key=lambda entry: (-entry.num_requests, entry.name))
    rows = [_row(entry.name, entry, seconds, errors_by_name[entry.name]) for entry in entries]
    rows.append(_row("overall", stats.total, seconds, failures.total()))
    widths = [max(len(row[column]) for row in [header, *rows]) for column in range(len(header))]

    def line(cells):
        first = cells[0].ljust(widths[0])
        return "  ".join(
            [first, *(cell.rjust(width) for cell, width in zip(cells[1:], widths[1:], strict=True))]
        )

    lines = [line(header), line(["-" * width for width in widths]), *map(line, rows[:-1])]
    lines += [line(["-" * width for width in widths]), line(rows[-1])]
    if failures.counts:
        lines.append("")
        lines.append("errors by request and reason:")
        for (name, reason), count in sorted(failures.counts.items(), key=lambda item: -item[1]):
            lines.append(f"  {name:<20} {reason:<20} {count:,}")
    return "\n".join(lines)
