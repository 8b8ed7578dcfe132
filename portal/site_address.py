"""The portal's own address, the one source of every absolute link.

``PORTAL_BASE_URL`` (scheme, host and port, such as ``https://portal.example.org``)
is the address people reach the portal at. Emails and their unsubscribe links,
feeds, the sitemap, Open Graph and canonical tags and the admin
(``WAGTAILADMIN_BASE_URL``) all build their links here, never from the Host header
of a request, which whoever sends the request chooses. Wagtail's default Site is
kept at the same host name and port (``wagtail_site_sync``, run after every
``migrate`` and by the demo loader), so that Wagtail's own full addresses agree.
"""

from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Site

DEFAULT_PORTS = {"http": 80, "https": 443}


def base_url() -> str:
    """The configured address, without a trailing slash."""
    return settings.PORTAL_BASE_URL.rstrip("/")


def absolute_url(path: str) -> str:
    """``path``, an address on the portal (``/en/forums/``), as an absolute link.

    An address that already names a site is returned unchanged: it points elsewhere
    on purpose (an external link)."""
    parts = urlsplit(path)
    if parts.scheme or parts.netloc:
        return path
    return f"{base_url()}/{path.lstrip('/')}"


def rebased_url(url: str) -> str:
    """An address of this portal that some other part built with its own idea of
    the host (Wagtail's Site), moved onto the configured address."""
    return absolute_url(urlsplit(url)._replace(scheme="", netloc="").geturl())


def site_domain() -> str:
    """Host (and port, when not the scheme's own) of the configured address, as
    account emails name the site."""
    return urlsplit(base_url()).netloc


def page_url(page, request=None) -> str:
    """The absolute address of a Wagtail page, or ``""`` for a page not routable."""
    parts = page.get_url_parts(request)
    if parts is None:
        return ""
    return absolute_url(parts[2])


def wagtail_site_address() -> dict:
    """The host name and port Wagtail's default Site should have."""
    parts = urlsplit(base_url())
    port = parts.port or DEFAULT_PORTS.get(parts.scheme, 80)
    return {"hostname": parts.hostname or "localhost", "port": port}


def wagtail_site_sync(*, using: str = "default") -> int:
    """Give Wagtail's default Site the configured host name and port; returns how
    many sites changed (none when they already agree)."""
    address = wagtail_site_address()
    return Site.objects.using(using).filter(is_default_site=True).exclude(**address).update(**address)
