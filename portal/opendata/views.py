"""The open data pages people see: their access tokens, the API's documentation,
exports of listings, and the IATI file."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from rest_framework.views import APIView

from portal.opendata import services
from portal.opendata.api.base import OpenDataAPIMixin
from portal.opendata.api.schema import IATI
from portal.opendata.cache import remembered
from portal.opendata.exports import export_response
from portal.opendata.forms import AccessTokenForm
from portal.opendata.iati import activities_xml
from portal.opendata.permissions import can_hold_tokens
from portal.opendata.selectors import access_token_list
from portal.pagecache.public import PUBLIC, offer
from portal.site_address import base_url


@login_required
@require_http_methods(["GET", "POST"])
def tokens(request):
    if not can_hold_tokens(request.user):
        raise PermissionDenied
    new_token = None
    status = 200
    if request.method == "POST":
        form = AccessTokenForm(request.POST)
        if form.is_valid():
            try:
                _row, new_token = services.access_token_create(
                    user=request.user, name=form.cleaned_data["name"], days=form.days()
                )
                form = AccessTokenForm()
            except ValidationError as error:
                form.add_error(None, error)
        if new_token is None:
            status = 400
    else:
        form = AccessTokenForm()
    context = {"form": form, "new_token": new_token, "tokens": access_token_list(user=request.user)}
    response = render(request, "opendata/tokens.html", context, status=status)
    # The page may show a token: no cache and no back-button copy keeps it.
    patch_cache_control(response, private=True, no_store=True)
    return response


@login_required
@require_POST
def token_revoke(request, pk):
    if not services.access_token_revoke(user=request.user, pk=pk):
        raise Http404
    messages.success(request, _("The token is revoked: programs that use it can no longer read the API."))
    return redirect("opendata:tokens")


@require_GET
def api_docs(request):
    offer(request, PUBLIC)
    # Examples name the configured address, never the request's Host header.
    return render(request, "opendata/api_docs.html", {"base_url": base_url()})


@require_GET
def export(request, kind, fmt):
    return export_response(request, kind, fmt)


@IATI
class IatiActivitiesView(OpenDataAPIMixin, APIView):
    """``/iati/activities.xml``: the joint actions the reader may read, in IATI 2.03."""

    known_query_parameters = frozenset()

    def perform_content_negotiation(self, request, force=False):
        # The answer is XML whatever the client accepts; errors are JSON.
        return super().perform_content_negotiation(request, force=True)

    def get(self, request):
        self.check_query_parameters()
        content = remembered(request, lambda: activities_xml(request.user))
        return HttpResponse(content, content_type="application/xml; charset=utf-8")
