"""How allauth fits the portal: who must enrol a second factor before going on, and
account emails sent through the outbox."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.contrib.sites.shortcuts import get_current_site
from django.urls import reverse
from django.utils.http import urlencode

from portal.accounts.selectors import requires_second_factor
from portal.notifications.services import email_send


def second_factor_missing(user) -> bool:
    """Whether ``user`` holds a role that needs TOTP and has not set it up yet."""
    return requires_second_factor(user) and not is_mfa_enabled(user, types=[Authenticator.Type.TOTP])


def totp_enrolment_url(next_url: str) -> str:
    return f"{reverse('mfa_activate_totp')}?{urlencode({'next': next_url})}"


class AccountAdapter(DefaultAccountAdapter):
    def get_login_redirect_url(self, request):
        url = super().get_login_redirect_url(request)
        if second_factor_missing(request.user):
            return totp_enrolment_url(url)
        return url

    def send_mail(self, template_prefix, email, context):
        """Verification, password reset and the other account emails are written to
        the outbox and sent by the worker, never from the request itself."""
        request = allauth_context.request
        message = self.render_mail(
            template_prefix,
            email,
            {"request": request, "email": email, "current_site": get_current_site(request), **context},
        )
        email_send(message=message)
