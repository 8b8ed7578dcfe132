"""Settings of notifications, read when used (never at import) so tests and
environments can change them.

- ``NOTIFICATIONS_MAX_ATTEMPTS`` (default 8): attempts before an email is marked
  failed.
- ``NOTIFICATIONS_RETRY_BASE_SECONDS`` (default 60): the first retry delay; each
  later one doubles, up to ``NOTIFICATIONS_RETRY_MAX_SECONDS`` (default 6 hours).
- ``NOTIFICATIONS_DIGEST_MAX_AGE_DAYS`` (default 7): older notifications never go
  into a digest.
"""

from django.conf import settings


def _get(name, default):
    return getattr(settings, name, default)


def max_attempts() -> int:
    return _get("NOTIFICATIONS_MAX_ATTEMPTS", 8)


def retry_base_seconds() -> int:
    return _get("NOTIFICATIONS_RETRY_BASE_SECONDS", 60)


def retry_max_seconds() -> int:
    return _get("NOTIFICATIONS_RETRY_MAX_SECONDS", 6 * 60 * 60)


def digest_max_age_days() -> int:
    return _get("NOTIFICATIONS_DIGEST_MAX_AGE_DAYS", 7)
