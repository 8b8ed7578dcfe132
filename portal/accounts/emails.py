"""Emails about memberships. They go through the outbox, so a failing or hung mail
relay never slows down or undoes a decision."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse

from portal.accounts.models import Membership
from portal.notifications.services import email_send
from portal.site_address import absolute_url


def _send(*, template: str, recipients: list[str], context: dict) -> None:
    if not recipients:
        return
    subject = render_to_string(f"account/email/{template}_subject.txt", context).strip()
    body = render_to_string(f"account/email/{template}_message.txt", context)
    email_send(message=EmailMessage(f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{subject}", body, to=recipients))


def membership_requested(membership: Membership) -> None:
    """Tell the organisation's administrators that someone asks to join."""
    admins = Membership.objects.filter(
        organisation=membership.organisation,
        status=Membership.Status.APPROVED,
        role=Membership.Role.ADMIN,
    ).values_list("user__email", flat=True)
    _send(
        template="membership_requested",
        recipients=[email for email in admins if email],
        context={
            "membership": membership,
            "url": absolute_url(reverse("accounts:organisation_manage", args=[membership.organisation.slug])),
        },
    )
