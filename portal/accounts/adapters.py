"""How allauth fits the portal: who must enrol a second factor before going on."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.urls import reverse
from django.utils.http import urlencode

from portal.accounts.selectors import requires_second_factor


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
