from allauth.account.signals import email_confirmed
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from portal.accounts.models import Membership
from portal.accounts.roles import role_groups_sync
from portal.accounts.selectors import forget_cached_roles
from portal.accounts.services import membership_approve_by_domain


@receiver(email_confirmed, dispatch_uid="accounts_approve_by_domain")
def approve_waiting_requests_by_domain(sender, request, email_address, **kwargs):
    """A newly confirmed address may be at a domain an organisation approves
    automatically."""
    user = email_address.user
    forget_cached_roles(user)
    membership_approve_by_domain(user=user)


@receiver(post_save, sender=Membership, dispatch_uid="accounts_sync_groups_on_save")
@receiver(post_delete, sender=Membership, dispatch_uid="accounts_sync_groups_on_delete")
def sync_admin_groups(sender, instance, **kwargs):
    """Admin access follows roles, however a membership was changed."""
    role_groups_sync(user=instance.user)
