"""Exports of what a listing shows, all its pages, as CSV or JSON, streamed.

Each export reads through the same selector and filters as the page it sits on,
for the same reader and language, so it holds exactly what they can page through.
CSV cells that a spreadsheet would run as a formula are made plain text.
"""

import csv
import json
from dataclasses import replace

from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, StreamingHttpResponse
from django.urls import reverse
from wagtail.models import Locale

from knowledge.filters import KnowledgeFilterForm
from knowledge.models import JointActionPage, LessonLearnedPage, PolicyBriefPage
from knowledge.selectors import knowledge_page_list, partner_list
from portal.opendata import app_settings
from portal.opendata.api.fields import page_link
from portal.site_address import absolute_url, rebased_url
from portal.views import KIND_ORDER
from search.backends.base import MAX_PAGE, MAX_PER_PAGE
from search.params import has_filters, query_from_params
from search.selectors import search_for_user

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
KNOWLEDGE_MODELS = {"briefs": PolicyBriefPage, "lessons": LessonLearnedPage, "joint-actions": JointActionPage}
KNOWLEDGE_COLUMNS = (
    "id",
    "title",
    "url",
    "language",
    "publication_date",
    "summary",
    "themes",
    "countries",
    "organisations",
)
JOINT_ACTION_COLUMNS = ("status", "period_start", "period_end", "budget_amount", "budget_currency")
PARTNER_COLUMNS = ("slug", "name", "acronym", "kind", "country", "website", "url")
SEARCH_COLUMNS = ("type", "title", "url", "language", "date", "organisations")
CHUNK = 500


def plain_cell(value) -> str:
    """``value`` as CSV text no spreadsheet evaluates: a leading =, +, -, @, tab or
    carriage return is escaped with an apostrophe (the OWASP advice)."""
    if isinstance(value, list | tuple):
        value = "; ".join(str(item) for item in value)
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _knowledge_rows(request, model):
    form = KnowledgeFilterForm(request.GET, model=model)
    locale = Locale.get_active()
    pages = knowledge_page_list(model, locale=locale, user=request.user, **form.filters())
    columns = KNOWLEDGE_COLUMNS + (JOINT_ACTION_COLUMNS if model is JointActionPage else ())
    limit = app_settings.export_rows_max()

    def rows():
        for page in pages[:limit].iterator(chunk_size=CHUNK):
            row = {
                "id": page.pk,
                "title": page.title,
                "url": page_link(page),
                "language": page.locale.language_code,
                "publication_date": page.publication_date,
                "summary": page.summary,
                "themes": [theme.slug for theme in page.themes.all()],
                "countries": [country.code for country in page.countries.all()],
                "organisations": [organisation.slug for organisation in page.organisations.all()],
            }
            row.update({name: getattr(page, name) for name in columns if name not in row})
            yield row

    return columns, rows()


def _partner_rows(request):
    limit = app_settings.export_rows_max()

    def rows():
        for organisation in partner_list().order_by(KIND_ORDER, "name")[:limit]:
            yield {
                "slug": organisation.slug,
                "name": str(organisation.label),
                "acronym": organisation.acronym,
                "kind": organisation.kind,
                "country": organisation.country.code if organisation.country else "",
                "website": organisation.website,
                "url": absolute_url(reverse("organisation_detail", args=[organisation.slug])),
            }

    return PARTNER_COLUMNS, rows()


def _search_rows(request):
    """Every result of the search, page after page, as many as an export holds."""
    query = replace(
        query_from_params(request.GET, per_page=MAX_PER_PAGE), with_facets=False, with_suggestion=False
    )
    limit = app_settings.export_rows_max()

    def rows():
        sent = 0
        for number in range(1, MAX_PAGE + 1):
            results = search_for_user(user=request.user, query=replace(query, page=number))
            for hit in results.hits:
                if sent >= limit:
                    return
                sent += 1
                yield {
                    "type": hit.doc_type,
                    "title": hit.title,
                    "url": rebased_url(hit.url),
                    "language": hit.language,
                    "date": hit.date,
                    "organisations": list(hit.organisations),
                }
            if not results.has_next:
                return

    if not (query.text or has_filters(query)):
        return SEARCH_COLUMNS, iter(())
    return SEARCH_COLUMNS, rows()


def listing_rows(request, kind):
    """(columns, rows) of the listing ``kind`` as ``request`` shows it; 404 for no such listing."""
    if kind in KNOWLEDGE_MODELS:
        return _knowledge_rows(request, KNOWLEDGE_MODELS[kind])
    if kind == "partners":
        return _partner_rows(request)
    if kind == "search":
        return _search_rows(request)
    raise Http404


class _Echo:
    """A file whose ``write`` returns the text, for ``csv.writer`` to stream."""

    def write(self, value):
        return value


def _csv_stream(columns, rows):
    writer = csv.writer(_Echo())
    # A byte order mark, so that spreadsheets read Arabic and French as UTF-8.
    yield "\ufeff" + writer.writerow(columns)
    for row in rows:
        yield writer.writerow([plain_cell(row.get(name)) for name in columns])


def _json_stream(columns, rows):
    yield '{"columns": ' + json.dumps(list(columns)) + ', "items": ['
    for index, row in enumerate(rows):
        yield ("," if index else "") + json.dumps(row, cls=DjangoJSONEncoder, ensure_ascii=False)
    yield "]}"


FORMATS = {
    "csv": (_csv_stream, "text/csv; charset=utf-8"),
    "json": (_json_stream, "application/json"),
}


def export_response(request, kind, fmt) -> StreamingHttpResponse:
    if fmt not in FORMATS:
        raise Http404
    columns, rows = listing_rows(request, kind)
    stream, content_type = FORMATS[fmt]
    response = StreamingHttpResponse(stream(columns, rows), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{kind}.{fmt}"'
    # What it holds depends on who asked.
    response["Cache-Control"] = "private, no-cache"
    return response
