"""The page editor with organisation sign-off spelled out.

Wagtail's editor runs a workflow action by posting the whole edit form: a
reviewer who changed nothing signs the revision they read, and one who changed
something is asked first, because their changes become a new revision that every
organisation must sign off again (``OrganisationSignOffTask`` restarts it). The
side panel shows which organisations have signed and which are awaited.
"""

from django.utils.functional import cached_property
from django.utils.translation import gettext, gettext_lazy
from wagtail.admin import messages
from wagtail.admin.action_menu import PageActionMenu, SubmitForModerationMenuItem, WorkflowMenuItem
from wagtail.admin.ui.side_panels import BaseSidePanel
from wagtail.admin.views.pages.edit import EditView

from portal.accounts.workflows import OrganisationSignOffTask, same_content
from portal.models import Organisation

# The footer button that confirms a sign-off with changes posts this name.
RESTART_CONFIRMED = "sign-off-restart"


def sign_off_task_state(page):
    """The page's current task state when it is an organisation sign-off."""
    task_state = page.current_workflow_task_state
    if task_state is None or not isinstance(task_state.task.specific, OrganisationSignOffTask):
        return None
    return task_state.specific


def _organisation_names(ids) -> str:
    return ", ".join(organisation.label for organisation in Organisation.objects.filter(pk__in=ids))


class SubmitForSignOffMenuItem(SubmitForModerationMenuItem):
    """Wagtail's "Submit to <workflow name>", in words partners read in their language."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        workflow_state = context["page"].current_workflow_state if context.get("page") else None
        needs_changes = (
            workflow_state is not None and workflow_state.status == workflow_state.STATUS_NEEDS_CHANGES
        )
        context["label"] = (
            gettext("Resubmit for sign-off") if needs_changes else gettext("Submit for sign-off")
        )
        return context


class RestartingSignOffMenuItem(WorkflowMenuItem):
    """The footer's sign-off once a reviewer has been told their changes restart it."""

    template_name = "account/admin/sign_off_restart_button.html"

    def __init__(self, order=None):
        super().__init__(
            "approve",
            gettext_lazy("Save changes and restart sign-off"),
            False,
            order=order,
            icon_name="warning",
        )


class SignOffSidePanel(BaseSidePanel):
    class SidePanelToggle(BaseSidePanel.SidePanelToggle):
        aria_label = gettext_lazy("Toggle sign-off")
        icon_name = "group"

        def get_context_data(self, parent_context):
            context = super().get_context_data(parent_context)
            context["count"] = len(self.panel.awaited)
            return context

    name = "sign-off"
    title = gettext_lazy("Sign-off")
    template_name = "account/admin/sign_off_panel.html"
    order = 150

    def __init__(self, page, request, *, task_state):
        super().__init__(page, request)
        task = task_state.task.specific
        self.signed, awaited = task.progress(task_state)
        self.awaited = list(Organisation.objects.filter(pk__in=awaited).order_by("name"))
        self.may_sign = bool(task.organisations_left_for(task_state, request.user))

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context.update(signed=self.signed, awaited=self.awaited, may_sign=self.may_sign)
        return context


class SignOffEditView(EditView):
    restart_pending = False

    @cached_property
    def sign_off_task_state(self):
        return sign_off_task_state(self.page)

    def _differs_from_submission(self) -> bool:
        """Whether signing off now would sign something other than the revision under
        review: changes in the form, or a revision saved since (a reviewer's draft)."""
        return self.has_content_changes or not same_content(
            self.latest_revision, self.sign_off_task_state.revision
        )

    def perform_workflow_action(self):
        approving = self.sign_off_task_state is not None and self.workflow_action == "approve"
        if approving and not self.request.POST.get(RESTART_CONFIRMED) and self._differs_from_submission():
            # Nothing is saved yet: the form comes back as the reviewer left it.
            self.restart_pending = True
            self.has_unsaved_changes = True
            messages.warning(
                self.request,
                gettext(
                    "This page has changed since it was submitted for sign-off. Signing off now "
                    "saves this version and restarts sign-off: every organisation must sign off "
                    "this version again. Choose “Save changes and restart sign-off” to go ahead."
                ),
            )
            return self.render_to_response(self.get_context_data())
        return super().perform_workflow_action()

    def add_save_confirmation_message(self):
        if self.action_name != "perform_workflow_action" or self.sign_off_task_state is None:
            return super().add_save_confirmation_message()
        messages.success(self.request, self._sign_off_outcome())
        return None

    def _sign_off_outcome(self) -> str:
        title = self.page.get_admin_display_title()
        if self.workflow_action != "approve":
            return gettext("Changes to “%(title)s” have been requested.") % {"title": title}
        task_state = sign_off_task_state(self.page)
        if task_state is None:
            return gettext("“%(title)s” is signed off by every organisation and published.") % {
                "title": title
            }
        _signed, awaited = task_state.task.specific.progress(task_state)
        values = {"title": title, "organisations": _organisation_names(awaited)}
        if task_state.pk != self.sign_off_task_state.pk:
            return (
                gettext(
                    "Your changes to “%(title)s” are saved and sign-off has restarted: every "
                    "organisation signs off the new version. Awaiting sign-off from: %(organisations)s."
                )
                % values
            )
        return gettext("You signed off “%(title)s”. Awaiting sign-off from: %(organisations)s.") % values

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.sign_off_task_state is not None:
            # No autosave while a page waits for sign-off: a reviewer's edit becomes a
            # new version only when they choose to restart the sign-off with it.
            context["autosave_enabled"] = False
        return context

    def get_action_menu(self):
        return PageActionMenu(
            self.request,
            view="edit",
            page=self.page,
            lock=self.lock,
            locked_for_user=self.locked_for_user,
            sign_off_restart_pending=self.restart_pending,
        )

    def get_side_panels(self):
        side_panels = super().get_side_panels()
        task_state = self.sign_off_task_state
        if task_state is not None and not self.expects_json_response:
            side_panels.append(SignOffSidePanel(self.page, self.request, task_state=task_state))
        return side_panels
