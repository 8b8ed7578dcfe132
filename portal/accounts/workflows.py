"""Joint sign-off: a page co-authored by several organisations is published only
when a reviewer of each of them has approved the same revision."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.models import Task, TaskState, Workflow, WorkflowPage, WorkflowState, WorkflowTask

from portal.accounts.models import Membership
from portal.accounts.pages import organisation_page_models, page_organisation_ids, revision_organisation_ids
from portal.accounts.selectors import organisation_ids_with_role

# What a revision records about the page's state rather than its content: two
# revisions that differ only in these say the same thing.
REVISION_BOOKKEEPING = frozenset(
    {
        "pk",
        "path",
        "depth",
        "numchild",
        "url_path",
        "owner",
        "draft_title",
        "live",
        "live_revision",
        "has_unpublished_changes",
        "first_published_at",
        "last_published_at",
        "latest_revision",
        "latest_revision_created_at",
        "locked",
        "locked_at",
        "locked_by",
        "expired",
        "wagtail_admin_comments",
    }
)


def same_content(revision, other) -> bool:
    """Whether two revisions of a page say the same thing."""

    def content(rev):
        return {key: value for key, value in rev.content.items() if key not in REVISION_BOOKKEEPING}

    return content(revision) == content(other)


class SignOff(models.Model):
    """A reviewer's approval of one revision of a page for one organisation."""

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="sign_offs", verbose_name=_("page")
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        on_delete=models.SET_NULL,
        null=True,
        related_name="sign_offs",
        verbose_name=_("revision"),
    )
    task_state = models.ForeignKey(
        "wagtailcore.TaskState",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("task"),
    )
    organisation = models.ForeignKey(
        "portal.Organisation",
        on_delete=models.CASCADE,
        related_name="sign_offs",
        verbose_name=_("organisation"),
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="sign_offs",
        verbose_name=_("reviewer"),
    )
    comment = models.TextField(_("comment"), blank=True)
    signed_at = models.DateTimeField(_("signed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("sign-off")
        verbose_name_plural = _("sign-offs")
        ordering = ["signed_at"]
        constraints = [
            models.UniqueConstraint(fields=["task_state", "organisation"], name="accounts_signoff_unique"),
        ]

    def __str__(self):
        return f"{self.organisation} / {self.page_id} / {self.revision_id}"


class OrganisationSignOffTask(Task):
    """A workflow step approvable only by reviewers of the page's organisations,
    complete when each organisation has signed off."""

    class Meta:
        verbose_name = _("organisation sign-off")
        verbose_name_plural = _("organisation sign-offs")

    @classmethod
    def get_description(cls):
        return _(
            "A reviewer of each organisation named on the page approves it; the page moves on "
            "when every organisation has signed off."
        )

    def _reviewer_organisations(self, user):
        return organisation_ids_with_role(user, Membership.Role.REVIEWER)

    def _task_state_for(self, obj):
        state = obj.current_workflow_task_state
        return state.specific if state is not None and state.task_id == self.pk else None

    def _required(self, task_state) -> frozenset[int]:
        return revision_organisation_ids(task_state.revision)

    def _signed(self, task_state) -> frozenset[int]:
        return frozenset(
            SignOff.objects.filter(task_state=task_state).values_list("organisation_id", flat=True)
        )

    def progress(self, task_state) -> tuple[list, frozenset[int]]:
        """The sign-offs given on ``task_state`` and the organisations still awaited."""
        signed = list(
            SignOff.objects.filter(task_state=task_state)
            .select_related("organisation", "reviewer", "reviewer__profile")
            .order_by("organisation__name")
        )
        return signed, self._required(task_state) - {sign_off.organisation_id for sign_off in signed}

    def organisations_left_for(self, task_state, user) -> frozenset[int]:
        """Organisations of the revision under review that ``user`` may still sign for."""
        required = self._required(task_state)
        return (required & self._reviewer_organisations(user)) - self._signed(task_state)

    def user_can_access_editor(self, obj, user):
        return bool(page_organisation_ids(obj) & self._reviewer_organisations(user))

    def locked_for_user(self, obj, user):
        return not (user.is_superuser or page_organisation_ids(obj) & self._reviewer_organisations(user))

    def get_actions(self, obj, user):
        task_state = self._task_state_for(obj)
        if task_state is None or not self.organisations_left_for(task_state, user):
            return []
        return [
            ("reject", _("Request changes"), True),
            ("approve", _("Sign off"), False),
            ("approve", _("Sign off with comment"), True),
        ]

    def _on_latest_revision(self, task_state, user):
        """The task state for the page's latest revision, the one a reviewer reads.

        A newer revision with the same content takes the sign-offs along; one with
        other content (a reviewer's edit saved with their sign-off, or an edit made
        since the submission) restarts the sign-off on it for every organisation, and
        the reviewers are told again (``task_submitted``).
        """
        latest = task_state.workflow_state.content_object.get_latest_revision()
        if latest is None or latest.pk == task_state.revision_id:
            return task_state
        if same_content(latest, task_state.revision):
            task_state.revision = latest
            task_state.save(update_fields=["revision"])
            SignOff.objects.filter(task_state=task_state).update(revision=latest)
            return task_state
        page = task_state.workflow_state.content_object.specific
        log(
            instance=page,
            action="accounts.sign_off_restart",
            user=user,
            revision=latest,
            data={"previous_revision": task_state.revision_id},
        )
        task_state.cancel(user=user, resume=True)
        workflow_state = WorkflowState.objects.get(pk=task_state.workflow_state_id)
        return workflow_state.current_task_state.specific

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        task_state = TaskState.objects.select_for_update().get(pk=task_state.pk).specific
        if task_state.status != TaskState.STATUS_IN_PROGRESS:
            raise PermissionDenied
        if action_name == "approve" and self.organisations_left_for(task_state, user):
            task_state = self._on_latest_revision(task_state, user)
        organisations = self.organisations_left_for(task_state, user)
        if not organisations:
            raise PermissionDenied
        comment = kwargs.get("comment", "")
        if action_name == "reject":
            task_state.reject(user=user, comment=comment)
            return
        if action_name != "approve":
            raise PermissionDenied
        page = task_state.workflow_state.content_object
        for organisation_id in sorted(organisations):
            SignOff.objects.create(
                page=page,
                revision=task_state.revision,
                task_state=task_state,
                organisation_id=organisation_id,
                reviewer=user,
                comment=comment,
            )
        left = self._required(task_state) - self._signed(task_state)
        log(
            instance=page,
            action="accounts.sign_off",
            user=user,
            revision=task_state.revision,
            data={"organisations": sorted(organisations), "waiting_for": sorted(left), "comment": comment},
        )
        if not left:
            task_state.approve(user=user, comment=comment)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        organisations = self._reviewer_organisations(user)
        if not organisations:
            return TaskState.objects.none()
        page_ids = set()
        for model in organisation_page_models():
            page_ids.update(
                model.objects.filter(organisations__in=organisations).values_list("pk", flat=True)
            )
        return self.task_states.filter(
            status=TaskState.STATUS_IN_PROGRESS,
            workflow_state__object_id__in=[str(pk) for pk in page_ids],
        )


SIGN_OFF_WORKFLOW = "Organisation sign-off"


def has_sign_off(workflow) -> bool:
    """Whether ``workflow`` has an organisation sign-off step."""
    return (
        workflow is not None
        and OrganisationSignOffTask.objects.filter(workflow_tasks__workflow=workflow).exists()
    )


@transaction.atomic
def sign_off_workflow_ensure() -> Workflow:
    """The workflow with one organisation sign-off step, created on first use."""
    workflow, _created = Workflow.objects.get_or_create(name=SIGN_OFF_WORKFLOW, defaults={"active": True})
    if not workflow.workflow_tasks.exists():
        task = OrganisationSignOffTask.objects.filter(name=SIGN_OFF_WORKFLOW).first()
        if task is None:
            task = OrganisationSignOffTask.objects.create(name=SIGN_OFF_WORKFLOW)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow


@transaction.atomic
def sign_off_workflow_assign(*, pages) -> Workflow:
    """Make ``pages`` (and the pages below them) go through organisation sign-off."""
    workflow = sign_off_workflow_ensure()
    for page in pages:
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
    return workflow
