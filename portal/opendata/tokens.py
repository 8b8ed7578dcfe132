"""The shape of a personal access token and how it is checked, without the database."""

import hashlib
import hmac
import re
import secrets

SCHEME = "pat"
_SHAPE = re.compile(r"^pat_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$")


def digest(token: str) -> str:
    """A sha256 of a token of 256 random bits: no salt or slow hash is needed, since
    nobody can guess such a secret from its digest."""
    return hashlib.sha256(token.encode("ascii")).hexdigest()


def generate() -> tuple[str, str]:
    """A new (token, prefix)."""
    prefix = secrets.token_hex(6)
    return f"{SCHEME}_{prefix}_{secrets.token_urlsafe(32)}", prefix


def prefix_of(token: str) -> str | None:
    """The prefix of a well-formed token, else ``None``."""
    match = _SHAPE.match(token)
    return match.group(1) if match else None


def matches(token: str, stored_digest: str) -> bool:
    return hmac.compare_digest(digest(token), stored_digest)
