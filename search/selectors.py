"""Searches made for a person, within the scopes the audience policy gives them
(``portal.audience.scopes_for``)."""

from dataclasses import replace

from django.utils.translation import get_language

from portal.audience import scopes_for
from search.backends import get_backend
from search.backends.base import SearchQuery, SearchResults, Suggestion


def search_for_user(*, user, query: SearchQuery) -> SearchResults:
    """Run ``query`` with the scopes of ``user`` (whatever scopes it carried).
    Translated pages are shown in ``query.language``, by default the active one."""
    query = replace(query, scopes=scopes_for(user), language=query.language or get_language() or "")
    return get_backend().search(query)


def autocomplete_for_user(*, user, text: str, limit: int = 8) -> list[Suggestion]:
    """At most ``limit`` titles visible to ``user`` completing ``text``, a
    translated page once, in the active language when that version matches."""
    return get_backend().autocomplete(
        text, scopes=scopes_for(user), limit=min(limit, 8), language=get_language() or ""
    )
