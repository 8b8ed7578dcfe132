"""Admin addresses served by ``portal.accounts.admin_views`` in place of Wagtail's
own views, which do not ask the page policy about the page they name. Included
before Wagtail's admin addresses, under the same names, so links and ``reverse``
lead here."""

from django.urls import path

from portal.accounts import admin_views

urlpatterns = [
    path("choose-page/<int:parent_page_id>/", admin_views.browse, name="wagtailadmin_choose_page_child"),
    path(
        "choose-page/chosen-multiple/",
        admin_views.chosen_multiple,
        name="wagtailadmin_choose_page_chosen_multiple",
    ),
    path("choose-external-link/", admin_views.external_link, name="wagtailadmin_choose_page_external_link"),
    path("reports/page-types-usage/", admin_views.page_types_usage),
    path("reports/page-types-usage/results/", admin_views.page_types_usage_results),
]
