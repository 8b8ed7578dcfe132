"""Rate limits per client, kept in the default cache (the shared database cache in
production): anonymous clients by address, token holders by token."""

from rest_framework.throttling import SimpleRateThrottle

from portal.opendata import app_settings
from portal.opendata.models import AccessToken


class AnonymousRateThrottle(SimpleRateThrottle):
    scope = "api-anonymous"

    def get_rate(self):
        return app_settings.anonymous_rate()

    def get_cache_key(self, request, view):
        if isinstance(request.auth, AccessToken):
            return None
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class TokenRateThrottle(SimpleRateThrottle):
    scope = "api-token"

    def get_rate(self):
        return app_settings.token_rate()

    def get_cache_key(self, request, view):
        if not isinstance(request.auth, AccessToken):
            return None
        return self.cache_format % {"scope": self.scope, "ident": request.auth.pk}
