"""Keeps organisation editors and reviewers to their own organisations' pages in
the Wagtail admin, whatever address they send a request to.

Every admin address about one page (``/admin/pages/<id>/...``: edit, preview,
revisions, history, workflow, delete, move, copy, unpublish, lock) passes
``page_request_allowed``; creation is checked by ``creation_allowed`` on the
submitted organisations; listings and choosers hide other organisations' pages.
"""

import re

from wagtail.models import Page

from portal.accounts.pages import (
    DRAFT_READING_ROLES,
    EDITING_ROLES,
    can_work_on_page,
    is_organisation_page_model,
    organisation_page_models,
)
from portal.accounts.selectors import organisation_ids_with_role

PAGE_ADDRESS = re.compile(
    r"^/admin/pages/(?:(?P<workflow>workflow)/[a-z_]+/)?(?P<page_id>\d+)/(?:(?P<action>[a-z_]+)/)?"
)
# Addresses that change a page or where it lives; the others only read it.
CHANGING_ACTIONS = frozenset(
    {
        "edit",
        "delete",
        "move",
        "set_position",
        "copy",
        "unpublish",
        "convert_alias",
        "lock",
        "unlock",
        "privacy",
    }
)


BULK_PAGE_ADDRESS = re.compile(r"^/admin/bulk/wagtailcore/page/(?P<action>[a-z_]+)/")


def bulk_request_allowed(user, action: str, ids: list[str]) -> bool:
    """Bulk actions name their pages in the query string; every one must be allowed.
    Selecting "all" is left to people who may act on every page."""
    if unrestricted(user):
        return True
    if "all" in ids:
        return False
    try:
        page_ids = [int(value) for value in ids]
    except ValueError:
        return False
    checked = action if action in CHANGING_ACTIONS else "edit"
    return all(page_request_allowed(user, page_id, checked, "POST") for page_id in page_ids)


def page_address_action(match) -> str:
    """The action an admin address acts with: ``explore`` for a page's listing,
    ``workflow`` for the review steps (which the task itself also checks)."""
    if match["workflow"]:
        return "workflow"
    return match["action"] or "explore"


def unrestricted(user) -> bool:
    """Site administrators and staff work on every page."""
    return user.is_superuser or user.is_staff


def page_request_allowed(user, page_id: int, action: str, method: str) -> bool:
    if unrestricted(user):
        return True
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return True  # Wagtail answers 404 itself
    if not is_organisation_page_model(page.specific_class):
        # Portal pages (home, themes, index pages) are the site editors' concern;
        # organisation editors may browse them, not change them.
        return action not in CHANGING_ACTIONS
    page = page.specific
    if action == "edit" and method == "POST":
        # Reviewers may save in the editor while a sign-off waits for them (Wagtail's rule).
        return can_work_on_page(user, page, EDITING_ROLES) or _reviewer_in_workflow(user, page)
    roles = EDITING_ROLES if action in CHANGING_ACTIONS - {"edit"} else DRAFT_READING_ROLES
    return can_work_on_page(user, page, roles)


def _reviewer_in_workflow(user, page) -> bool:
    task = page.current_workflow_task
    return task is not None and task.specific.user_can_access_editor(page, user)


def creation_allowed(user, page_class, submitted_organisation_ids) -> bool:
    """Organisation editors create only organisation pages, and only ones naming at
    least one organisation they edit for."""
    if unrestricted(user):
        return True
    if not is_organisation_page_model(page_class):
        return False
    if submitted_organisation_ids is None:
        return True  # the empty form; the check happens on submission
    try:
        ids = {int(value) for value in submitted_organisation_ids}
    except ValueError:
        return False
    return bool(ids & organisation_ids_with_role(user, *EDITING_ROLES))


def visible_pages(pages, user):
    """``pages`` without the organisation pages ``user`` may not open."""
    if unrestricted(user):
        return pages
    mine = organisation_ids_with_role(user, *DRAFT_READING_ROLES)
    for model in organisation_page_models():
        pages = pages.exclude(pk__in=model.objects.exclude(organisations__in=mine).values("pk"))
    return pages
