"""The API's other resources, on Django REST framework: thematic areas, partner
organisations, forum topics and search. Each reads through the selectors the HTML
pages use, so it holds what the reader's pages hold and counts what they count."""

from django.urls import reverse
from django.utils.translation import gettext as _
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView
from wagtail.api.v2.utils import BadRequestError

from forums import permissions as forum_permissions
from forums import selectors as forum_selectors
from forums.models import Topic
from knowledge.selectors import partner_list
from portal.models import ThematicArea
from portal.opendata.api.base import PAGING_PARAMETERS, OpenDataAPIMixin, page_answer, paging
from portal.opendata.api.schema import FORUM, LOCALE, listing, search_schema
from portal.opendata.cache import remembered
from portal.opendata.iati import sector_of
from portal.site_address import absolute_url, rebased_url
from search.backends.base import MAX_PAGE, MAX_PER_PAGE
from search.params import PARAMETERS as SEARCH_PARAMETERS
from search.params import query_from_params
from search.selectors import search_for_user


class ThemeSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField(source="label")
    names = serializers.SerializerMethodField()
    sector_code = serializers.SerializerMethodField(
        help_text="OECD DAC 5-digit sector code used in IATI files."
    )

    def get_names(self, theme) -> dict:
        return {"en": theme.name, "ar": theme.name_ar or theme.name, "fr": theme.name_fr or theme.name}

    def get_sector_code(self, theme) -> str:
        return sector_of(theme)


class PartnerSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField(source="label")
    acronym = serializers.CharField()
    kind = serializers.CharField()
    country = serializers.SerializerMethodField()
    website = serializers.CharField(default="")
    html_url = serializers.SerializerMethodField()

    def get_country(self, organisation) -> str | None:
        return organisation.country.code if organisation.country else None

    def get_html_url(self, organisation) -> str:
        return absolute_url(reverse("organisation_detail", args=[organisation.slug]))


class TopicSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    forum = serializers.SlugField(source="forum.slug")
    theme = serializers.SerializerMethodField()
    created_at = serializers.DateTimeField()
    last_activity_at = serializers.DateTimeField()
    post_count = serializers.IntegerField()
    html_url = serializers.SerializerMethodField()

    def get_theme(self, topic) -> str | None:
        return topic.forum.theme.slug if topic.forum.theme_id else None

    def get_html_url(self, topic) -> str:
        return absolute_url(topic.get_absolute_url())


class SearchHitSerializer(serializers.Serializer):
    key = serializers.CharField()
    type = serializers.CharField(source="doc_type")
    title = serializers.CharField()
    url = serializers.SerializerMethodField()
    language = serializers.CharField()
    date = serializers.DateTimeField(allow_null=True)
    organisations = serializers.ListField(child=serializers.CharField())

    def get_url(self, hit) -> str:
        return rebased_url(hit.url)


class ListingView(OpenDataAPIMixin, APIView):
    """A paginated list in the shape of Wagtail's endpoints, kept per audience."""

    serializer_class = None

    def items(self):
        raise NotImplementedError

    def get(self, request):
        self.check_query_parameters()
        offset, limit = paging(request)

        def build():
            items = self.items()
            rows = self.serializer_class(items[offset : offset + limit], many=True).data
            return page_answer(rows, items.count())

        return Response(remembered(request, lambda: self.in_reading_language(build)))


@listing("themes", ThemeSerializer(), [LOCALE])
class ThemeListView(ListingView):
    known_query_parameters = PAGING_PARAMETERS | {"locale"}
    serializer_class = ThemeSerializer

    def items(self):
        return ThematicArea.objects.all()


@listing("partners", PartnerSerializer(), [LOCALE])
class PartnerListView(ListingView):
    known_query_parameters = PAGING_PARAMETERS | {"locale"}
    serializer_class = PartnerSerializer

    def items(self):
        return partner_list().order_by("name")


@listing("topics", TopicSerializer(), [LOCALE, FORUM])
class TopicListView(ListingView):
    """Topics of the forums the reader may read, latest activity first; ``forum``
    narrows them to one forum, as its page lists them."""

    known_query_parameters = PAGING_PARAMETERS | {"forum", "locale"}
    serializer_class = TopicSerializer

    def items(self):
        user = self.request.user
        slug = self.request.GET.get("forum")
        if slug:
            forum = forum_selectors.forum_list(user=user).filter(slug=slug).first()
            if forum is None:
                raise BadRequestError(_("No forum has this slug: %s") % slug[:80])
            return forum_selectors.topic_list(forum=forum, user=user).select_related("forum__theme")
        forums = forum_selectors.forum_list(user=user)
        topics = Topic.objects.filter(forum__in=forums).select_related("forum__theme")
        return forum_permissions.topic_filter(topics, user).order_by(*forum_selectors.TOPIC_SORTS["latest"])


@search_schema(SearchHitSerializer())
class SearchView(OpenDataAPIMixin, APIView):
    """The search page's results for the same parameters, ``page`` by ``page``
    (``limit`` results each, at most the search's own maximum)."""

    known_query_parameters = frozenset({*SEARCH_PARAMETERS, "page", "limit", "format"})

    def get(self, request):
        self.check_query_parameters()
        try:
            limit = int(request.GET.get("limit", 20))
            page = int(request.GET.get("page", 1))
        except ValueError as error:
            raise BadRequestError(_("page and limit must be whole numbers.")) from error
        if not 1 <= limit <= MAX_PER_PAGE:
            raise BadRequestError(_("limit must be between 1 and %d.") % MAX_PER_PAGE)
        if not 1 <= page <= MAX_PAGE:
            raise BadRequestError(_("page must be between 1 and %d.") % MAX_PAGE)
        query = query_from_params(request.GET, per_page=limit)
        results = search_for_user(user=request.user, query=query)
        answer = page_answer(SearchHitSerializer(results.hits, many=True).data, results.total)
        answer["meta"].update(page=query.page, page_count=results.page_count, fallback=results.fallback)
        return Response(answer)
