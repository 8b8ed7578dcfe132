"""allauth's second-factor enrolment, returning to the page that asked for it."""

from allauth.account.utils import get_next_redirect_url
from allauth.mfa.totp import views as totp_views
from django.contrib import messages
from django.utils.translation import gettext

# Where the person was going when the second factor was asked for; kept in the
# session because allauth's enrolment form posts to its own address only.
NEXT_SESSION_KEY = "accounts.enrolment_next"


class ActivateTOTPView(totp_views.ActivateTOTPView):
    def get(self, request, *args, **kwargs):
        next_url = get_next_redirect_url(request)
        if next_url:
            request.session[NEXT_SESSION_KEY] = next_url
        return super().get(request, *args, **kwargs)

    def get_success_url(self) -> str:
        next_url = self.request.session.pop(NEXT_SESSION_KEY, None)
        if not next_url:
            return super().get_success_url()
        if self.did_generate_recovery_codes:
            messages.success(
                self.request,
                gettext(
                    "Two-factor authentication is on. Recovery codes were made for you: "
                    "keep them somewhere safe from “Two-factor authentication” in your account."
                ),
            )
        return next_url


activate_totp = ActivateTOTPView.as_view()
