"""The open data settings (defined, from the environment, in ``portal.settings.base``),
read when asked so that tests may override them."""

from django.conf import settings


def page_size_max() -> int:
    """The largest ``limit`` a listing answers; a larger one is a 400, not a silent clamp."""
    return settings.WAGTAILAPI_LIMIT_MAX


def anonymous_rate() -> str:
    return settings.PORTAL_API_ANONYMOUS_RATE


def token_rate() -> str:
    return settings.PORTAL_API_TOKEN_RATE


def token_touch_seconds() -> int:
    """How stale a token's "last used" time may get before a request writes it again."""
    return settings.PORTAL_API_TOKEN_TOUCH_SECONDS


def tokens_per_person() -> int:
    return settings.PORTAL_API_TOKENS_PER_PERSON


def cache_seconds() -> int:
    """How long an API answer or IATI file is kept per audience; 0: not kept."""
    return max(0, settings.PORTAL_API_CACHE_SECONDS)


def export_rows_max() -> int:
    return settings.PORTAL_EXPORT_ROWS_MAX


def iati_reporting_org() -> str:
    return settings.PORTAL_IATI_REPORTING_ORG
