"""Writes about form submissions: forgetting the old ones."""

from datetime import timedelta

from django.utils import timezone

from portal.idempotency.models import WriteToken

# Long enough for any retry a person or a browser makes, short enough to stay small.
KEEP = timedelta(days=2)


def write_tokens_purge(*, older_than: timedelta = KEEP) -> int:
    """Forget submissions older than ``older_than``; returns how many were forgotten."""
    deleted, _details = WriteToken.objects.filter(created_at__lt=timezone.now() - older_than).delete()
    return deleted
