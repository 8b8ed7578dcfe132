"""Serve anonymous readers' pages from the shared cache, and say who may keep what.

Sits above the gzip middleware, so a page is stored as sent (compressed or not,
keyed by which), and above the session, so a hit reads no session, user or page.

A request may be answered from the cache when it is a GET or HEAD for an address
with a language prefix and carries no session or messages cookie: the page it
would get is the anonymous one. A response is stored only when the view offered
it (``portal.pagecache.public.offer``, after asking the audience policy that the
thing shown is public), it is a 200 to a GET, the reader was not signed in, no
message was shown, no cookie is being set (so no session and no CSRF token is in
it) and the view did not make it private. Nothing else is ever stored.

A kept page varies on Cookie (a signed-in person gets another page) and, through
gzip, Accept-Encoding; never on Accept-Language, since its language is in its
address (Django's locale middleware adds that only to pages whose language is not).
"""

import hashlib
import time

from django.conf import settings
from django.http import HttpResponse
from django.middleware.gzip import re_accepts_gzip
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date
from django.utils.translation import get_language_from_path

from portal.pagecache import store
from portal.pagecache.public import is_offered, offered_seconds

BROWSER_SECONDS = 60
# Replayed as they were stored; the rest a hit gets from the middleware above
# (security headers) or sets itself.
UNSTORED_HEADERS = frozenset({"set-cookie", "x-page-cache", "age"})


def _may_read(request) -> bool:
    if request.method not in ("GET", "HEAD") or "HTTP_AUTHORIZATION" in request.META:
        return False
    cookies = request.COOKIES
    if (
        settings.SESSION_COOKIE_NAME in cookies
        or getattr(settings, "MESSAGE_COOKIE_NAME", "messages") in cookies
    ):
        return False
    return get_language_from_path(request.path_info) is not None


def _encoding(request) -> str:
    # The gzip middleware's own test: the stored page is compressed when it was.
    return "gzip" if re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")) else ""


def _messages_shown(request) -> bool:
    storage = getattr(request, "_messages", None)
    return storage is not None and (storage.used or len(storage) > 0)


def _made_private(response) -> bool:
    control = response.get("Cache-Control", "").lower()
    return any(word in control for word in ("private", "no-store", "no-cache"))


def _may_store(request, response) -> bool:
    user = getattr(request, "user", None)
    return (
        is_offered(request)
        and request.method == "GET"
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not response.has_header("Set-Cookie")
        and not (user is not None and user.is_authenticated)
        and not _messages_shown(request)
        and not _made_private(response)
    )


def _make_public(response, seconds: int) -> None:
    response.headers.pop("Cache-Control", None)
    patch_cache_control(response, public=True, max_age=min(BROWSER_SECONDS, seconds), s_maxage=seconds)
    # Signed-in people get another page at the same address.
    patch_vary_headers(response, ("Cookie",))
    if not response.has_header("ETag"):
        response["ETag"] = f'"{hashlib.md5(response.content, usedforsecurity=False).hexdigest()}"'
    if not response.has_header("Last-Modified"):
        response["Last-Modified"] = http_date()


def _label_private(request, response) -> None:
    """A page that depends on who asks is kept by nobody but the reader's browser,
    which checks back before reusing it."""
    if response.has_header("Cache-Control"):
        return
    personal = settings.SESSION_COOKIE_NAME in request.COOKIES or response.cookies
    if personal or "cookie" in response.get("Vary", "").lower():
        patch_cache_control(response, private=True, no_cache=True)


def _answer(request, response):
    return get_conditional_response(
        request,
        etag=response.get("ETag"),
        last_modified=None,
        response=response,
    )


def _replay(request, entry: store.Entry):
    response = HttpResponse(entry.content, status=entry.status)
    for name, value in entry.headers:
        response[name] = value
    response["Age"] = str(max(0, int(time.time() - entry.stored_at)))
    response["X-Page-Cache"] = "hit"
    return _answer(request, response)


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not store.enabled() or not _may_read(request):
            response = self.get_response(request)
            _label_private(request, response)
            return response
        path = request.path
        key = store.entry_key(
            # Per origin: another host may be another Wagtail site.
            origin=f"{request.scheme}://{request.get_host()}",
            path=path,
            query=request.META.get("QUERY_STRING", ""),
            encoding=_encoding(request),
        )
        entry, stamp = store.lookup(key=key, path=path)
        if entry is not None:
            return _replay(request, entry)
        # Read before the page renders: a purge during the rendering wins.
        stamp = stamp or store.stamp_for(path)
        response = self.get_response(request)
        if not _may_store(request, response):
            _label_private(request, response)
            return response
        seconds = offered_seconds(request, store.seconds())
        _make_public(response, seconds)
        headers = tuple(
            (name, value) for name, value in response.items() if name.lower() not in UNSTORED_HEADERS
        )
        stored = store.Entry(
            stamp=stamp,
            status=response.status_code,
            headers=headers,
            content=response.content,
            stored_at=time.time(),
        )
        store.store(key=key, entry=stored, timeout=seconds)
        response["X-Page-Cache"] = "miss"
        return _answer(request, response)
