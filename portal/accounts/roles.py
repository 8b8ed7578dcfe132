"""Wagtail admin access that follows organisation roles.

Editors and administrators of an organisation join the "Organisation editors"
group (admin access, add and change pages, upload images and documents);
reviewers join "Organisation reviewers" (admin access and change, so they can
read their organisation's drafts; saving is left to editors, and to reviewers
only while a sign-off waits for them). Which pages each may touch is narrowed to
their organisations by the permission policies in
``portal.accounts.admin_policies``.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from portal.accounts.models import Membership
from portal.accounts.selectors import forget_cached_roles, organisation_ids_with_role

EDITORS_GROUP = "Organisation editors"
REVIEWERS_GROUP = "Organisation reviewers"

GROUP_PAGE_PERMISSIONS = {
    EDITORS_GROUP: ("add_page", "change_page"),
    REVIEWERS_GROUP: ("change_page",),
}
GROUP_COLLECTION_PERMISSIONS = {
    EDITORS_GROUP: (
        ("wagtailimages", "add_image"),
        ("wagtailimages", "choose_image"),
        ("wagtaildocs", "add_document"),
        ("wagtaildocs", "choose_document"),
    ),
    REVIEWERS_GROUP: (),
}


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def role_group(name: str) -> Group:
    """The group ``name`` with its permissions, set up on first use."""
    group, created = Group.objects.get_or_create(name=name)
    if not created:
        return group
    group.permissions.add(_permission("wagtailadmin", "access_admin"))
    root = Page.get_first_root_node()
    if root is not None:
        for codename in GROUP_PAGE_PERMISSIONS[name]:
            GroupPagePermission.objects.create(
                group=group, page=root, permission=_permission("wagtailcore", codename)
            )
    collection = Collection.get_first_root_node()
    if collection is not None:
        for app_label, codename in GROUP_COLLECTION_PERMISSIONS[name]:
            GroupCollectionPermission.objects.create(
                group=group, collection=collection, permission=_permission(app_label, codename)
            )
    return group


@transaction.atomic
def role_groups_sync(*, user) -> None:
    """Put ``user`` in or out of the editors' and reviewers' groups to match their roles."""
    forget_cached_roles(user)
    wanted = {
        EDITORS_GROUP: bool(organisation_ids_with_role(user, Membership.Role.EDITOR, Membership.Role.ADMIN)),
        REVIEWERS_GROUP: bool(organisation_ids_with_role(user, Membership.Role.REVIEWER)),
    }
    for name, member in wanted.items():
        group = role_group(name)
        if member:
            user.groups.add(group)
        else:
            user.groups.remove(group)
