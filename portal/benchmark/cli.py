"""``python -m portal.benchmark``: each page type against a trivial Django view.

Serves the portal with gunicorn on production settings (plus a floor view and a
query counter) on the PostgreSQL database of DATABASE_URL, loading the demo when
it is missing, and measures, interleaved with the floor in one run: p50/p95 at
concurrency 1 and 8, queries and compressed bytes, for anonymous readers with the
page cache off and on, and for a signed-in partner member (page cache on: the
bodies kept per audience go with it). Prints a Markdown table
for the README and how each group compares with its target.
"""

import argparse
import os
import re
from urllib.parse import urlsplit

from portal.benchmark.measure import FLOOR, measure, warm
from portal.benchmark.report import LABELS, WAGTAIL_KINDS, table
from portal.loadtest.browser import Browser, unrecorded_session
from portal.loadtest.catalogue import discover
from portal.loadtest.serve import ServedPortal

LANGUAGES = ("en", "ar")
PAGES_PER_KIND = 6
MEMBER = "member@iom.example.org"
PARTNER_PATH = re.compile(r"^/(en|ar)/partners/[^/]+/$")
# (name, group label, page cache seconds, signed in, target ratio to that group's floor, kinds held to it).
# Signed-in people never get a kept page; they run with the page cache on, as in
# production, where the bodies kept for their audience follow it.
GROUPS = (
    ("anonymous", "anonymous, page cache off", "0", False, 25, WAGTAIL_KINDS),
    ("cached", "anonymous, page cache on", "300", False, 3, WAGTAIL_KINDS),
    ("signed-in", "signed-in partner member", "300", True, 5, tuple(LABELS)),
)


def pages_to_read(url: str, kinds) -> dict[str, list[str]]:
    browser = Browser(unrecorded_session(url), timeout=30)
    catalogue = discover(browser, url)
    pages = {
        kind: [path for language in LANGUAGES for path in catalogue.paths[kind][language]][:PAGES_PER_KIND]
        for kind in ("home", "theme", "index", "resource", "forums", "forum", "topic")
    }
    partners = browser.document("/en/partners/", name="partners")
    links = [urlsplit(link).path for link in (partners.links if partners else [])]
    pages["partner"] = sorted({path for path in links if PARTNER_PATH.match(path)})[:PAGES_PER_KIND]
    pages["search"] = ["/en/search/?q=health", "/ar/search/?q=health"]
    missing = [kind for kind, paths in pages.items() if not paths]
    if missing:
        raise SystemExit(f"no {', '.join(missing)} pages found at {url}: is the demo loaded?")
    return {kind: paths for kind, paths in pages.items() if kind in kinds}


def signed_in_cookie(url: str, password: str) -> str:
    browser = Browser(unrecorded_session(url), timeout=30)
    if not browser.log_in(language="en", email=MEMBER, password=password):
        raise SystemExit(f"could not sign in as {MEMBER}")
    return "; ".join(f"{cookie.name}={cookie.value}" for cookie in browser.session.cookies)


def parser() -> argparse.ArgumentParser:
    options = argparse.ArgumentParser(prog="python -m portal.benchmark", description=__doc__.split("\n\n")[0])
    options.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    options.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    options.add_argument("--rounds", type=int, default=20, help="passes over every page kind per client")
    options.add_argument("--concurrency", type=int, nargs="+", default=[1, 8])
    names = [name for name, *_rest in GROUPS]
    options.add_argument(
        "--groups", nargs="+", choices=names, default=names, help="groups of readers to measure (default all)"
    )
    kinds = [kind for kind in LABELS if kind != FLOOR]
    options.add_argument(
        "--pages", nargs="+", choices=kinds, default=kinds, help="kinds of pages to measure (default all)"
    )
    return options


def main(argv=None) -> int:
    arguments = parser().parse_args(argv)
    if not arguments.database_url.startswith("postgres"):
        raise SystemExit(
            "the benchmark measures production: give a PostgreSQL DATABASE_URL (or --database-url)"
        )
    from portal.loadtest.cli import demo_accounts

    _accounts, password = demo_accounts()
    concurrency = sorted(set(arguments.concurrency))
    heading = " | ".join(f"c={level} p50 ms | c={level} p95 ms" for level in concurrency)
    lines = [
        f"| readers | page | {heading} | × floor (p50, c={concurrency[0]}) | queries | KiB sent |",
        "|---" * (5 + 2 * len(concurrency)) + "|",
    ]
    verdicts = []
    for name, group, cache_seconds, signed_in, target, held in GROUPS:
        if name not in arguments.groups:
            continue
        portal = ServedPortal(
            database_url=arguments.database_url, workers=arguments.workers, accounts=[MEMBER], mail_port=None
        )
        portal.environment.update(
            DJANGO_SETTINGS_MODULE="portal.settings.benchmark", PORTAL_PAGE_CACHE_SECONDS=cache_seconds
        )
        with portal as url:
            pages = pages_to_read(url, arguments.pages)
            cookie = signed_in_cookie(url, password) if signed_in else None
            warm(url, pages, cookie)
            runs = {
                level: measure(url, pages, cookie=cookie, concurrency=level, rounds=arguments.rounds)
                for level in concurrency
            }
        rows, ratios = table(group, runs)
        lines += rows
        measured = [ratios[kind] for kind in held if kind in ratios]
        if measured:
            verdicts.append(f"{group}: worst {max(measured):.1f}× its floor (target ≤ {target}×)")
        print(f"measured: {group}", flush=True)
    print()
    print("\n".join(lines))
    print()
    print("\n".join(verdicts))
    return 0
