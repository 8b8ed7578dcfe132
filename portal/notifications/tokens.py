"""Signed unsubscribe tokens: the link in an email works without logging in, and
nobody can forge one for somebody else."""

from django.core import signing

from portal.notifications.verbs import Kind

SALT = "portal.notifications.unsubscribe"
ALL = "all"


def unsubscribe_token(*, user, scope: str = ALL) -> str:
    """A token that stops one kind of email (``scope`` a ``Kind``) or all of them."""
    return signing.dumps({"u": user.pk, "s": scope}, salt=SALT, compress=True)


def read_unsubscribe_token(token: str) -> tuple[int, str] | None:
    """(user id, scope) from a token, or None when it is forged or malformed."""
    try:
        data = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict):
        return None
    user_id, scope = data.get("u"), data.get("s")
    if not isinstance(user_id, int) or scope not in {ALL, *Kind.values}:
        return None
    return user_id, scope
