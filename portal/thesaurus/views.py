from django.shortcuts import render
from django.views.decorators.http import require_GET

from portal.pagecache.public import PUBLIC, offer
from portal.thesaurus import selectors


@require_GET
def concept_index(request):
    # Every concept is public.
    offer(request, PUBLIC)
    return render(request, "thesaurus/concept_index.html", {"groups": selectors.scheme_overview()})


@require_GET
def concept_detail(request, slug):
    concept = selectors.concept_detail(slug=slug)
    offer(request, PUBLIC)
    return render(
        request,
        "thesaurus/concept_detail.html",
        {
            "concept": concept,
            "namings": selectors.namings(concept),
            "scope": selectors.scope_note(concept),
            "broader": selectors.sorted_by_label(concept.broader.all()),
            "narrower": selectors.sorted_by_label(concept.narrower.all()),
        },
    )
