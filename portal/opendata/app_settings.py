"""The open data settings, read when asked so that tests may override them."""

from django.conf import settings


def _get(name, default):
    return getattr(settings, name, default)


def page_size_max() -> int:
    """The largest ``limit`` a listing answers; a larger one is a 400, not a silent clamp."""
    return int(_get("WAGTAILAPI_LIMIT_MAX", 100))


def anonymous_rate() -> str:
    return _get("PORTAL_API_ANONYMOUS_RATE", "60/min")


def token_rate() -> str:
    return _get("PORTAL_API_TOKEN_RATE", "600/min")


def token_touch_seconds() -> int:
    """How stale a token's "last used" time may get before a request writes it again."""
    return int(_get("PORTAL_API_TOKEN_TOUCH_SECONDS", 300))


def tokens_per_person() -> int:
    return int(_get("PORTAL_API_TOKENS_PER_PERSON", 10))


def cache_seconds() -> int:
    """How long an API answer, export or IATI file is kept per audience; 0: not kept."""
    return max(0, int(_get("PORTAL_API_CACHE_SECONDS", 0)))


def export_rows_max() -> int:
    return int(_get("PORTAL_EXPORT_ROWS_MAX", 10_000))


def iati_reporting_org() -> str:
    return _get("PORTAL_IATI_REPORTING_ORG", "XI-IATI-MMPTF")
