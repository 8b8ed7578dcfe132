from search.backends.base import SearchQuery
from search.selectors import autocomplete_for_user, search_for_user


def search(user, text="", **filters):
    return search_for_user(user=user, query=SearchQuery(text=text, **filters))


def keys(results):
    return [hit.key.removeprefix("test.doc:") for hit in results.hits]


def autocomplete(user, text):
    return autocomplete_for_user(user=user, text=text)
