from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from search.facets import FACET_TITLES
from search.params import clean_text, has_filters, query_from_params
from search.projections import TYPE_LABELS
from search.selectors import autocomplete_for_user, search_for_user


def _localised(url: str, key: str, language: str) -> str:
    # Pages live in one language tree each; every other address (partners, forums,
    # comments) is stored in the default language and shown in the reader's, which
    # for a reader of the default language is the address as stored.
    if language == settings.LANGUAGE_CODE or key.startswith("wagtailcore.page:") or not url.startswith("/"):
        return url
    with translation.override(settings.LANGUAGE_CODE):
        return translate_url(url, language)


@require_GET
def search_page(request):
    query = query_from_params(request.GET)
    results = None
    if query.text or has_filters(query):
        results = search_for_user(user=request.user, query=query)
        language = get_language()
        # Translated once per type, not once per hit.
        type_labels = {doc_type: str(label) for doc_type, label in TYPE_LABELS.items()}
        for hit in results.hits:
            hit.url = _localised(hit.url, hit.key, language)
            hit.type_label = type_labels.get(hit.doc_type, hit.doc_type)
    params = request.GET.copy()
    params.pop("page", None)
    suggestion_query = ""
    if results is not None and results.suggestion:
        corrected = params.copy()
        corrected["q"] = results.suggestion
        suggestion_query = corrected.urlencode()
    facets = []
    if results is not None:
        facets = [(name, FACET_TITLES[name], values) for name, values in results.facets.items() if values]
    return render(
        request,
        "search/search_page.html",
        {
            "query": query,
            "results": results,
            "facets": facets,
            "page_query": params.urlencode(),
            "suggestion_query": suggestion_query,
        },
    )


@require_GET
def autocomplete(request):
    text = clean_text(request.GET.get("q", ""))
    suggestions = autocomplete_for_user(user=request.user, text=text) if len(text) >= 2 else []
    language = get_language()
    response = JsonResponse(
        {
            "results": [
                {
                    "title": suggestion.title,
                    "url": _localised(suggestion.url, suggestion.key, language),
                    "type": str(TYPE_LABELS.get(suggestion.doc_type, suggestion.doc_type)),
                    "language": suggestion.language,
                }
                for suggestion in suggestions
            ]
        }
    )
    response["Cache-Control"] = "private, max-age=60"
    return response
