"""The command line: ``python -m portal.loadtest --users 50 --seconds 60 [--serve]``.

Exit status: 0 when every request succeeded and every acknowledged write was found
again, 1 when a write was lost (or the run could not start), 2 when requests failed
but no write was lost.
"""

import argparse
import os
import time
from contextlib import ExitStack
from urllib.parse import urlsplit

import django
import gevent
from locust import between
from locust.env import Environment

from portal.loadtest.browser import Browser, unrecorded_session
from portal.loadtest.catalogue import discover
from portal.loadtest.processes import LOOPBACK
from portal.loadtest.profile import Member, Plan, Reader
from portal.loadtest.report import Failures, table
from portal.loadtest.serve import HungMailRelay, ServedPortal
from portal.loadtest.verify import Outcome, check_writes

MAX_USERS = 500
MAX_SECONDS = 3600
MAX_SETTLE = 300
LOST_SHOWN = 10


def demo_accounts() -> tuple[list[str], str]:
    """The demo's registered people and partner staff (not its administrators or
    moderator, whom the posting limits do not apply to), and their shared password."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    django.setup()
    # The demo module reads models, so it can only be imported once Django is set up.
    from portal.accounts.demo import DEMO_PASSWORD, ORGANISATIONS, ROLES

    staff = [f"{role}@{domain}" for domain, _label in ORGANISATIONS.values() for role in ROLES]
    return ["member@iom.example.org", "reader@example.org", *staff], DEMO_PASSWORD


def _bounded(kind, low, high):
    def parse(text):
        value = kind(text)
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"must be between {low} and {high}")
        return value

    return parse


def _loopback_url(text: str) -> str:
    parts = urlsplit(text)
    if parts.scheme != "http" or parts.hostname != LOOPBACK or parts.path not in {"", "/"}:
        raise argparse.ArgumentTypeError(
            f"must look like http://{LOOPBACK}:8000 (the load test stays on this machine)"
        )
    return f"http://{parts.netloc}"


def parser() -> argparse.ArgumentParser:
    options = argparse.ArgumentParser(prog="python -m portal.loadtest", description=__doc__.split("\n\n")[0])
    options.add_argument(
        "--url", type=_loopback_url, default=f"http://{LOOPBACK}:8000", help="a running portal"
    )
    options.add_argument("--users", type=_bounded(int, 1, MAX_USERS), default=50)
    options.add_argument("--seconds", type=_bounded(float, 1, MAX_SECONDS), default=60.0)
    options.add_argument(
        "--signed-in", type=_bounded(float, 0, 1), default=0.3, help="share of users who sign in and write"
    )
    options.add_argument(
        "--think", type=_bounded(float, 0, 60), default=1.0, help="mean pause between requests (s)"
    )
    options.add_argument("--timeout", type=_bounded(float, 0.5, 120), default=10.0, help="per request (s)")
    options.add_argument(
        "--writes-per-minute",
        type=_bounded(float, 0.1, 600),
        default=4.0,
        help="per account; the portal refuses more than PORTAL_POSTING_RATE_LIMIT (5/m by default)",
    )
    options.add_argument(
        "--settle",
        type=_bounded(float, 0, MAX_SETTLE),
        default=30.0,
        help="how long search may lag behind (s)",
    )
    options.add_argument("--accounts", help="comma-separated emails to sign in with (default: the demo's)")
    options.add_argument("--password", help="their password (default: the demo's)")
    served = options.add_argument_group("serving the portal for the run")
    served.add_argument("--serve", action="store_true", help="start gunicorn with production settings")
    served.add_argument("--workers", type=_bounded(int, 1, 32), default=3)
    served.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    served.add_argument(
        "--hung-smtp",
        action="store_true",
        help="point the served portal's mail at a relay that never answers",
    )
    return options


def run_load(
    url: str, arguments, accounts: list[str], password: str
) -> tuple[Plan, Environment, Failures, float]:
    catalogue = discover(Browser(unrecorded_session(url), timeout=arguments.timeout), url)
    if not catalogue.paths["home"]:
        raise SystemExit(f"no portal pages found at {url}")
    print("pages found: " + ", ".join(f"{kind} {count}" for kind, count in catalogue.counts().items()))
    plan = Plan(
        catalogue=catalogue,
        accounts=accounts,
        password=password,
        timeout=arguments.timeout,
        write_interval=60.0 / arguments.writes_per_minute,
    )
    members = min(arguments.users, round(arguments.users * arguments.signed_in)) if accounts else 0
    shared = {"plan": plan, "host": url, "wait_time": between(arguments.think / 2, arguments.think * 1.5)}
    user_classes = [
        type(base.__name__, (base,), {**shared, "fixed_count": count})
        for base, count in ((Reader, arguments.users - members), (Member, members))
        if count
    ]
    environment = Environment(user_classes=user_classes, host=url)
    failures = Failures()
    environment.events.request.add_listener(failures.on_request)
    runner = environment.create_local_runner()
    print(
        f"{arguments.users} users ({members} signed in) for {arguments.seconds:g} s against {url}", flush=True
    )
    started = time.monotonic()
    runner.start(arguments.users, spawn_rate=max(1.0, arguments.users / 5))
    gevent.spawn_later(arguments.seconds, runner.quit)
    runner.greenlet.join()
    elapsed = time.monotonic() - started
    for problem in runner.exceptions.values():
        print(f"error inside the load test itself ({problem['count']}x): {problem['msg']}")
        print(problem["traceback"])
    return plan, environment, failures, elapsed


def _print_outcome(outcome: Outcome) -> None:
    counts = f"stored: {outcome.stored}, searchable: {outcome.searchable}"
    print(f"acknowledged writes: {outcome.acknowledged}, {counts}")
    for write, reason in outcome.lost[:LOST_SHOWN]:
        print(f"  lost: {write.kind} {write.marker} by {write.account} at {write.url}: {reason}")


def main(argv=None) -> int:
    arguments = parser().parse_args(argv)
    if arguments.hung_smtp and not arguments.serve:
        raise SystemExit("--hung-smtp needs --serve: only a portal started here can be pointed at the relay")
    if arguments.serve and not arguments.database_url:
        raise SystemExit("--serve needs --database-url or DATABASE_URL")
    if arguments.accounts:
        accounts = [email.strip() for email in arguments.accounts.split(",") if email.strip()]
        password = arguments.password or ""
    else:
        accounts, password = demo_accounts()
        password = arguments.password or password

    with ExitStack() as stack:
        relay = None
        if arguments.hung_smtp:
            relay = HungMailRelay()
            print(f"mail relay that never answers on {LOOPBACK}:{relay.start()}")
            stack.callback(relay.stop)
        url = arguments.url
        portal = None
        if arguments.serve:
            portal = ServedPortal(
                database_url=arguments.database_url,
                workers=arguments.workers,
                accounts=accounts,
                mail_port=relay.server.server_port if relay else None,
            )
            url = stack.enter_context(portal)
        plan, environment, failures, elapsed = run_load(url, arguments, accounts, password)
        print()
        print(table(environment.stats, failures, elapsed))
        print()
        outcome = check_writes(plan, base_url=url, settle=arguments.settle)
    _print_outcome(outcome)
    print(f"errors: {failures.total()}")
    if portal is not None:
        print(f"gunicorn workers killed by their timeout: {portal.worker_timeouts}")
    if relay is not None:
        print(f"connections held by the silent mail relay: {relay.connections}")
    if not outcome.complete:
        return 1
    return 2 if failures.total() else 0
