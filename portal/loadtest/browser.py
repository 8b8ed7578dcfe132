"""An HTTP session that behaves like a person's browser behind the portal's TLS proxy
(see ``portal.loadtest.proxy``), recording its requests in Locust's figures."""

from urllib.parse import urlsplit, urlunsplit

from locust.clients import HttpSession
from locust.event import EventHook
from locust.exception import CatchResponseError
from requests.exceptions import HTTPError

from portal.loadtest.html import Document, Form, parse
from portal.loadtest.proxy import BehindProxy

REDIRECTS = {301, 302, 303, 307, 308}


class PortalSession(BehindProxy, HttpSession):
    """Locust's recorded session, behind the proxy."""


def unrecorded_session(base_url: str) -> PortalSession:
    """A session whose requests do not count in the load test's figures (used to
    discover the site before the run and to check the writes after it)."""
    return PortalSession(base_url=base_url, request_event=EventHook(), user=None)


def failure_reason(exception: BaseException, response) -> str:
    """A short, groupable reason for a failed request: ``HTTP 503``, ``timeout``…"""
    status = getattr(response, "status_code", 0) or 0
    if isinstance(exception, CatchResponseError):
        return str(exception)
    if isinstance(exception, HTTPError) and status:
        return f"HTTP {status}"
    text = f"{type(exception).__name__} {exception}".lower()
    if "timeout" in text or "timed out" in text:
        return "timeout"
    if "refused" in text or "reset" in text or "aborted" in text or "disconnected" in text:
        return "connection lost"
    return type(exception).__name__


class Browser:
    """One person's session: pages, forms and sign-in, every request bounded by ``timeout``."""

    def __init__(self, session: PortalSession, *, timeout: float):
        self.session = session
        self.timeout = timeout

    def get(self, path: str, *, name: str, params: dict | None = None):
        return self.session.get(path, name=name, params=params, timeout=self.timeout)

    def document(self, path: str, *, name: str) -> Document | None:
        """The page at ``path`` parsed, or ``None`` when it could not be read."""
        response = self.get(path, name=name)
        if not 200 <= response.status_code < 300:
            return None
        return parse(response.url, response.text)

    def submit(self, document: Document, form: Form, *, name: str, catch_response=False, **typed: str):
        """Posts ``form`` as a browser would from ``document``; the answer is not followed."""
        parts = urlsplit(document.url)
        referer = urlunsplit(("https", parts.netloc, parts.path, parts.query, ""))
        return self.session.post(
            form.action,
            data=form.data(**typed),
            name=name,
            headers={"Referer": referer},
            allow_redirects=False,
            timeout=self.timeout,
            catch_response=catch_response,
        )

    def log_in(self, *, language: str, email: str, password: str) -> bool:
        """Signs in through the portal's own log-in form; true when the portal let us in."""
        document = self.document(f"/{language}/accounts/login/", name="log-in form")
        form = (
            document.form(action_contains="/accounts/login/", fields=("login", "password"))
            if document
            else None
        )
        if form is None:
            return False
        # A refused sign-in is answered 200 with the form again: an error all the same.
        with self.submit(
            document, form, name="log in", catch_response=True, login=email, password=password
        ) as response:
            accepted = response.status_code in REDIRECTS and "/accounts/login/" not in response.headers.get(
                "Location", ""
            )
            if not accepted and response.status_code:
                response.failure("sign-in refused")
        return accepted
