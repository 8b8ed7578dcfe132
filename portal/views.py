from django.conf import settings
from django.db.models import Case, IntegerField, Value, When
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language_from_path
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from knowledge.selectors import knowledge_highlights, listed_pages, partner_list
from portal import audience, site_structure
from portal.models import Organisation
from portal.pagecache import fragments
from portal.pagecache.public import PUBLIC, offer
from portal.site_address import absolute_url

# Partners are listed governments first, then UN agencies, civil society, donors.
KIND_ORDER = Case(
    *[When(kind=kind, then=Value(position)) for position, kind in enumerate(Organisation.Kind.values)],
    output_field=IntegerField(),
)


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        f"Sitemap: {absolute_url(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


@require_GET
def organisation_list(request):
    organisations = partner_list().order_by(KIND_ORDER, "name")
    # Every partner organisation is public.
    offer(request, PUBLIC)
    return render(request, "portal/organisation_list.html", {"organisations": organisations})


@require_GET
def organisation_detail(request, slug):
    organisation = get_object_or_404(partner_list(), slug=slug)
    offer(request, audience.audience_of(organisation))
    context = {"organisation": organisation}
    if fragments.lookup(request) is None:
        contributions = knowledge_highlights(
            locale=site_structure.current(request).active_locale(),
            user=request.user,
            organisation=organisation,
            limit=10,
            request=request,
        )
        context.update(contributions=contributions, contributed_pages=listed_pages(contributions))
    return render(request, "portal/organisation_detail.html", context)


def no_such_object(request, **kwargs):
    raise Http404


# Error pages. They read nothing from the request but its address (to speak its
# language), and render a template that needs no session, user or database: the
# request may be the very thing that broke, and none of them may fail in turn.
# Django's defaults also check the CSRF token, which reads the body once more.
ERRORS = {
    400: (
        _("Bad request"),
        _("The portal could not read this request. Check the address or the form and try again."),
    ),
    403: (_("Not allowed"), _("You do not have permission to open this page or do this.")),
    404: (
        _("Page not found"),
        _("There is no page at this address. It may have moved, or the link may be wrong."),
    ),
    500: (
        _("Something went wrong"),
        _("The portal could not answer this request. Nothing you saved is lost; try again in a moment."),
    ),
}
CSRF_FAILED = _(
    "The form could not be checked: it may have expired, or your browser did not send its cookie. "
    "Go back, reload the page and try again."
)


MACHINE_PATHS = ("/api/", "/iati/")


def _error_page(request, status, message=None):
    language = get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    with translation.override(language):
        title, default_message = ERRORS[status]
        if request.path_info.startswith(MACHINE_PATHS):
            # Programs reading the open data API get their errors as JSON there too.
            return JsonResponse({"detail": str(message or default_message)}, status=status)
        context = {
            "title": title,
            "message": message or default_message,
            "home": f"/{language}/",
        }
        return render(request, "error.html", context, status=status)


def bad_request(request, exception=None):
    return _error_page(request, 400)


def permission_denied(request, exception=None):
    return _error_page(request, 403)


def page_not_found(request, exception=None):
    return _error_page(request, 404)


def server_error(request):
    return _error_page(request, 500)


def csrf_failure(request, reason=""):
    return _error_page(request, 403, CSRF_FAILED)
