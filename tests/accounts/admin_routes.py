"""Every address of the Wagtail admin, read from the URL resolver, with its
parameters filled from real objects.

A parameter this module does not know makes ``admin_routes`` fail, so a route
added to the admin is either exercised or named here; none is skipped.
"""

from dataclasses import dataclass

from django.urls import get_resolver, reverse
from django.urls.resolvers import RegexPattern, RoutePattern, URLResolver

ADMIN_PREFIX = "admin/"


@dataclass(frozen=True)
class Route:
    pattern: str  # the route as written, prefixes joined
    name: str | None  # the full name to reverse, namespaces included
    parameters: tuple[str, ...]


def _join(prefix, pattern) -> str:
    # As Django joins the routes it reports in ``resolve(path).route``.
    part = str(pattern)
    return prefix + (part[1:] if prefix and part.startswith("^") else part)


def _walk(resolver, prefix="", namespaces=()):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = (*namespaces, entry.namespace) if entry.namespace else namespaces
            yield from _walk(entry, _join(prefix, entry.pattern), inner)
        else:
            yield _join(prefix, entry.pattern), namespaces, entry


def _parameters(pattern) -> tuple[str, ...]:
    if isinstance(pattern, RoutePattern):
        return tuple(pattern.converters)
    if isinstance(pattern, RegexPattern):
        return tuple(pattern.regex.groupindex)
    raise AssertionError(f"unknown pattern type {type(pattern).__name__}")


def admin_routes() -> list[Route]:
    routes = []
    for text, namespaces, entry in _walk(get_resolver()):
        if not text.startswith(ADMIN_PREFIX):
            continue
        name = ":".join((*namespaces, entry.name)) if entry.name else None
        routes.append(Route(text, name, _parameters(entry.pattern)))
    return routes


def _section(route: Route) -> str:
    """The kind of object an ambiguous ``pk`` names, from where the route lives."""
    for section in (
        "api/main/pages",
        "api/main/documents",
        "api/main/images",
        "pages",
        "documents",
        "images",
        "collections",
        "workflows/tasks",
        "workflows",
        "snippets/choose/accounts/membership",
        "snippets/accounts/membership",
        "snippets/choose/portal/organisation",
        "snippets/portal/organisation",
        "snippets",
        "moderation/suspensions",
        "locales",
        "sites",
        "users",
        "groups",
        "translation/submit/snippet",
    ):
        if route.pattern.startswith(ADMIN_PREFIX + section):
            return section
    raise AssertionError(f"no object kind known for the pk of {route.pattern}")


def parameter_value(route: Route, parameter: str, objects: dict) -> str:
    """The value of ``parameter`` in ``route``: the id of one of the other
    organisation's objects in ``objects`` wherever one fits."""
    fixed = {
        "page_id": objects["page"],
        "parent_page_id": objects["page"],
        "page_to_move_id": objects["page"],
        "destination_id": objects["index"],
        "page_pk": objects["page"],
        "revision_id": objects["revision"],
        "revision_id_a": objects["revision"],
        "revision_id_b": "latest",
        "task_state_id": objects["task_state"],
        "task_id": objects["task"],
        "workflow_state_id": objects["workflow_state"],
        "workflow_pk": objects["workflow"],
        "document_id": objects["document"],
        "doc_id": objects["document"],
        "image_id": objects["image"],
        "uploaded_file_id": objects["document"],
        "collection_id": objects["collection"],
        "redirect_id": objects["redirect"],
        "session_id": objects["editing_session"],
        "content_type_id": objects["page_content_type"],
        "object_id": objects["page"],
        "content_type_app_name": "knowledge",
        "content_type_model_name": "policybriefpage",
        "app_name": "knowledge",
        "app_label": "knowledge",
        "model_name": "policybriefpage",
        "action_name": "approve",
        "action": "delete",
        "decision": "approve",
        "filter_spec": "original",
        "uidb64": "MQ",
        "token": "set-password",
    }
    if parameter in fixed:
        return str(fixed[parameter])
    if parameter != "pk":
        raise AssertionError(f"no value known for {parameter!r} in {route.pattern}")
    by_section = {
        "api/main/pages": objects["page"],
        "api/main/documents": objects["document"],
        "api/main/images": objects["image"],
        "pages": objects["page"],
        "documents": objects["document"],
        "images": objects["image"],
        "collections": objects["collection"],
        "workflows/tasks": objects["task"],
        "workflows": objects["workflow"],
        "snippets/choose/accounts/membership": objects["membership"],
        "snippets/accounts/membership": objects["membership"],
        "snippets/choose/portal/organisation": objects["organisation"],
        "snippets/portal/organisation": objects["organisation"],
        "snippets": 1,
        "moderation/suspensions": 1,
        "locales": 1,
        "sites": 1,
        "users": objects["user"],
        "groups": objects["group"],
        "translation/submit/snippet": objects["membership"],
    }
    return str(by_section[_section(route)])


def route_url(route: Route, objects: dict) -> str:
    """The address of ``route`` about the other organisation's objects."""
    if route.name is None:
        # Unnamed routes are Wagtail's catch-all and test addresses.
        literal = route.pattern.replace(".*/$", "no-such-address/")
        assert "<" not in literal and "(" not in literal, route.pattern
        return "/" + literal
    kwargs = {parameter: parameter_value(route, parameter, objects) for parameter in route.parameters}
    return reverse(route.name, kwargs=kwargs)
