"""Which organisations a page belongs to, and who may work on it in the admin.

Knowledge pages carry a ``organisations`` many-to-many field. Reading it here,
by field name, keeps this app free of imports from the knowledge app.

This module is the one rule; the Wagtail permission policies in
``portal.accounts.admin_policies`` and the admin hooks ask it.
"""

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Q
from wagtail.models import Page

from portal.accounts.models import Membership
from portal.accounts.selectors import organisation_ids_with_role

# Roles that may draft and edit an organisation's pages.
EDITING_ROLES = (Membership.Role.EDITOR, Membership.Role.ADMIN)
# Roles that may open an organisation's drafts (to edit them or to review them).
DRAFT_READING_ROLES = (Membership.Role.EDITOR, Membership.Role.REVIEWER, Membership.Role.ADMIN)
# What reviewers may do with their organisations' pages: open them in the editor
# to read the draft. Saving is left to editors, and to reviewers only while a
# sign-off waits for them (``may_save_page``).
REVIEWING_ACTIONS = frozenset({"change"})
# What organisation staff may do with the portal's own pages (home, themes, index
# pages): add their organisation's pages below the ones that take them.
PORTAL_PAGE_ACTIONS = frozenset({"add"})


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


def unrestricted(user) -> bool:
    """Site administrators (superusers and staff) work on every page."""
    return user.is_active and (user.is_superuser or user.is_staff)


def can_work_on_page(user, page, roles=EDITING_ROLES) -> bool:
    """Whether ``user`` may act on ``page`` for one of its organisations with one of
    ``roles``. Site administrators may act on every page."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return bool(page_organisation_ids(page) & organisation_ids_with_role(user, *roles))


def _takes_organisation_pages(page_class) -> bool:
    return page_class is not None and any(
        model in page_class.creatable_subpage_models() for model in organisation_page_models()
    )


def page_actions(user, page) -> frozenset[str] | None:
    """The admin actions (``add``, ``change``, ...) that ``user`` may take on ``page``
    out of those their groups grant; ``None`` when their groups alone decide."""
    if unrestricted(user):
        return None
    page_class = page.specific_class
    if not is_organisation_page_model(page_class):
        return PORTAL_PAGE_ACTIONS if _takes_organisation_pages(page_class) else frozenset()
    organisations = page_organisation_ids(page)
    if organisations & organisation_ids_with_role(user, *EDITING_ROLES):
        return None
    if organisations & organisation_ids_with_role(user, Membership.Role.REVIEWER):
        return REVIEWING_ACTIONS
    return frozenset()


def _organisation_pages(organisation_ids) -> Q:
    query = Q(pk__in=[])
    for model in organisation_page_models():
        query |= Q(pk__in=model.objects.filter(organisations__in=organisation_ids).values("pk"))
    return query


def _portal_pages() -> Q:
    types = ContentType.objects.get_for_models(*organisation_page_models()).values()
    return ~Q(content_type__in=list(types))


def pages_within_bounds(user, actions) -> Q | None:
    """The pages on which ``user`` may take one of ``actions``, as ``page_actions``
    answers page by page; ``None`` when there is no bound."""
    if unrestricted(user):
        return None
    query = _organisation_pages(organisation_ids_with_role(user, *EDITING_ROLES))
    if REVIEWING_ACTIONS & set(actions):
        query |= _organisation_pages(organisation_ids_with_role(user, Membership.Role.REVIEWER))
    if PORTAL_PAGE_ACTIONS & set(actions):
        parents = [
            model
            for model in apps.get_models()
            if issubclass(model, Page) and _takes_organisation_pages(model)
        ]
        query |= Q(content_type__in=list(ContentType.objects.get_for_models(*parents).values()))
    return query


def explorable_pages(user) -> Q | None:
    """The pages ``user`` may see in the admin: the portal's own pages, and the pages
    of the organisations whose drafts they may read."""
    if unrestricted(user):
        return None
    return _portal_pages() | _organisation_pages(organisation_ids_with_role(user, *DRAFT_READING_ROLES))


def may_alter_page(user, page) -> bool:
    """Whether ``user`` may delete, move or copy ``page``: beyond what ``page_actions``
    grants, reviewers' reading access to a page does not stretch to these."""
    if unrestricted(user) or not is_organisation_page_model(page.specific_class):
        return True
    return can_work_on_page(user, page, EDITING_ROLES)


def may_save_page(user, page) -> bool:
    """Whether ``user`` may save ``page`` from the editor: its organisations' editors,
    and reviewers while a sign-off waits for them (Wagtail's rule for tasks)."""
    if may_alter_page(user, page):
        return True
    task = page.current_workflow_task
    return task is not None and task.specific.user_can_access_editor(page, user)


def may_end_workflow(user, page, workflow_state) -> bool:
    """Whether ``user`` may cancel or restart the workflow ``page`` is in: its
    organisations' editors, its author and its submitter. Wagtail also lets every
    approver cancel; reviewers of organisation pages sign off or ask for changes."""
    if may_alter_page(user, page):
        return True
    return user.pk is not None and user.pk in (workflow_state.requested_by_id, page.owner_id)


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


def colleagues(user):
    """People who share an organisation role with ``user`` that lets them upload
    images and documents: whose uploads ``user`` may see and choose."""
    return get_user_model().objects.filter(
        memberships__organisation__in=organisation_ids_with_role(user, *DRAFT_READING_ROLES),
        memberships__status=Membership.Status.APPROVED,
    )


def may_explore_page(user, page) -> bool:
    """Whether ``user`` may open ``page`` in the admin at all: the portal's own pages,
    and the organisation pages ``page_actions`` grants them something on."""
    if not is_organisation_page_model(page.specific_class):
        return True
    return page_actions(user, page) != frozenset()


def may_see_every_page(user) -> bool:
    """Reports about all pages of the site are for site administrators."""
    return unrestricted(user)
