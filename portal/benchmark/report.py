"""The benchmark's table: each page kind's percentiles, its ratio to the floor of the
same run, its queries and its compressed size, as Markdown for the README."""

import math

from portal.benchmark.measure import FLOOR, Figures

WAGTAIL_KINDS = ("home", "theme", "index", "resource")
LABELS = {
    FLOOR: "floor (trivial view)",
    "home": "home",
    "theme": "theme",
    "index": "briefs / lessons / joint actions index",
    "resource": "brief / lesson / joint action",
    "partner": "partner profile",
    "forums": "forums",
    "forum": "forum",
    "topic": "topic",
    "search": 'search "health"',
}


def _ms(value: float) -> str:
    return "–" if math.isnan(value) else f"{value:.1f}"


def table(group: str, runs: dict[int, Figures]) -> tuple[list[str], dict[str, float]]:
    """Markdown rows for one group, and each kind's p50 ratio to the floor at concurrency 1."""
    first = runs[min(runs)]
    floor = first.percentile(FLOOR, 0.50)
    rows, ratios = [], {}
    for kind in [FLOOR, *[kind for kind in LABELS if kind != FLOOR and first.samples[kind]]]:
        cells = [
            f"{_ms(figures.percentile(kind, share))}" for figures in runs.values() for share in (0.50, 0.95)
        ]
        ratios[kind] = first.percentile(kind, 0.50) / floor
        rows.append(
            f"| {group} | {LABELS[kind]} | {' | '.join(cells)} | {ratios[kind]:.1f}× "
            f"| {first.median(kind, 'queries'):.0f} | {first.median(kind, 'size') / 1024:.1f} |"
        )
    errors = sum(len(problems) for figures in runs.values() for problems in figures.errors.values())
    if errors:
        shown = [
            problem
            for figures in runs.values()
            for problems in figures.errors.values()
            for problem in problems
        ]
        rows.append(f"<!-- {errors} requests failed, e.g. {'; '.join(shown[:3])} -->")
    return rows, ratios
