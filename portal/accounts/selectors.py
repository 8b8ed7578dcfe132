"""Reads about people, their organisations and their roles.

Every answer is computed once per user object and kept on it, so templates and
listings can ask about each item without adding queries per item.
"""

from datetime import datetime

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser, Group, Permission
from django.db.models import Exists, OuterRef, Q, Subquery
from django.utils import timezone

from portal.accounts.models import Membership, Profile
from portal.moderation.models import Suspension

MODERATORS_GROUP = "Moderators"

# Roles that may draft, approve or manage an organisation's content; they must use
# a second factor.
PRIVILEGED_ROLES = frozenset({Membership.Role.EDITOR, Membership.Role.REVIEWER, Membership.Role.ADMIN})

_MEMBERSHIPS_CACHE = "_portal_approved_memberships"
_ROLES_CACHE = "_portal_organisation_roles"
_FACTS_CACHE = "_portal_viewer_facts"


def _is_anonymous(user) -> bool:
    return user is None or isinstance(user, AnonymousUser) or not user.is_authenticated


def approved_memberships(user) -> list[Membership]:
    """The approved memberships of ``user`` with their organisations, by organisation
    name: one query per user object, shared by every question about roles."""
    if _is_anonymous(user):
        return []
    memberships = getattr(user, _MEMBERSHIPS_CACHE, None)
    if memberships is None:
        memberships = list(
            Membership.objects.filter(user=user, status=Membership.Status.APPROVED)
            .select_related("organisation")
            .order_by("organisation__name")
        )
        setattr(user, _MEMBERSHIPS_CACHE, memberships)
    return memberships


def organisation_roles(user) -> dict[int, str]:
    """Organisation id -> role for each organisation where ``user`` is an approved member."""
    if _is_anonymous(user) or not user.is_active:
        return {}
    roles = getattr(user, _ROLES_CACHE, None)
    if roles is None:
        roles = {membership.organisation_id: membership.role for membership in approved_memberships(user)}
        setattr(user, _ROLES_CACHE, roles)
    return roles


_FACT_NAMES = ("access_admin", "moderator", "verified_email", "suspended_until")


def _people_with_facts():
    """People with what every signed-in page asks about them: admin access, the
    Moderators group, a confirmed address, the end of a suspension in force, and
    their profile."""
    person = OuterRef("pk")
    # The same rule as Django's permission backend: a permission of the person's
    # own or of one of their groups.
    admin_permission = Permission.objects.filter(
        Q(user=person) | Q(group__user=person),
        codename="access_admin",
        content_type__app_label="wagtailadmin",
    )
    now = timezone.now()
    suspension_end = Suspension.objects.filter(
        user=person, lifted_at__isnull=True, starts_at__lte=now, ends_at__gt=now
    ).order_by("-ends_at")
    return (
        get_user_model()
        .objects.select_related("profile")
        .annotate(
            access_admin=Exists(admin_permission),
            moderator=Exists(Group.objects.filter(user=person, name=MODERATORS_GROUP)),
            verified_email=Exists(EmailAddress.objects.filter(user=person, verified=True)),
            suspended_until=Subquery(suspension_end.values("ends_at")[:1]),
        )
    )


def _keep_facts(user, row) -> dict:
    """Keep on ``user`` the facts read in ``row`` (``user`` itself, or another copy
    of them), and their profile where ``user.profile`` finds it."""
    facts = {name: None if name == "suspended_until" else False for name in _FACT_NAMES}
    if row is not None:
        facts = {name: getattr(row, name) for name in _FACT_NAMES}
        profile_relation = get_user_model().profile.related
        if not profile_relation.is_cached(user):
            profile = profile_relation.get_cached_value(row)
            if profile is not None:
                profile.user = user
            profile_relation.set_cached_value(user, profile)
    setattr(user, _FACTS_CACHE, facts)
    return facts


def _viewer_facts(user) -> dict:
    """The facts above about ``user``, in one query kept on the user object."""
    facts = getattr(user, _FACTS_CACHE, None)
    if facts is not None:
        return facts
    return _keep_facts(user, _people_with_facts().filter(pk=user.pk).first())


def viewer_with_facts(user_id):
    """The person ``user_id`` (``None`` if there is none) loaded with the facts
    above: the signed-in person of a request, in one query."""
    user = _people_with_facts().filter(pk=user_id).first()
    if user is not None:
        _keep_facts(user, user)
    return user


def forget_cached_roles(user) -> None:
    """Drop what was learned about ``user`` (after their memberships, groups or
    addresses changed)."""
    for name in (_MEMBERSHIPS_CACHE, _ROLES_CACHE, _FACTS_CACHE):
        if user is not None and hasattr(user, name):
            delattr(user, name)


def partner_organisation_ids(user) -> frozenset[int]:
    """Ids of the organisations where ``user`` is an approved member (empty for anonymous)."""
    return frozenset(organisation_roles(user))


def is_partner_member(user) -> bool:
    """Whether ``user`` is an approved member of at least one partner organisation.

    Every kind of partner counts (government, UN agency, civil society, donor): the
    approval by that organisation's administrators is what makes a partner member.
    """
    return bool(organisation_roles(user))


def organisation_role(user, organisation) -> str | None:
    """The role of ``user`` in ``organisation`` (an instance or an id): member, editor,
    reviewer or admin; ``None`` when they are not an approved member."""
    organisation_id = getattr(organisation, "pk", organisation)
    return organisation_roles(user).get(organisation_id)


def organisation_ids_with_role(user, *roles: str) -> frozenset[int]:
    """Ids of the organisations where ``user`` holds one of ``roles``."""
    return frozenset(org_id for org_id, role in organisation_roles(user).items() if role in roles)


def is_moderator(user) -> bool:
    """Whether ``user`` moderates the portal: in the "Moderators" group, or a superuser."""
    if _is_anonymous(user) or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return _viewer_facts(user)["moderator"]


def can_access_admin(user) -> bool:
    """Whether ``user`` may open the Wagtail admin: the answer of
    ``user.has_perm("wagtailadmin.access_admin")`` without loading every permission."""
    if _is_anonymous(user) or not user.is_active:
        return False
    return user.is_superuser or _viewer_facts(user)["access_admin"]


def has_verified_email(user) -> bool:
    """Whether ``user`` has confirmed at least one email address: what makes a
    registered person who may comment and post in public forums."""
    if _is_anonymous(user) or not user.is_active:
        return False
    return _viewer_facts(user)["verified_email"]


def suspended_until(user) -> datetime | None:
    """When the moderators' suspension of ``user`` ends, while one is in force:
    until then they read but write nothing. ``None`` when they may write."""
    if _is_anonymous(user) or not user.is_active:
        return None
    return _viewer_facts(user)["suspended_until"]


def may_write(user) -> bool:
    """Whether ``user`` may write at all: signed in and not suspended. A suspended
    person keeps reading (and following) but changes nothing others see, not even
    their own words; every rule about writing starts here."""
    return not _is_anonymous(user) and user.is_active and suspended_until(user) is None


def requires_second_factor(user) -> bool:
    """Whether ``user`` must have a second factor before reaching the admin or the
    moderation pages: editors, reviewers and administrators of an organisation,
    moderators and staff."""
    if _is_anonymous(user):
        return False
    if user.is_staff or user.is_superuser or is_moderator(user):
        return True
    return bool(organisation_ids_with_role(user, *PRIVILEGED_ROLES))


def can_manage_members(user, organisation) -> bool:
    """Whether ``user`` decides join requests and roles in ``organisation``: its
    administrators, and site administrators."""
    if _is_anonymous(user) or not user.is_active:
        return False
    return user.is_superuser or organisation_role(user, organisation) == Membership.Role.ADMIN


def verified_email_domains(user) -> frozenset[str]:
    """Domains of the addresses ``user`` has confirmed, lower case."""
    if _is_anonymous(user):
        return frozenset()
    emails = EmailAddress.objects.filter(user=user, verified=True).values_list("email", flat=True)
    return frozenset(email.rsplit("@", 1)[-1].lower() for email in emails if "@" in email)


def organisation_members(organisation):
    """Approved members of ``organisation`` with their people, for its administrators."""
    return (
        Membership.objects.filter(organisation=organisation, status=Membership.Status.APPROVED)
        .select_related("user", "user__profile")
        .order_by("user__email")
    )


def organisation_requests(organisation):
    """Requests to join ``organisation`` that wait for a decision, oldest first."""
    return (
        Membership.objects.filter(organisation=organisation, status=Membership.Status.REQUESTED)
        .select_related("user", "user__profile")
        .order_by("requested_at")
    )


def user_memberships(user):
    """Every membership of ``user`` (approved, waiting or declined) with its organisation."""
    return Membership.objects.filter(user=user).select_related("organisation").order_by("organisation__name")


def viewer_display_name(user) -> str:
    """``display_name`` of the person viewing a page: their profile comes with the
    other facts every page asks about them, in one query."""
    if not _is_anonymous(user):
        _viewer_facts(user)
    return display_name(user)


def display_name(user) -> str:
    """The name shown for ``user``: their chosen display name, else their full name,
    else the part of their address before the @."""
    try:
        chosen = user.profile.display_name
    except Profile.DoesNotExist:
        chosen = ""
    if chosen:
        return chosen
    full = user.get_full_name().strip()
    return full or user.email.split("@", 1)[0] or user.get_username()


def avatar_url(user) -> str | None:
    """The address of the avatar ``user`` chose on their profile, if any (none for
    a former member, whose log entries and comments keep no user)."""
    if user is None or user.pk is None:
        return None
    try:
        avatar = user.profile.avatar
    except Profile.DoesNotExist:
        return None
    return avatar.url if avatar else None
