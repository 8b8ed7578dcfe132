"""Admin views about pages that ask the page policy about the page they name.

Wagtail's page views check what a person may do with a page, and its listings
ask the policy which pages to show; but the explorer, the page chooser, the link
chooser and the page types report also print the title of the page a request
names (its latest draft's title) without asking. These serve them through the policy.
"""

from functools import wraps

from django.core.exceptions import BadRequest, PermissionDenied
from django.urls import reverse
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
from wagtail.admin.forms import choosers
from wagtail.admin.views import chooser
from wagtail.admin.views.pages import ordering
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Page
from wagtail.permissions import policy_registry

from portal.accounts.pages import may_explore_page, may_see_every_page
from portal.accounts.sign_off_editor import SignOffEditView

# The parameters by which Wagtail's page addresses (wagtail/admin/urls) name a page.
PAGE_PARAMETERS = ("page_id", "parent_page_id", "page_to_move_id", "pk")


def _refuse_unexplorable(request, page_id):
    page = Page.objects.filter(pk=page_id).first()
    if page is not None and not may_explore_page(request.user, page):
        # Wagtail answers this as it answers every refusal in the admin.
        raise PermissionDenied


def named_pages_explorable(view):
    """Refuse a request that names a page its requester may not open."""

    @wraps(view)
    def guarded(request, *args, **kwargs):
        for name in PAGE_PARAMETERS:
            if name in kwargs:
                _refuse_unexplorable(request, kwargs[name])
        return view(request, *args, **kwargs)

    return guarded


class SetPagePositionView(ordering.SetPagePositionView):
    def post(self, request, page_to_move_id, *args, **kwargs):
        # Wagtail's view reorders the page among its parent's children and fails with a
        # server error on the root page, which has no parent.
        if not Page.objects.filter(pk=page_to_move_id, depth__gt=1).exists():
            raise BadRequest
        return super().post(request, page_to_move_id, *args, **kwargs)


class ExplorablePageViewSet(PageViewSet):
    """Every page view (explore, edit, preview, revisions, history, workflow steps,
    move, copy, delete...) for every page type, each behind ``named_pages_explorable``."""

    set_page_position_view_class = SetPagePositionView
    edit_view_class = SignOffEditView

    def construct_view(self, view_class, **kwargs):
        return named_pages_explorable(super().construct_view(view_class, **kwargs))


class BrowseView(chooser.BrowseView):
    def get(self, request, parent_page_id=None):
        if parent_page_id is not None:
            _refuse_unexplorable(request, parent_page_id)
        return super().get(request, parent_page_id)


class ChosenMultipleView(chooser.ChosenMultipleView):
    def get(self, request):
        ids = [int(value) for value in request.GET.getlist("id") if value.isdigit()]
        explorable = policy_registry.get_by_type(Page).explorable_instances(request.user)
        pages = explorable.filter(pk__in=ids).specific()
        return self.render_chosen_response(
            [
                {
                    "id": page.pk,
                    "parentId": page.get_parent().pk,
                    "adminTitle": page.get_admin_display_title(),
                    "editUrl": reverse("wagtailadmin_pages:edit", args=(page.pk,)),
                    "url": page.url,
                }
                for page in pages
            ]
        )


class _URLOrAbsolutePathField(choosers.URLOrAbsolutePathField):
    def to_python(self, value):
        # A form sent without the field is an empty one, not a server error.
        return super().to_python(value or "")


class ExternalLinkChooserForm(choosers.ExternalLinkChooserForm):
    url = _URLOrAbsolutePathField(
        required=True, label=choosers.ExternalLinkChooserForm.base_fields["url"].label
    )


class ExternalLinkView(chooser.ExternalLinkView):
    """Wagtail turns a pasted address of one of the site's pages into a link to the
    page, with its draft title; a page its requester may not open stays an address."""

    form_class = ExternalLinkChooserForm

    def render_chosen_response(self, result):
        page = Page.objects.filter(pk=result["id"]).first() if "id" in result else None
        if page is not None and not may_explore_page(self.request.user, page):
            result = self.get_result_data()
        return super().render_chosen_response(result)


class PageTypesUsageView(PageTypesUsageReportView):
    def dispatch(self, request, *args, **kwargs):
        if not may_see_every_page(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def _admin_view(view):
    # What Wagtail wraps its own admin views in.
    return never_cache(require_admin_access(view))


browse = _admin_view(BrowseView.as_view())
chosen_multiple = _admin_view(ChosenMultipleView.as_view())
external_link = _admin_view(ExternalLinkView.as_view())
page_types_usage = _admin_view(PageTypesUsageView.as_view())
page_types_usage_results = _admin_view(PageTypesUsageView.as_view(results_only=True))
