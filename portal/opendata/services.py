"""Writes of personal access tokens."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.opendata import app_settings, tokens
from portal.opendata.models import AccessToken
from portal.opendata.permissions import can_hold_tokens


@transaction.atomic
def access_token_create(*, user, name: str, days: int | None) -> tuple[AccessToken, str]:
    """A new token for ``user`` named ``name``, valid ``days`` days (``None``: until
    revoked). Returns the row and the token itself, which is never stored and so can
    be shown only now."""
    if not can_hold_tokens(user):
        raise PermissionDenied
    active = AccessToken.objects.select_for_update().filter(user=user, revoked_at__isnull=True)
    if active.count() >= app_settings.tokens_per_person():
        raise ValidationError(_("You have as many tokens as a person may hold. Revoke one first."))
    secret, prefix = tokens.generate()
    now = timezone.now()
    row = AccessToken.objects.create(
        user=user,
        name=name.strip()[:80],
        prefix=prefix,
        digest=tokens.digest(secret),
        created_at=now,
        expires_at=now + datetime.timedelta(days=days) if days else None,
    )
    return row, secret


@transaction.atomic
def access_token_revoke(*, user, pk: int) -> bool:
    """Revoke ``user``'s token ``pk``; ``False`` when they hold no such usable token."""
    return bool(
        AccessToken.objects.filter(user=user, pk=pk, revoked_at__isnull=True).update(
            revoked_at=timezone.now()
        )
    )


def access_token_touch(*, token: AccessToken) -> None:
    """Record that ``token`` was used, at most once per the configured interval, so a
    busy client does not write on every request."""
    now = timezone.now()
    stale = now - datetime.timedelta(seconds=app_settings.token_touch_seconds())
    if token.last_used_at is not None and token.last_used_at > stale:
        return
    AccessToken.objects.filter(pk=token.pk).filter(
        Q(last_used_at__isnull=True) | Q(last_used_at__lte=stale)
    ).update(last_used_at=now)
    token.last_used_at = now
