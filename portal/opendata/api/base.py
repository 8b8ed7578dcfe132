"""What every API endpoint shares: who is asking (a token or nobody), rate limits,
JSON only, errors as ``{"detail": …}`` with a 4xx, and the query parameters each
endpoint knows (any other is a 400, so a misspelt filter is never silently ignored)."""

from django.conf import settings
from django.http import Http404, JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _
from rest_framework import status
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from wagtail.api.v2.utils import BadRequestError
from wagtail.models import Locale

from portal.opendata import app_settings
from portal.opendata.authentication import AccessTokenAuthentication
from portal.opendata.throttling import AnonymousRateThrottle, TokenRateThrottle

PAGING_PARAMETERS = frozenset({"limit", "offset", "format"})
API_URLCONF = "portal.opendata.api.urlconf"


def _answered_as_api(request) -> None:
    request.urlconf = API_URLCONF


class OpenDataAPIMixin:
    authentication_classes = [AccessTokenAuthentication]
    permission_classes = [AllowAny]
    throttle_classes = [AnonymousRateThrottle, TokenRateThrottle]
    renderer_classes = [JSONRenderer]
    known_query_parameters = PAGING_PARAMETERS

    def dispatch(self, request, *args, **kwargs):
        _answered_as_api(request)
        return super().dispatch(request, *args, **kwargs)

    def check_query_parameters(self, queryset=None):
        unknown = set(self.request.GET.keys()) - set(self.known_query_parameters)
        if unknown:
            raise BadRequestError(_("Unknown query parameters: %s") % ", ".join(sorted(unknown)))

    def handle_exception(self, exc):
        if isinstance(exc, Http404):
            return Response({"detail": _("Not found.")}, status=status.HTTP_404_NOT_FOUND)
        if isinstance(exc, BadRequestError):
            return Response({"detail": str(exc)}, status=status.HTTP_400_BAD_REQUEST)
        return super().handle_exception(exc)

    def reading_language(self) -> str:
        """The ``locale`` asked for (the reader's language on the HTML pages)."""
        code = self.request.GET.get("locale") or settings.LANGUAGE_CODE
        if code not in dict(settings.LANGUAGES):
            raise BadRequestError(_("Unknown locale: use one of %s.") % ", ".join(dict(settings.LANGUAGES)))
        return code

    def reading_locale(self):
        return Locale.objects.filter(language_code=self.reading_language()).first()

    def in_reading_language(self, build):
        with translation.override(self.reading_language()):
            return build()


def paging(request) -> tuple[int, int]:
    """``(offset, limit)`` from the query; a ``limit`` above the maximum is refused
    rather than clamped, so a client never takes a short page for the whole list."""
    maximum = app_settings.page_size_max()
    try:
        offset = int(request.GET.get("offset", 0))
        limit = int(request.GET.get("limit", min(20, maximum)))
    except ValueError as error:
        raise BadRequestError(_("limit and offset must be whole numbers.")) from error
    if offset < 0 or limit < 0:
        raise BadRequestError(_("limit and offset must be zero or more."))
    if limit > maximum:
        raise BadRequestError(_("limit cannot be higher than %d.") % maximum)
    return offset, limit


def page_answer(items, total: int) -> dict:
    """The shape of every listing, as Wagtail's page endpoints answer."""
    return {"meta": {"total_count": total}, "items": list(items)}


def not_found(request, *args, **kwargs):
    _answered_as_api(request)
    return JsonResponse({"detail": _("Not found.")}, status=404)
