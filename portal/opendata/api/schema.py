"""The OpenAPI 3 description of the API (drf-spectacular): how token
authentication reads, and the parameters and answers of Wagtail's page endpoints,
which spectacular cannot read from them."""

import functools

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view, inline_serializer
from rest_framework import serializers


class AccessTokenScheme(OpenApiAuthenticationExtension):
    target_class = "portal.opendata.authentication.AccessTokenAuthentication"
    name = "personalAccessToken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "bearerFormat": "pat_<prefix>_<secret>",
            "description": "A personal access token a partner member creates on their profile.",
        }


def _parameter(name, description, kind=OpenApiTypes.STR):
    return OpenApiParameter(name, kind, OpenApiParameter.QUERY, description=description)


LIMIT = _parameter(
    "limit", "Items per page (at most the configured maximum; more is a 400).", OpenApiTypes.INT
)
OFFSET = _parameter("offset", "Items to skip.", OpenApiTypes.INT)
LOCALE = _parameter("locale", "Reader's language: en, ar or fr (default en).")
PAGING = [LIMIT, OFFSET]
KNOWLEDGE_FILTERS = [
    LOCALE,
    _parameter("theme", "Thematic area slug."),
    _parameter("country", "Country code (IQ, JO, LB, RG)."),
    _parameter("partner", "Partner organisation slug."),
    _parameter("year", "Publication year.", OpenApiTypes.INT),
    _parameter("language", "Only items written in this language (en, ar, fr)."),
    _parameter("fields", "Wagtail's field selection, e.g. `*` or `title,summary`."),
]


def _on_get(**description):
    return extend_schema_view(get=extend_schema(**description))


ERROR = inline_serializer("Error", {"detail": serializers.CharField()})


def listing_of(name, item=None):
    return inline_serializer(
        f"{name}Listing",
        {
            "meta": inline_serializer(f"{name}ListingMeta", {"total_count": serializers.IntegerField()}),
            "items": serializers.ListField(child=item or serializers.DictField()),
        },
    )


def _own_copy(method):
    """A method of its own for one endpoint class, so that its description does not
    leak into the other endpoints sharing the inherited method."""

    @functools.wraps(method)
    def endpoint_method(self, *args, **kwargs):
        return method(self, *args, **kwargs)

    endpoint_method.__dict__.pop("kwargs", None)
    return endpoint_method


def knowledge_endpoint(name):
    """Describe a Wagtail page endpoint listing ``name`` (its views are not the
    ``list``/``retrieve`` actions spectacular reads by itself)."""
    errors = {400: ERROR, 401: ERROR, 429: ERROR}

    def decorate(viewset):
        viewset.listing_view = extend_schema(
            operation_id=f"{name}_list",
            parameters=PAGING + KNOWLEDGE_FILTERS,
            responses={200: listing_of(name.title().replace("_", "")), **errors},
        )(_own_copy(viewset.listing_view))
        viewset.detail_view = extend_schema(
            operation_id=f"{name}_detail",
            parameters=[OpenApiParameter("id", OpenApiTypes.INT, OpenApiParameter.PATH), LOCALE],
            responses={200: OpenApiTypes.OBJECT, 404: ERROR, **errors},
        )(_own_copy(viewset.detail_view))
        return viewset

    return decorate


def only_open_data(endpoints, **kwargs):
    """Spectacular's preprocessing hook: the open data API, not Wagtail's admin API."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith(("/api/v2/", "/iati/"))]


def listing(name, item, parameters=()):
    return _on_get(
        operation_id=f"{name}_list",
        parameters=PAGING + list(parameters),
        responses={200: listing_of(name.title(), item), 400: ERROR, 401: ERROR, 429: ERROR},
    )


FORUM = _parameter("forum", "Only the topics of this forum (its slug).")
SEARCH_FILTERS = [
    _parameter("q", "Words to find."),
    _parameter("type", "Content type (repeatable)."),
    _parameter("theme", "Thematic area slug (repeatable)."),
    _parameter("country", "Country code (repeatable)."),
    _parameter("organisation", "Partner organisation slug (repeatable)."),
    _parameter("language", "Language code (repeatable)."),
    _parameter("year", "Year (repeatable).", OpenApiTypes.INT),
    _parameter("sort", "relevance or date."),
    _parameter("page", "Page of results, from 1.", OpenApiTypes.INT),
    _parameter("limit", "Results per page (1 to 50).", OpenApiTypes.INT),
]


def search_schema(item):
    return _on_get(
        operation_id="search",
        parameters=SEARCH_FILTERS,
        responses={200: listing_of("Search", item), 400: ERROR, 401: ERROR, 429: ERROR},
    )


IATI = _on_get(
    operation_id="iati_activities",
    description="The joint actions the reader may read, as an IATI 2.03 activity file.",
    responses={(200, "application/xml"): OpenApiTypes.STR, 401: ERROR, 429: ERROR},
)
