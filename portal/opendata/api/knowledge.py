"""Briefs, lessons learned and joint actions, on Wagtail's page API (v2).

Each endpoint lists exactly what the index page of the same kind lists for the
same reader, language and filters (``knowledge.selectors.knowledge_page_list``
with ``knowledge.filters.KnowledgeFilterForm``); a detail answers a page the
reader may open, whatever its language. Wagtail's own page filters (``child_of``,
``search``, field filters…) are left out: they would bypass the reading rule.
"""

from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework.response import Response
from wagtail.api import APIField
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet

from knowledge.filters import KnowledgeFilterForm
from knowledge.models import JointActionPage, LessonLearnedPage, PolicyBriefPage
from knowledge.selectors import knowledge_page_list
from portal import audience
from portal.opendata.api.base import PAGING_PARAMETERS, OpenDataAPIMixin
from portal.opendata.api.fields import (
    CountriesField,
    HtmlUrlField,
    OrganisationsField,
    ThemesField,
    TranslationsField,
)
from portal.opendata.api.schema import knowledge_endpoint
from portal.opendata.cache import remembered

MAX_DATABASE_ID = 2**63 - 1
FILTERS = ("theme", "country", "partner", "year", "language")


def listing_filters(params, model) -> dict:
    """``knowledge_page_list`` keyword arguments from the query, as the index page
    reads them; a value it would ignore is a 400 here."""
    form = KnowledgeFilterForm(params, model=model)
    if not form.is_valid():
        problems = "; ".join(f"{name}: {' '.join(errors)}" for name, errors in form.errors.items())
        raise BadRequestError(_("Invalid filter values: %s") % problems)
    return form.filters()


def attach_translations(pages, user) -> None:
    """Give each page the live versions in other languages ``user`` may open, in one query."""
    if not pages:
        return
    model = type(pages[0])
    keys = {page.translation_key for page in pages}
    versions = audience.filter_pages(model.objects.filter(translation_key__in=keys), user)
    by_key = {}
    for version in versions.select_related("locale").order_by("locale__language_code"):
        by_key.setdefault(version.translation_key, []).append(version)
    for page in pages:
        page.api_translations = [
            other for other in by_key.get(page.translation_key, []) if other.pk != page.pk
        ]


class KnowledgeAPIViewSet(OpenDataAPIMixin, PagesAPIViewSet):
    filter_backends = []
    known_query_parameters = PAGING_PARAMETERS | {"fields", "locale", "rich_text_format", *FILTERS}
    body_fields = PagesAPIViewSet.body_fields + [
        "summary",
        "publication_date",
        APIField("themes", serializer=ThemesField()),
        APIField("countries", serializer=CountriesField()),
        APIField("organisations", serializer=OrganisationsField()),
        APIField("translations", serializer=TranslationsField()),
    ]
    meta_fields = [field for field in PagesAPIViewSet.meta_fields if field != "html_url"] + [
        APIField("html_url", serializer=HtmlUrlField())
    ]
    listing_default_fields = PagesAPIViewSet.listing_default_fields + [
        "summary",
        "publication_date",
        "themes",
        "countries",
        "organisations",
        "translations",
    ]
    detail_only_fields = ["parent", "alias_of"]

    def get_queryset(self):
        user = self.request.user
        if self.action == "listing_view":
            filters = listing_filters(self.request.GET, self.model)
            return knowledge_page_list(self.model, locale=self.reading_locale(), user=user, **filters)
        pages = audience.filter_pages(self.model.objects.all(), user)
        return pages.select_related("locale").prefetch_related("themes", "countries", "organisations")

    def get_base_queryset(self):
        return audience.filter_pages(self.model.objects.all(), self.request.user)

    def paginate_queryset(self, queryset):
        pages = list(super().paginate_queryset(queryset))
        attach_translations(pages, self.request.user)
        return pages

    def get_object(self):
        if not hasattr(self, "_cached_object"):
            page = super().get_object()
            attach_translations([page], self.request.user)
            self._cached_object = page
        return self._cached_object

    def listing_view(self, request):
        self.check_query_parameters()
        return self._remembered(request, lambda: super(KnowledgeAPIViewSet, self).listing_view(request))

    def detail_view(self, request, pk):
        self.check_query_parameters()
        if int(pk) > MAX_DATABASE_ID:
            # A page's id is its parent link, which Django does not range-check.
            raise Http404
        return self._remembered(request, lambda: super(KnowledgeAPIViewSet, self).detail_view(request, pk))

    @classmethod
    def get_urlpatterns(cls):
        # Wagtail's find/ routes by path or id across the tree; the detail address does that here.
        return [pattern for pattern in super().get_urlpatterns() if pattern.name != "find"]

    def _remembered(self, request, answer):
        data = remembered(request, lambda: self.in_reading_language(lambda: answer().data))
        return Response(data)


@knowledge_endpoint("briefs")
class PolicyBriefAPIViewSet(KnowledgeAPIViewSet):
    model = PolicyBriefPage
    name = "briefs"


@knowledge_endpoint("lessons")
class LessonLearnedAPIViewSet(KnowledgeAPIViewSet):
    model = LessonLearnedPage
    name = "lessons"


@knowledge_endpoint("joint_actions")
class JointActionAPIViewSet(KnowledgeAPIViewSet):
    model = JointActionPage
    name = "joint-actions"
    body_fields = KnowledgeAPIViewSet.body_fields + [
        "status",
        "period_start",
        "period_end",
        "budget_amount",
        "budget_currency",
    ]
    listing_default_fields = KnowledgeAPIViewSet.listing_default_fields + [
        "status",
        "period_start",
        "period_end",
    ]
