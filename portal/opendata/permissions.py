"""Who may hold personal access tokens: partner members (and moderators), the people
for whom the API shows more than it shows everyone. What a token reads is decided
by the audience policy for its holder, as for every other surface."""

from portal.audience import PARTNERS_SCOPE, scopes_for, signed_in


def can_hold_tokens(user) -> bool:
    return signed_in(user) and PARTNERS_SCOPE in scopes_for(user)
