"""Wagtail admin access that follows organisation roles.

Editors and administrators of an organisation join the "Organisation editors"
group (admin access, add and change pages, upload images and documents);
reviewers join "Organisation reviewers" (admin access, to sign off). Which pages
each of them may touch is narrowed to their organisations by
``portal.accounts.admin_guard``.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from portal.accounts.models import Membership
from portal.accounts.selectors import forget_cached_roles, organisation_ids_with_role

EDITORS_GROUP = "Organisation editors"
REVIEWERS_GROUP = "Organisation reviewers"


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _editors_group() -> Group:
    group, created = Group.objects.get_or_create(name=EDITORS_GROUP)
    if created:
        group.permissions.add(_permission("wagtailadmin", "access_admin"))
        root = Page.get_first_root_node()
        if root is not None:
            for codename in ("add_page", "change_page"):
                GroupPagePermission.objects.create(
                    group=group, page=root, permission=_permission("wagtailcore", codename)
                )
        collection = Collection.get_first_root_node()
        if collection is not None:
            for app_label, codenames in (
                ("wagtailimages", ("add_image", "choose_image")),
                ("wagtaildocs", ("add_document", "choose_document")),
            ):
                for codename in codenames:
                    GroupCollectionPermission.objects.create(
                        group=group, collection=collection, permission=_permission(app_label, codename)
                    )
    return group


def _reviewers_group() -> Group:
    group, created = Group.objects.get_or_create(name=REVIEWERS_GROUP)
    if created:
        group.permissions.add(_permission("wagtailadmin", "access_admin"))
    return group


@transaction.atomic
def role_groups_sync(*, user) -> None:
    """Put ``user`` in or out of the editors' and reviewers' groups to match their roles."""
    forget_cached_roles(user)
    wanted = {
        _editors_group(): bool(
            organisation_ids_with_role(user, Membership.Role.EDITOR, Membership.Role.ADMIN)
        ),
        _reviewers_group(): bool(organisation_ids_with_role(user, Membership.Role.REVIEWER)),
    }
    for group, member in wanted.items():
        if member:
            user.groups.add(group)
        else:
            user.groups.remove(group)
