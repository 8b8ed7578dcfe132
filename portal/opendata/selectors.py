"""Reads of personal access tokens."""

from django.db.models import QuerySet

from portal.opendata.models import AccessToken


def access_token_list(*, user) -> QuerySet[AccessToken]:
    """``user``'s tokens, newest first, revoked ones included (so they see what ended)."""
    return AccessToken.objects.filter(user=user)
