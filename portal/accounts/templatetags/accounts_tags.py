from django import template
from django.utils.translation import gettext

from portal.accounts import selectors
from portal.accounts.workflows import SignOff

register = template.Library()


@register.simple_tag
def my_memberships(user):
    """The approved memberships of ``user`` with their organisations (one query per
    user object, shared with the role checks)."""
    return selectors.approved_memberships(user)


@register.filter
def my_name(user):
    """The name of the person viewing, read with the other facts about them."""
    return selectors.viewer_display_name(user)


@register.filter
def my_suspension_end(user):
    """When the suspension of the person viewing ends, or ``None``: read with the
    other facts about them, so telling them costs no query."""
    return selectors.suspended_until(user)


@register.filter
def can_access_admin(user):
    """Whether the admin link is shown: one query instead of loading every permission."""
    return selectors.can_access_admin(user)


@register.filter
def person_name(user):
    """The name shown for a person, or "former member" once the account is gone."""
    if user is None:
        return gettext("former member")
    return selectors.display_name(user)


@register.inclusion_tag("account/includes/sign_offs.html")
def sign_offs(page):
    """Who signed off the published version of ``page``, one line per organisation."""
    rows = []
    if page is not None and getattr(page, "live_revision_id", None):
        rows = list(
            SignOff.objects.filter(page_id=page.pk, revision_id=page.live_revision_id)
            .select_related("organisation", "reviewer", "reviewer__profile")
            .order_by("organisation__name")
        )
    return {"sign_offs": rows}
