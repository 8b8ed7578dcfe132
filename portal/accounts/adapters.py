"""How allauth fits the portal: who must enrol a second factor before going on, and
account emails sent through the outbox, their links built from the portal's
configured address rather than from the Host header of the request."""

import time
from datetime import UTC, datetime
from types import SimpleNamespace

from allauth.account import app_settings as account_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.authentication import get_authentication_records
from allauth.core import context as allauth_context
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext

from portal.accounts.selectors import requires_second_factor
from portal.notifications.services import email_send
from portal.site_address import absolute_url, rebased_url, site_domain


def second_factor_missing(user) -> bool:
    """Whether ``user`` holds a role that needs TOTP and has not set it up yet."""
    return requires_second_factor(user) and not is_mfa_enabled(user, types=[Authenticator.Type.TOTP])


def totp_enrolment_url(next_url: str) -> str:
    return f"{reverse('mfa_activate_totp')}?{urlencode({'next': next_url})}"


def enrolling_since_signing_in(request) -> bool:
    """Whether ``request``'s user signed in (password, code or single sign-on) within
    allauth's reauthentication timeout and had no second factor before then: they
    are setting up their first one, or reading the recovery codes it came with."""
    records = get_authentication_records(request, request.user)
    if not records or time.time() - records[-1]["at"] >= account_settings.REAUTHENTICATION_TIMEOUT:
        return False
    signed_in_at = datetime.fromtimestamp(records[0]["at"], tz=UTC)
    return not Authenticator.objects.filter(user=request.user, created_at__lt=signed_in_at).exists()


class AccountAdapter(DefaultAccountAdapter):
    def is_reauthentication_required(self, *, app, **kwargs):
        # allauth asks for the password again before any change to the second factors,
        # and only a reauthentication counts as recent. Someone who signed in a moment
        # ago and is setting up their first factor has just proved it: asking again
        # straight after the log-in page sent staff round twice. Changing a factor
        # that was there before the sign-in still asks.
        request = self.request
        if (
            app == "allauth.mfa"
            and request is not None
            and request.user.is_authenticated
            and enrolling_since_signing_in(request)
        ):
            return False
        return super().is_reauthentication_required(app=app, **kwargs)

    def get_login_redirect_url(self, request):
        url = super().get_login_redirect_url(request)
        if second_factor_missing(request.user):
            return totp_enrolment_url(url)
        return url

    def get_email_confirmation_url(self, request, emailconfirmation):
        return rebased_url(super().get_email_confirmation_url(request, emailconfirmation))

    def get_reset_password_from_key_url(self, key):
        return rebased_url(super().get_reset_password_from_key_url(key))

    def send_account_already_exists_mail(self, email):
        self.send_mail(
            "account/email/account_already_exists",
            email,
            {
                "signup_url": absolute_url(reverse("account_signup")),
                "password_reset_url": absolute_url(reverse("account_reset_password")),
            },
        )

    def send_mail(self, template_prefix, email, context):
        """Verification, password reset and the other account emails are written to
        the outbox and sent by the worker, never from the request itself."""
        request = allauth_context.request
        message = self.render_mail(
            template_prefix,
            email,
            {"request": request, "email": email, "current_site": _portal_site(), **context},
        )
        email_send(message=message)


def _portal_site() -> SimpleNamespace:
    """The site as account emails name it (``current_site.name`` and ``.domain``):
    the portal, at its configured address."""
    return SimpleNamespace(name=gettext("Partnership Portal"), domain=site_domain())
