from django.shortcuts import render
from django.views.decorators.http import require_GET

from portal.audience import signed_in
from portal.pagecache.public import PUBLIC, offer
from portal.thesaurus import selectors
from search.topics import concept_documents

# How long the shared cache keeps a topic's page for anonymous readers. The page
# lists the search rows tagged with the topic, which many writers change (a page
# published or restricted, a post, a comment, a rebuild, the re-tagging worker),
# several of them in bulk statements no signal follows, so no purge could name
# every topic page a write touches; a short life bounds how stale the list gets
# whatever wrote the rows. It is the time a browser already keeps any page.
TAGGED_LIST_SECONDS = 60


@require_GET
def concept_index(request):
    # Every concept is public.
    offer(request, PUBLIC)
    return render(request, "thesaurus/concept_index.html", {"groups": selectors.scheme_overview()})


@require_GET
def concept_detail(request, slug):
    concept = selectors.concept_detail(slug=slug)
    narrower = selectors.sorted_by_label(concept.narrower.all())
    listing = concept_documents(
        concept=concept,
        narrower=narrower,
        user=request.user,
        doc_type=request.GET.get("type", ""),
        page=request.GET.get("page"),
    )
    # The concept is public; the documents listed are public only for an anonymous reader.
    offer(request, None if signed_in(request.user) else PUBLIC, seconds=TAGGED_LIST_SECONDS)
    return render(
        request,
        "thesaurus/concept_detail.html",
        {
            "concept": concept,
            "namings": selectors.namings(concept),
            "scope": selectors.scope_note(concept),
            "broader": selectors.sorted_by_label(concept.broader.all()),
            "narrower": narrower,
            "listing": listing,
        },
    )
