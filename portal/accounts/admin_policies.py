"""Wagtail permission policies that keep organisation staff to their own
organisations' pages, images and documents.

Every admin view, listing, chooser, report and API endpoint asks Wagtail's policy
registry, so bounding the policies bounds them all, whichever address a request
names. The rule itself lives in ``portal.accounts.pages``.
"""

import copy

from django.db.models import Q
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import register_permission_policy

from portal.accounts.pages import (
    colleagues,
    explorable_pages,
    page_actions,
    pages_within_bounds,
    unrestricted,
)


def _action(permission) -> str:
    return permission.permission.codename.rsplit("_", 1)[0]


class OrganisationPagePermissionPolicy(PagePermissionPolicy):
    """Wagtail's page policy, narrowed page by page to what ``page_actions`` allows.

    Group permissions give organisation staff their actions at the root of the
    tree; this policy answers which pages those actions reach.
    """

    page = None

    def __call__(self, page):
        # Wagtail's registry calls a callable policy with the object it asks about
        # (``policy_registry.get(page)``): that is how ``PagePermissionTester`` and
        # the page actions get a policy that knows the page.
        bound = copy.copy(self)
        bound.page = page
        return bound

    def get_cached_permissions_for_user(self, user):
        permissions = super().get_cached_permissions_for_user(user)
        if self.page is None:
            return permissions
        allowed = page_actions(user, self.page)
        if allowed is None:
            return permissions
        return [permission for permission in permissions if _action(permission) in allowed]

    def user_has_any_permission_for_instance(self, user, actions, instance):
        if self.page is None or self.page.pk != instance.pk:
            # Ask the policy bound to ``instance``, whose permissions are narrowed to it.
            return self(instance).user_has_any_permission_for_instance(user, actions, instance)
        return super().user_has_any_permission_for_instance(user, actions, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        pages = super().instances_user_has_any_permission_for(user, actions)
        bounds = pages_within_bounds(user, actions)
        return pages if bounds is None else pages.filter(bounds)

    def explorable_instances(self, user):
        pages = super().explorable_instances(user)
        bounds = explorable_pages(user)
        return pages if bounds is None else pages.filter(bounds)

    def users_with_any_permission_for_instance(self, actions, instance, include_superusers=True):
        users = super().users_with_any_permission_for_instance(actions, instance, include_superusers)
        bound = self(instance)
        allowed = [
            user.pk for user in users if bound.user_has_any_permission_for_instance(user, actions, instance)
        ]
        return users.filter(pk__in=allowed)


class OrganisationFilePermissionPolicy(CollectionOwnershipPermissionPolicy):
    """Wagtail's image and document policy, narrowed for organisation staff to the
    files uploaded by people of their own organisations."""

    def _bounds(self, user):
        if unrestricted(user):
            return None
        return Q(**{self.owner_field_name: user}) | Q(**{f"{self.owner_field_name}__in": colleagues(user)})

    def instances_user_has_any_permission_for(self, user, actions):
        files = super().instances_user_has_any_permission_for(user, actions)
        bounds = self._bounds(user)
        return files if bounds is None or not user.is_authenticated else files.filter(bounds)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        if not super().user_has_any_permission_for_instance(user, actions, instance):
            return False
        bounds = self._bounds(user)
        return bounds is None or self.model._default_manager.filter(bounds, pk=instance.pk).exists()


def register_policies() -> None:
    """Put the bounded policies where Wagtail looks them up (from ``AppConfig.ready``,
    before any view asks). Wagtail registers its own image and document policies
    when those apps are ready, after this one; a policy for the exact class is the
    one Wagtail's registry answers first."""
    register_permission_policy(Page, OrganisationPagePermissionPolicy(Page))
    for model, auth_model in (
        (get_image_model(), "wagtailimages.Image"),
        (get_document_model(), "wagtaildocs.Document"),
    ):
        register_permission_policy(
            model,
            OrganisationFilePermissionPolicy(
                model, auth_model=auth_model, owner_field_name="uploaded_by_user"
            ),
            exact_class=True,
        )
