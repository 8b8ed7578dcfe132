"""The API's addresses, without a language prefix: ``/api/v2/…``."""

from django.urls import path, re_path
from drf_spectacular.views import SpectacularJSONAPIView
from wagtail.api.v2.router import WagtailAPIRouter

from portal.opendata.api import knowledge, resources
from portal.opendata.api.base import OpenDataAPIMixin, not_found

router = WagtailAPIRouter("opendata_api")
for viewset in (
    knowledge.PolicyBriefAPIViewSet,
    knowledge.LessonLearnedAPIViewSet,
    knowledge.JointActionAPIViewSet,
):
    router.register_endpoint(viewset.name, viewset)

urlpatterns = [
    path("themes/", resources.ThemeListView.as_view(), name="api_themes"),
    path("partners/", resources.PartnerListView.as_view(), name="api_partners"),
    path("topics/", resources.TopicListView.as_view(), name="api_topics"),
    path("search/", resources.SearchView.as_view(), name="api_search"),
    path(
        "schema/",
        SpectacularJSONAPIView.as_view(
            authentication_classes=OpenDataAPIMixin.authentication_classes,
            throttle_classes=OpenDataAPIMixin.throttle_classes,
        ),
        name="api_schema",
    ),
    *router.get_urlpatterns(),
    # Anything else under the API is a JSON 404, not the site's HTML page.
    re_path(r"^.*$", not_found),
]
