from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from django.views.defaults import permission_denied
from wagtail import hooks
from wagtail.admin.action_menu import (
    CancelWorkflowMenuItem,
    RestartWorkflowMenuItem,
    SubmitForModerationMenuItem,
    WorkflowMenuItem,
)
from wagtail.log_actions import LogFormatter
from wagtail.models import Page
from wagtail.permissions import policy_registry
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.accounts.admin_views import ExplorablePageViewSet
from portal.accounts.models import Membership, OrganisationEmailDomain
from portal.accounts.pages import (
    creation_allowed,
    is_organisation_page_model,
    may_alter_page,
    may_end_workflow,
    may_save_page,
    unrestricted,
)
from portal.accounts.selectors import avatar_url
from portal.accounts.sign_off_editor import RestartingSignOffMenuItem, SubmitForSignOffMenuItem
from portal.accounts.workflows import has_sign_off

# The editor's buttons that cancel or restart a page's workflow.
ENDING_ACTIONS = ("action-cancel-workflow", "action-restart-workflow")


def _forbidden(request):
    # A response, not an exception: Wagtail turns exceptions from its views into a
    # redirect to the dashboard, and a crafted request deserves a plain 403.
    return permission_denied(request, PermissionDenied())


@hooks.register("before_create_page")
def organisation_editors_create_for_their_organisations(request, parent_page, page_class):
    submitted = request.POST.getlist("organisations") if request.method == "POST" else None
    if not creation_allowed(request.user, page_class, submitted):
        return _forbidden(request)
    return None


@hooks.register("before_publish_page")
def organisation_pages_are_published_by_sign_off(request, page):
    # Direct publishing would skip the other organisations' sign-off.
    if is_organisation_page_model(type(page.specific)) and not unrestricted(request.user):
        return _forbidden(request)
    return None


@hooks.register("before_edit_page")
def reviewers_save_only_while_signing_off(request, page):
    if request.method == "POST" and not may_save_page(request.user, page):
        return _forbidden(request)
    return None


def _may_end_workflow(user, page) -> bool:
    workflow_state = page.current_workflow_state
    return workflow_state is None or may_end_workflow(user, page, workflow_state)


@hooks.register("before_edit_page")
def reviewers_do_not_end_the_workflow(request, page):
    # Wagtail lets whoever may approve cancel the workflow too.
    ending = request.method == "POST" and any(request.POST.get(name) for name in ENDING_ACTIONS)
    if ending and not _may_end_workflow(request.user, page):
        return _forbidden(request)
    return None


@hooks.register("construct_page_action_menu")
def submit_for_sign_off(menu_items, request, context):
    page = context.get("page")
    workflow_page = page if page is not None and page.pk else context.get("parent_page")
    if workflow_page is None or not has_sign_off(workflow_page.get_workflow()):
        return
    menu_items[:] = [
        SubmitForSignOffMenuItem(order=item.order) if type(item) is SubmitForModerationMenuItem else item
        for item in menu_items
    ]


@hooks.register("construct_page_action_menu")
def sign_off_actions(menu_items, request, context):
    page = context.get("page")
    if page is None or context.get("view") != "edit":
        return
    if not _may_end_workflow(request.user, page):
        menu_items[:] = [
            item
            for item in menu_items
            if not isinstance(item, (CancelWorkflowMenuItem, RestartWorkflowMenuItem))
        ]
    approving = [item for item in menu_items if isinstance(item, WorkflowMenuItem) and item.name == "approve"]
    if not approving:
        return
    others = [item for item in menu_items if item not in approving]
    if context.get("sign_off_restart_pending"):
        # The reviewer has been told their changes restart the sign-off: the
        # footer's first button now says so, and the other sign-off buttons go.
        menu_items[:] = [RestartingSignOffMenuItem(), *others]
    else:
        # For a reviewer, signing off is the footer's first button.
        menu_items[:] = [*approving, *others]


@hooks.register("before_delete_page")
@hooks.register("before_move_page")
@hooks.register("before_copy_page")
def reviewers_do_not_alter_pages(request, page, *args, **kwargs):
    if not may_alter_page(request.user, page):
        return _forbidden(request)
    return None


@hooks.register("before_bulk_action")
def bulk_actions_stay_in_their_organisations(request, action_type, objects, action_class_instance):
    for obj in objects:
        if isinstance(obj, Page) and not may_alter_page(request.user, obj.specific_deferred):
            return _forbidden(request)
    return None


@hooks.register("get_avatar_url")
def profile_avatar(user, size):
    # People choose one avatar, on their portal profile; the admin shows that one.
    # None lets Wagtail fall back to its default picture.
    return avatar_url(user)


@hooks.register("construct_page_chooser_queryset")
def chooser_shows_explorable_pages(pages, request):
    # Wagtail's page chooser lists pages without asking the policy; this asks it.
    explorable = policy_registry.get_by_type(Page).explorable_instances(request.user)
    return pages.filter(pk__in=explorable.values("pk"))


@hooks.register("register_admin_viewset")
def register_page_viewset():
    # After Wagtail's own (registered with order -1), so this one serves every page type.
    return ExplorablePageViewSet()


@hooks.register("register_log_actions")
def register_sign_off_action(actions):
    @actions.register_action("accounts.sign_off")
    class SignOffFormatter(LogFormatter):
        label = _("Organisation sign-off")

        def format_message(self, log_entry):
            waiting = log_entry.data.get("waiting_for") or []
            if waiting:
                return _("Signed off for their organisation; waiting for %(count)s more.") % {
                    "count": len(waiting)
                }
            return _("Signed off for their organisation; every organisation has signed off.")

        def format_comment(self, log_entry):
            return log_entry.data.get("comment", "")

    @actions.register_action("accounts.sign_off_restart")
    class SignOffRestartFormatter(LogFormatter):
        label = _("Organisation sign-off restarted")

        def format_message(self, log_entry):
            return _("Sign-off restarted on a changed version; every organisation signs off again.")


class MembershipViewSet(SnippetViewSet):
    model = Membership
    icon = "user"
    menu_label = _("Memberships")
    list_display = ["user", "organisation", "role", "status", "decided_at"]
    list_filter = ["status", "role", "organisation"]
    search_fields = ["user__email", "organisation__name"]
    menu_order = 220
    add_to_admin_menu = False


class OrganisationEmailDomainViewSet(SnippetViewSet):
    model = OrganisationEmailDomain
    icon = "mail"
    menu_label = _("Email domains")
    list_display = ["domain", "organisation"]
    menu_order = 230


register_snippet(MembershipViewSet)
register_snippet(OrganisationEmailDomainViewSet)
