from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from portal.models import Organisation


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
    organisations = Organisation.objects.select_related("country", "logo")
    return render(request, "portal/organisation_list.html", {"organisations": organisations})


@require_GET
def organisation_detail(request, slug):
    organisation = get_object_or_404(Organisation.objects.select_related("country", "logo"), slug=slug)
    return render(request, "portal/organisation_detail.html", {"organisation": organisation})
