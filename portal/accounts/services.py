"""Writes with rules about memberships, profiles and accounts."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.accounts import emails
from portal.accounts.contributions import authored_rows_remove
from portal.accounts.models import Membership, OrganisationEmailDomain, Profile
from portal.accounts.selectors import can_manage_members, forget_cached_roles, verified_email_domains
from portal.accounts.signals import account_deleting
from portal.notifications.services import notification_create
from portal.notifications.verbs import Verb
from portal.text import single_line, strip_controls


def _tell_decision(membership: Membership) -> None:
    """The person hears of the decision in the app and, as they chose, by email,
    with the message they sent with their request."""
    notification_create(
        recipients=[membership.user],
        verb=Verb.MEMBERSHIP_APPROVED if membership.is_approved else Verb.MEMBERSHIP_DECLINED,
        summary=membership.organisation.label,
        excerpt=membership.message,
        url=reverse("accounts:profile"),
        actor=membership.decided_by,
        target=membership.organisation,
    )


def _domain_allows(*, user, organisation) -> bool:
    domains = verified_email_domains(user)
    if not domains:
        return False
    return OrganisationEmailDomain.objects.filter(organisation=organisation, domain__in=domains).exists()


@transaction.atomic
def membership_request(*, user, organisation, message: str = "") -> Membership:
    """Ask to join ``organisation``. Approved at once when one of the person's
    verified addresses is at a domain on the organisation's allowlist; otherwise
    waits for the organisation's administrators."""
    membership = Membership.objects.select_for_update().filter(user=user, organisation=organisation).first()
    if membership is not None and membership.status != Membership.Status.DECLINED:
        if membership.is_approved:
            raise ValidationError(_("You are already a member of this organisation."))
        raise ValidationError(_("Your request to join this organisation is already waiting for a decision."))
    if membership is None:
        membership = Membership(user=user, organisation=organisation)
    membership.role = Membership.Role.MEMBER
    membership.message = strip_controls(message).strip()
    membership.requested_at = timezone.now()
    membership.decided_by = None
    membership.decided_at = None
    if _domain_allows(user=user, organisation=organisation):
        membership.status = Membership.Status.APPROVED
        membership.decided_at = timezone.now()
    else:
        membership.status = Membership.Status.REQUESTED
    membership.save()
    forget_cached_roles(user)
    if membership.is_approved:
        _tell_decision(membership)
    else:
        emails.membership_requested(membership)
    return membership


@transaction.atomic
def membership_approve_by_domain(*, user) -> list[Membership]:
    """Approve the person's waiting requests that their verified addresses now allow
    (run when an address is confirmed)."""
    domains = verified_email_domains(user)
    waiting = Membership.objects.filter(
        user=user,
        status=Membership.Status.REQUESTED,
        organisation__email_domains__domain__in=domains,
    ).distinct()
    approved = []
    for membership in waiting.select_related("organisation", "user"):
        membership.status = Membership.Status.APPROVED
        membership.decided_at = timezone.now()
        membership.save(update_fields=["status", "decided_at"])
        _tell_decision(membership)
        approved.append(membership)
    forget_cached_roles(user)
    return approved


@transaction.atomic
def membership_decide(*, membership: Membership, decided_by, approve: bool, role: str = "") -> Membership:
    """Approve or decline a waiting request; the person is told in the app and by email."""
    if not can_manage_members(decided_by, membership.organisation):
        raise PermissionDenied
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if membership.status != Membership.Status.REQUESTED:
        raise ValidationError(_("This request has already been decided."))
    if role and role not in Membership.Role.values:
        raise ValidationError(_("Choose a valid role."))
    membership.status = Membership.Status.APPROVED if approve else Membership.Status.DECLINED
    if approve and role:
        membership.role = role
    membership.decided_by = decided_by
    membership.decided_at = timezone.now()
    membership.save()
    forget_cached_roles(membership.user)
    _tell_decision(membership)
    return membership


def _keeps_an_administrator(membership: Membership) -> bool:
    others = Membership.objects.filter(
        organisation=membership.organisation,
        status=Membership.Status.APPROVED,
        role=Membership.Role.ADMIN,
    ).exclude(pk=membership.pk)
    return others.exists()


@transaction.atomic
def membership_change_role(*, membership: Membership, role: str, changed_by) -> Membership:
    """Give an approved member another role in their organisation."""
    if not can_manage_members(changed_by, membership.organisation):
        raise PermissionDenied
    if role not in Membership.Role.values:
        raise ValidationError(_("Choose a valid role."))
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if not membership.is_approved:
        raise ValidationError(_("Only approved members have a role."))
    if (
        membership.role == Membership.Role.ADMIN
        and role != Membership.Role.ADMIN
        and not changed_by.is_superuser
        and not _keeps_an_administrator(membership)
    ):
        raise ValidationError(_("An organisation keeps at least one administrator."))
    membership.role = role
    membership.decided_by = changed_by
    membership.decided_at = timezone.now()
    membership.save(update_fields=["role", "decided_by", "decided_at"])
    forget_cached_roles(membership.user)
    return membership


@transaction.atomic
def membership_remove(*, membership: Membership, removed_by) -> None:
    """End a membership (an administrator removing a member, or a person leaving)."""
    leaving = removed_by.pk == membership.user_id
    if not leaving and not can_manage_members(removed_by, membership.organisation):
        raise PermissionDenied
    if (
        membership.is_approved
        and membership.role == Membership.Role.ADMIN
        and not removed_by.is_superuser
        and not _keeps_an_administrator(membership)
    ):
        raise ValidationError(_("An organisation keeps at least one administrator."))
    membership.delete()
    forget_cached_roles(membership.user)


@transaction.atomic
def profile_update(*, user, display_name: str, avatar=None, remove_avatar: bool = False) -> Profile:
    """Save the display name and, when given, an avatar already made safe by
    ``portal.accounts.avatars.avatar_prepare``."""
    profile, _created = Profile.objects.get_or_create(user=user)
    profile.display_name = single_line(display_name)
    old_avatar = profile.avatar.name if profile.avatar else ""
    if avatar is not None:
        profile.avatar.save(avatar.name, avatar, save=False)
    elif remove_avatar:
        profile.avatar = ""
    profile.save()
    if old_avatar and old_avatar != (profile.avatar.name if profile.avatar else ""):
        storage = profile.avatar.storage
        transaction.on_commit(lambda: storage.delete(old_avatar))
    return profile


@transaction.atomic
def account_delete(*, user, remove_content: bool) -> None:
    """Delete an account. Its contributions are removed (``remove_content``) or stay,
    attributed to a former member; apps holding content act on ``account_deleting``."""
    account_deleting.send(sender=get_user_model(), user=user, remove_content=remove_content)
    if remove_content:
        authored_rows_remove(user)
    profile = Profile.objects.filter(user=user).first()
    if profile is not None and profile.avatar:
        storage, name = profile.avatar.storage, profile.avatar.name
        transaction.on_commit(lambda: storage.delete(name))
    user.delete()
