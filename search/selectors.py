"""Who may find what: a person's visibility scopes, and the searches made with them."""

from dataclasses import replace

from portal.accounts.selectors import is_partner_member, partner_organisation_ids
from search.backends import get_backend
from search.backends.base import SearchQuery, SearchResults, Suggestion
from search.models import PARTNERS_SCOPE, PUBLIC_SCOPE, organisation_scope


def visibility_scopes(user) -> frozenset[str]:
    """The scopes of the documents ``user`` may see: everyone sees "public";
    approved members of a partner organisation also see "partners"; members of
    organisation X also see "org:X". Anonymous and registered people without an
    approved membership see only "public"."""
    scopes = {PUBLIC_SCOPE}
    if is_partner_member(user):
        scopes.add(PARTNERS_SCOPE)
        scopes.update(organisation_scope(org_id) for org_id in partner_organisation_ids(user))
    return frozenset(scopes)


def search_for_user(*, user, query: SearchQuery) -> SearchResults:
    """Run ``query`` with the scopes of ``user`` (whatever scopes it carried)."""
    query = replace(query, scopes=visibility_scopes(user))
    return get_backend().search(query)


def autocomplete_for_user(*, user, text: str, limit: int = 8) -> list[Suggestion]:
    """At most ``limit`` titles visible to ``user`` completing ``text``."""
    return get_backend().autocomplete(text, scopes=visibility_scopes(user), limit=min(limit, 8))
