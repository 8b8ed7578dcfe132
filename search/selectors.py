"""Searches made for a person, within the scopes the audience policy gives them
(``portal.audience.scopes_for``)."""

from dataclasses import replace

from portal.audience import scopes_for
from search.backends import get_backend
from search.backends.base import SearchQuery, SearchResults, Suggestion


def search_for_user(*, user, query: SearchQuery) -> SearchResults:
    """Run ``query`` with the scopes of ``user`` (whatever scopes it carried)."""
    query = replace(query, scopes=scopes_for(user))
    return get_backend().search(query)


def autocomplete_for_user(*, user, text: str, limit: int = 8) -> list[Suggestion]:
    """At most ``limit`` titles visible to ``user`` completing ``text``."""
    return get_backend().autocomplete(text, scopes=scopes_for(user), limit=min(limit, 8))
