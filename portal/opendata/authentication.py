"""Reading the API with a personal access token: ``Authorization: Bearer pat_…``.

A request without the header is anonymous. A header that is not a usable token
(malformed, forged, revoked, expired, or its holder's account closed) is a 401,
never a quiet fall back to the anonymous answer, so a client notices."""

from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, exceptions

from portal.opendata import tokens
from portal.opendata.models import AccessToken
from portal.opendata.services import access_token_touch

KEYWORD = "Bearer"


class AccessTokenAuthentication(authentication.BaseAuthentication):
    def authenticate(self, request):
        header = authentication.get_authorization_header(request)
        if not header:
            return None
        try:
            keyword, token = header.decode("ascii").split()
        except (UnicodeDecodeError, ValueError) as error:
            raise exceptions.AuthenticationFailed(_("Malformed Authorization header.")) from error
        prefix = tokens.prefix_of(token)
        if keyword != KEYWORD or prefix is None:
            raise exceptions.AuthenticationFailed(_("Malformed Authorization header."))
        row = AccessToken.objects.select_related("user").filter(prefix=prefix).first()
        if (
            row is None
            or not tokens.matches(token, row.digest)
            or not row.is_usable()
            or not row.user.is_active
        ):
            raise exceptions.AuthenticationFailed(_("This token is not valid, or no longer."))
        access_token_touch(token=row)
        return row.user, row

    def authenticate_header(self, request):
        return f'{KEYWORD} realm="api"'
