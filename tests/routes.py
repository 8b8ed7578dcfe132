"""The portal's addresses, listed from its URL configuration, for the suites that
probe every route (bad input, fuzzing): a new view is probed as soon as it is routed."""

import re

from django.urls import URLResolver, get_resolver

CONVERTER = re.compile(r"<(?:(\w+):)?(\w+)>")


def all_routes(resolver=None, namespace=None, prefix=""):
    """(namespace, route) for every URL pattern; a route is its patterns' text joined."""
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            yield from all_routes(pattern, pattern.namespace or namespace, prefix + str(pattern.pattern))
        else:
            yield namespace, prefix + str(pattern.pattern)


def fill(route, values):
    """The route with each ``<converter:name>`` replaced by ``values[name]``, or else by
    ``values["int"]`` for integers and ``values["slug"]`` for the rest."""

    def value(match):
        converter, name = match.group(1), match.group(2)
        if name in values:
            return values[name]
        return values["int" if converter == "int" else "slug"]

    return "/" + CONVERTER.sub(value, route)
