"""Helpers for driving the Wagtail admin as organisation editors and reviewers."""

from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield


def with_second_factor(user):
    """Give ``user`` a TOTP authenticator, as after enrolment."""
    TOTP.activate(user, generate_totp_secret())
    return user


def _posted_body(page):
    """The body the editor shows for ``page`` as its form posts it back: each block
    of its latest version with its id, so an untouched body is unchanged. A brief
    without one gets a heading, as it is published with a body (knowledge.forms
    refuses an empty one)."""
    shown = type(page).objects.get(pk=page.pk).get_latest_revision_as_object() if page.pk else page
    states = shown.body.stream_block.get_form_state(shown.body) if shown.body else []
    if not states:
        return streamfield([("heading", "Findings")])
    blocks = {str(index): {**state, "deleted": "", "order": str(index)} for index, state in enumerate(states)}
    return {**blocks, "count": str(len(states))}


def brief_form_data(page, *, action=None, **changes):
    """What the admin's policy brief form posts for ``page`` (a PolicyBriefPage)."""
    values = {
        "title": page.title,
        "slug": page.slug,
        "summary": page.summary,
        "publication_date": page.publication_date.isoformat(),
        "body": _posted_body(page),
        "key_recommendations": streamfield([]),
        "documents": inline_formset([]),
        "comments": inline_formset([]),
    }
    values.update(changes)
    data = nested_form_data(values)
    organisations = changes.get("organisations", [o.pk for o in page.organisations.all()] if page.pk else [])
    data["organisations"] = [str(pk) for pk in organisations]
    if action:
        data[f"action-{action}"] = action
    return data


def edit_url(page):
    return f"/admin/pages/{page.pk}/edit/"


def current_task_state(page):
    return Page.objects.get(pk=page.pk).specific.current_workflow_task_state


def refused(response) -> bool:
    """Whether the admin refused: 403 from the organisation guard, or Wagtail's own
    answer to a permission error (back to the dashboard with a message)."""
    return response.status_code == 403 or (response.status_code == 302 and response["Location"] == "/admin/")
