"""Who the load test's users are and what they do.

Readers browse anonymously in English, Arabic and French: home, thematic areas, index
pages, briefs/lessons/joint actions, forums and topics, search and autocomplete.
Members sign in with a demo account and, between the same reads, reply in topics,
comment on resources and start topics. Each write carries a unique marker so that it
can be found again after the run. Writes are paced per account to stay within the
portal's posting rate limit (``PORTAL_POSTING_RATE_LIMIT``, 5 a minute by default):
the load test measures capacity, not the limiter.
"""

import itertools
import random
import secrets
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit, urlunsplit

from locust import User, task

from portal.loadtest.browser import REDIRECTS, Browser, PortalSession
from portal.loadtest.catalogue import LANGUAGES, Catalogue
from portal.loadtest.html import Document, Form

SEARCHES = {
    "en": ["health", "migrant workers", "referral", "fair recruitment", "social cohesion"],
    "ar": ["الصحة", "العمال المهاجرين", "التماسك الاجتماعي", "الإحالة"],
    "fr": ["santé", "migrants", "emploi", "cohésion sociale"],
}
PREFIXES = {"en": ["hea", "mig", "lab", "ref"], "ar": ["الص", "الع", "مه"], "fr": ["san", "mig", "tra"]}
TEXTS = {
    "en": ("Field note from the load test", "How are referrals working in your district this month?"),
    "ar": ("ملاحظة ميدانية من اختبار الحمل", "كيف تعمل الإحالات في منطقتكم هذا الشهر؟"),
    "fr": (
        "Note de terrain du test de charge",
        "Comment fonctionnent les orientations dans votre district ce mois-ci ?",
    ),
}


def new_marker() -> str:
    # Hex with a final digit: one token for every analyser, and no stemmer trims it.
    return f"lt{secrets.token_hex(6)}7"


@dataclass
class Write:
    kind: str
    marker: str
    account: str
    language: str
    url: str


@dataclass
class Plan:
    """Everything the users share: what to read, who may write, what was written."""

    catalogue: Catalogue
    accounts: list[str]
    password: str
    timeout: float
    write_interval: float
    writes: list[Write] = field(default_factory=list)
    sessions: dict[str, PortalSession] = field(default_factory=dict)
    next_write: dict[str, float] = field(default_factory=dict)
    _turns: itertools.cycle = field(init=False)

    def __post_init__(self):
        self._turns = itertools.cycle(self.accounts)

    def next_account(self) -> str:
        return next(self._turns)

    def book_write(self, account: str) -> bool:
        """True (and the account's next turn booked) when its pace allows a write now."""
        now = time.monotonic()
        if now < self.next_write.get(account, 0.0):
            return False
        self.next_write[account] = now + self.write_interval
        return True

    def release_write(self, account: str) -> None:
        """Gives back a turn that found nothing to write in."""
        self.next_write[account] = time.monotonic()


class Reader(User):
    """An anonymous visitor. ``plan`` is set on the subclass the run creates."""

    abstract = True
    plan: Plan

    def __init__(self, environment):
        super().__init__(environment)
        session = PortalSession(base_url=self.host, request_event=environment.events.request, user=self)
        self.browser = Browser(session, timeout=self.plan.timeout)

    def read(self, kind: str) -> None:
        path = self.plan.catalogue.pick(kind, random.choice(LANGUAGES))
        if path is not None:
            self.browser.get(path, name=kind)

    @task(2)
    def home(self):
        self.read("home")

    @task(2)
    def theme(self):
        self.read("theme")

    @task(2)
    def index(self):
        self.read("index")

    @task(4)
    def resource(self):
        self.read("resource")

    @task(1)
    def forums(self):
        self.read("forums")

    @task(2)
    def forum(self):
        self.read("forum")

    @task(3)
    def topic(self):
        self.read("topic")

    @task(3)
    def search(self):
        language = random.choice(LANGUAGES)
        self.browser.get(
            f"/{language}/search/", name="search", params={"q": random.choice(SEARCHES[language])}
        )

    @task(3)
    def autocomplete(self):
        language = random.choice(LANGUAGES)
        prefix = random.choice(PREFIXES[language])
        self.browser.get(f"/{language}/search/autocomplete/", name="autocomplete", params={"q": prefix})


class Member(Reader):
    """A signed-in demo member who reads like a reader and writes when the pace allows."""

    abstract = True

    def on_start(self):
        self.account = self.plan.next_account()
        self.signed_in = self.browser.log_in(
            language=random.choice(LANGUAGES), email=self.account, password=self.plan.password
        )
        if self.signed_in:
            self.plan.sessions.setdefault(self.account, self.browser.session)
            # People who sign in came to write: the first thing they do is their first write.
            self.write()

    @task(6)
    def write(self):
        if not self.signed_in or not self.plan.book_write(self.account):
            self.read("topic")
            return
        action = random.choice(
            [self.reply, self.reply, self.reply, self.comment, self.comment, self.start_topic]
        )
        if not action():
            self.plan.release_write(self.account)

    def _page(self, kind: str, language: str) -> Document | None:
        path = self.plan.catalogue.pick(kind, language)
        return self.browser.document(path, name=kind) if path else None

    def _submit(self, kind: str, language: str, document: Document | None, form: Form | None) -> bool:
        """Fills ``form``'s title and body in ``language`` with a new marker and posts it;
        a 2xx/3xx answer acknowledges the write, and the page it leads to is read.
        False when there was no form to fill (a locked topic, closed comments)."""
        if document is None or form is None:
            return False
        marker = new_marker()
        title, body = TEXTS[language]
        typed = {"title": f"{title} {marker}", "body": f"{body} {marker}"}
        response = self.browser.submit(
            document,
            form,
            name=kind,
            **{name: typed[name] for name in ("title", "body") if name in form.visible},
        )
        if not 200 <= response.status_code < 400:
            return True
        location = response.headers.get("Location", "") if response.status_code in REDIRECTS else ""
        # Only the path: an absolute https:// address would name the proxy, not this server.
        location = urlunsplit(("", "", *urlsplit(location)[2:4], "")) if location else ""
        self.plan.writes.append(
            Write(
                kind=kind,
                marker=marker,
                account=self.account,
                language=language,
                url=location or document.url,
            )
        )
        if location:
            self.browser.get(location, name=f"after {kind}")
        return True

    def reply(self) -> bool:
        language = random.choice(LANGUAGES)
        document = self._page("topic", language)
        form = document.form(action_contains="/reply/", fields=("body",)) if document else None
        return self._submit("reply", language, document, form)

    def comment(self) -> bool:
        language = random.choice(LANGUAGES)
        document = self._page("resource", language)
        form = (
            document.form(action_contains="/comments/page/", fields=("body",), without="parent")
            if document
            else None
        )
        return self._submit("comment", language, document, form)

    def start_topic(self) -> bool:
        language = random.choice(LANGUAGES)
        forum = self._page("forum", language)
        new = [link for link in forum.links if link.endswith("/new/")] if forum else []
        document = self.browser.document(new[0], name="topic form") if new else None
        form = document.form(action_contains="/new/", fields=("title", "body")) if document else None
        return self._submit("new topic", language, document, form)
