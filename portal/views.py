from django.db.models import Case, IntegerField, Value, When
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_GET
from wagtail.models import Locale

from knowledge.selectors import knowledge_highlights, listed_pages, partner_list
from portal.models import Organisation

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
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


@require_GET
def organisation_list(request):
    organisations = partner_list().order_by(KIND_ORDER, "name")
    return render(request, "portal/organisation_list.html", {"organisations": organisations})


@require_GET
def organisation_detail(request, slug):
    organisation = get_object_or_404(partner_list(), slug=slug)
    contributions = knowledge_highlights(
        locale=Locale.get_active(), user=request.user, organisation=organisation, limit=10
    )
    return render(
        request,
        "portal/organisation_detail.html",
        {
            "organisation": organisation,
            "contributions": contributions,
            "contributed_pages": listed_pages(contributions),
        },
    )
