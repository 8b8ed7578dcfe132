"""Who hears about a page's organisation sign-off: the reviewers it waits for, and
the page's author and submitter as each organisation signs it off and when it is
published. Wagtail's workflow signals and the sign-off records call these (see
``portal.accounts.receivers``), so a sign-off given from the editor or from the
dashboard is announced alike."""

from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import WorkflowState

from portal.accounts.models import Membership
from portal.accounts.pages import is_organisation_page_model, revision_organisation_ids
from portal.accounts.workflows import OrganisationSignOffTask, SignOff
from portal.notifications.services import notification_create
from portal.notifications.verbs import Verb


def _edit_url(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def _writers(page, workflow_state) -> list:
    """The page's author (its owner) and whoever submitted it for sign-off."""
    requested_by = workflow_state.requested_by if workflow_state is not None else None
    return [user for user in (page.owner, requested_by) if user is not None]


def sign_off_awaited(*, task_state, submitter) -> None:
    """Tell the reviewers of every organisation named in the submitted revision
    that their sign-off is awaited."""
    if not isinstance(task_state.task.specific, OrganisationSignOffTask):
        return
    draft = task_state.revision.as_object()
    reviewers = get_user_model().objects.filter(
        memberships__organisation_id__in=revision_organisation_ids(task_state.revision),
        memberships__status=Membership.Status.APPROVED,
        memberships__role=Membership.Role.REVIEWER,
    )
    notification_create(
        recipients=reviewers.distinct(),
        verb=Verb.SIGN_OFF_AWAITED,
        summary=draft.title,
        excerpt=getattr(draft, "summary", ""),
        url=_edit_url(draft),
        actor=submitter,
        target=draft,
    )


def page_signed_off(*, sign_off: SignOff) -> None:
    """Tell the page's author and submitter that one organisation signed it off,
    with the reviewer's comment (or the page's summary)."""
    task_state = sign_off.task_state
    page = task_state.revision.as_object() if task_state is not None else sign_off.page.specific
    notification_create(
        recipients=_writers(page, task_state.workflow_state if task_state is not None else None),
        verb=Verb.PAGE_SIGNED_OFF,
        summary=f"{page.title} · {sign_off.organisation.short_label}",
        excerpt=sign_off.comment or getattr(page, "summary", ""),
        url=_edit_url(page),
        actor=sign_off.reviewer,
        target=page,
    )


def page_published(*, page, revision) -> None:
    """Tell the author and submitter of a partner's page that it is published.

    Who published is not passed along by Wagtail; after a sign-off it is the
    organisations, and otherwise whoever wrote the revision published it themselves
    and needs no news of it."""
    if not is_organisation_page_model(type(page)):
        return
    signed = (
        page.workflow_states.filter(
            status=WorkflowState.STATUS_APPROVED, current_task_state__revision=revision
        )
        .select_related("requested_by")
        .order_by("-created_at")
        .first()
    )
    recipients = _writers(page, signed)
    if signed is None:
        recipients = [user for user in recipients if user.pk != revision.user_id]
    notification_create(
        recipients=recipients,
        verb=Verb.PAGE_PUBLISHED,
        summary=page.title,
        excerpt=getattr(page, "summary", ""),
        url=page.url or "",
        target=page,
    )
