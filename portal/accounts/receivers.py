from allauth.account.signals import email_confirmed
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, task_submitted

from portal.accounts import sign_off_notices
from portal.accounts.models import Membership
from portal.accounts.roles import role_groups_sync
from portal.accounts.selectors import forget_cached_roles
from portal.accounts.services import membership_approve_by_domain
from portal.accounts.workflows import SignOff


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


@receiver(task_submitted, dispatch_uid="accounts_sign_off_awaited")
def tell_reviewers_their_sign_off_is_awaited(sender, instance, user=None, **kwargs):
    sign_off_notices.sign_off_awaited(task_state=instance, submitter=user)


@receiver(post_save, sender=SignOff, dispatch_uid="accounts_page_signed_off")
def tell_writers_of_each_sign_off(sender, instance, created, raw=False, **kwargs):
    """A sign-off record, however it was given (editor, dashboard), is news for the
    page's author and submitter."""
    if created and not raw:
        sign_off_notices.page_signed_off(sign_off=instance)


@receiver(page_published, dispatch_uid="accounts_page_published")
def tell_writers_their_page_is_published(sender, instance, revision, **kwargs):
    sign_off_notices.page_published(page=instance, revision=revision)
