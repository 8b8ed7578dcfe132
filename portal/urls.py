from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from django.views.i18n import JavaScriptCatalog
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from knowledge.sitemaps import PortalSitemap
from portal import views
from portal.accounts import mfa_views
from portal.opendata.api.urls import urlpatterns as api_urlpatterns
from portal.opendata.views import IatiActivitiesView

handler400 = "portal.views.bad_request"
handler403 = "portal.views.permission_denied"
handler404 = "portal.views.page_not_found"
handler500 = "portal.views.server_error"

# Addresses without a language: the admins, documents, machine endpoints.
urlpatterns = [
    # Wagtail's choosers read the chosen id as text and fail with a server error on one
    # that is not a number; every model chosen here has a numeric id.
    re_path(
        r"^admin/(?:images/chooser|documents/chooser|snippets/choose/\w+/\w+)/chosen/(?!\d+/$)[^/]+/$",
        views.no_such_object,
    ),
    path("django-admin/", admin.site.urls),
    # First: the admin views that bound what they show by the page policy.
    path("admin/", include("portal.accounts.admin_urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": PortalSitemap}}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("api/v2/", include((api_urlpatterns, "opendata_api"))),
    path("iati/activities.xml", IatiActivitiesView.as_view(), name="iati_activities"),
    path("i18n/", include("django.conf.urls.i18n")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Pages people read carry their language in the address (/en/, /ar/, /fr/), so
# every page is shareable and crawlable in each language.
urlpatterns += i18n_patterns(
    # Before allauth's own: enrolment that returns to the page asked for.
    path("accounts/2fa/totp/activate/", mfa_views.activate_totp),
    path("accounts/", include("allauth.urls")),
    path("account/", include("portal.accounts.urls")),
    path("moderation/", include("portal.moderation.urls")),
    path("notifications/", include("portal.notifications.urls")),
    path("comments/", include("portal.comments.urls")),
    path("knowledge/", include("knowledge.urls")),
    path("forums/", include("forums.urls")),
    path("search/", include("search.urls")),
    path("opendata/", include("portal.opendata.urls")),
    path("topics/", include("portal.thesaurus.urls")),
    path("", include("portal.site_urls")),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    # Wagtail's own sign-in form would skip allauth's rate limits and second factor:
    # there is one way in.
    path("_util/login/", RedirectView.as_view(pattern_name="account_login", query_string=True)),
    path("", include(wagtail_urls)),
)
