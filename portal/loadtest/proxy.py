"""Requests that reach the portal as they would through its TLS-terminating proxy.

Production trusts ``X-Forwarded-Proto``, marks its cookies ``Secure`` and checks that
a form was posted from its own ``https://`` pages. A client on 127.0.0.1 stands where
that proxy would: it says ``https`` in the forwarded header (and the referer of a
form), and keeps ``Secure`` cookies on the loopback address as browsers do.
Production settings then apply unchanged. Nothing here imports Locust.
"""

from http.cookiejar import DefaultCookiePolicy
from urllib.parse import urlsplit

import requests
from requests.cookies import RequestsCookieJar

LOOPBACK = "127.0.0.1"


class LoopbackCookiePolicy(DefaultCookiePolicy):
    """Sends ``Secure`` cookies to 127.0.0.1 over plain HTTP, as browsers do for the
    loopback address; every other host keeps the standard rule."""

    def return_ok_secure(self, cookie, request):
        if urlsplit(request.get_full_url()).hostname == LOOPBACK:
            return True
        return super().return_ok_secure(cookie, request)


class BehindProxy:
    """A ``requests.Session`` mixin: the forwarded header, no proxy from the
    environment, and cookies sent under ``LoopbackCookiePolicy``.

    requests copies the session's cookies into a fresh jar with the default policy for
    every request (and reuses that jar across redirects), so the policy is given to
    the jar the request is prepared with.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.trust_env = False
        self.headers["X-Forwarded-Proto"] = "https"

    def prepare_request(self, request):
        prepared = super().prepare_request(request)
        jar = RequestsCookieJar(policy=LoopbackCookiePolicy())
        jar.update(self.cookies)
        prepared.headers.pop("Cookie", None)
        prepared.prepare_cookies(jar)
        return prepared


class LoopbackSession(BehindProxy, requests.Session):
    """A plain requests session to a portal on 127.0.0.1, as its proxy would send."""
