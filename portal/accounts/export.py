"""The person's own data, as one JSON document they can download."""

from allauth.mfa.models import Authenticator
from allauth.socialaccount.models import SocialAccount
from django.utils import timezone
from wagtail.models import Page

from portal.accounts.contributions import authored_rows_export
from portal.accounts.models import Membership, Profile


def _iso(value):
    return value.isoformat() if value else None


def account_data(user) -> dict:
    """Everything the portal keeps about ``user``, in plain JSON types."""
    profile = Profile.objects.filter(user=user).first()
    return {
        "exported_at": timezone.now().isoformat(),
        "account": {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "date_joined": _iso(user.date_joined),
            "last_login": _iso(user.last_login),
        },
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in user.emailaddress_set.order_by("email")
        ],
        "profile": {
            "display_name": profile.display_name if profile else "",
            "avatar": profile.avatar.url if profile and profile.avatar else None,
        },
        "memberships": [
            {
                "organisation": membership.organisation.name,
                "role": membership.role,
                "status": membership.status,
                "message": membership.message,
                "requested_at": _iso(membership.requested_at),
                "decided_at": _iso(membership.decided_at),
            }
            for membership in Membership.objects.filter(user=user).select_related("organisation")
        ],
        "second_factors": [
            {"type": authenticator.type, "created_at": _iso(authenticator.created_at)}
            for authenticator in Authenticator.objects.filter(user=user)
        ],
        "single_sign_on": [
            {"provider": account.provider, "uid": account.uid}
            for account in SocialAccount.objects.filter(user=user)
        ],
        "pages": [
            {"title": page.title, "url": page.url, "live": page.live}
            for page in Page.objects.filter(owner=user).order_by("pk")
        ],
        "contributions": authored_rows_export(user),
    }
