from allauth.account.signals import email_confirmed
from django.dispatch import receiver

from portal.accounts.selectors import forget_cached_roles
from portal.accounts.services import membership_approve_by_domain


@receiver(email_confirmed, dispatch_uid="accounts_approve_by_domain")
def approve_waiting_requests_by_domain(sender, request, email_address, **kwargs):
    """A newly confirmed address may be at a domain an organisation approves
    automatically."""
    user = email_address.user
    forget_cached_roles(user)
    membership_approve_by_domain(user=user)
