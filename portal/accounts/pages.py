"""Which organisations a page belongs to, and who may work on it in the admin.

Knowledge pages carry a ``organisations`` many-to-many field. Reading it here,
by field name, keeps this app free of imports from the knowledge app.
"""

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from wagtail.models import Page

from portal.accounts.models import Membership
from portal.accounts.selectors import organisation_ids_with_role

# Roles that may draft and edit an organisation's pages.
EDITING_ROLES = (Membership.Role.EDITOR, Membership.Role.ADMIN)
# Roles that may open an organisation's drafts (to edit them or to review them).
DRAFT_READING_ROLES = (Membership.Role.EDITOR, Membership.Role.REVIEWER, Membership.Role.ADMIN)


def is_organisation_page_model(model) -> bool:
    """Whether pages of ``model`` belong to organisations."""
    if model is None or not issubclass(model, Page):
        return False
    try:
        field = model._meta.get_field("organisations")
    except FieldDoesNotExist:
        return False
    return field.many_to_many and field.related_model._meta.label == "portal.Organisation"


def organisation_page_models() -> list:
    return [model for model in apps.get_models() if is_organisation_page_model(model)]


def page_organisation_ids(page) -> frozenset[int]:
    """Organisations of ``page`` as saved, together with those of its latest draft,
    so the co-authors named in a draft may work on it before it is published."""
    page = page.specific_deferred if type(page) is Page else page
    if not is_organisation_page_model(type(page)):
        return frozenset()
    ids = {organisation.pk for organisation in page.organisations.all()} if page.pk else set()
    revision = page.latest_revision
    if revision is not None and revision.content.get("organisations"):
        ids.update(int(pk) for pk in revision.content["organisations"])
    return frozenset(ids)


def revision_organisation_ids(revision) -> frozenset[int]:
    """Organisations named in ``revision``: the ones that must sign it off."""
    return frozenset(int(pk) for pk in revision.content.get("organisations") or [])


def can_work_on_page(user, page, roles=EDITING_ROLES) -> bool:
    """Whether ``user`` may act on ``page`` for one of its organisations with one of
    ``roles``. Site administrators may act on every page."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return bool(page_organisation_ids(page) & organisation_ids_with_role(user, *roles))
