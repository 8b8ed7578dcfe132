from django.conf import settings

# Pages carry no inline script or style, so a strict policy holds.
DEFAULT_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; frame-src 'self'; frame-ancestors 'self'; "
    "form-action 'self'; base-uri 'self'; object-src 'none'"
)
# The Wagtail admin, its moderation screens included, under the same rules: the
# few Wagtail templates with inline scripts are replaced (templates/wagtailadmin),
# the previews are framed from the same origin, and images may be blob: previews
# of files about to be uploaded.
ADMIN_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
    "font-src 'self'; connect-src 'self'; frame-src 'self'; frame-ancestors 'self'; "
    "form-action 'self'; base-uri 'self'; object-src 'none'"
)
ADMIN_PREFIX = "/admin/"
# Django's own admin, for site administrators only, keeps its defaults.
EXEMPT_PREFIXES = ("/django-admin/",)


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(ADMIN_PREFIX):
            policy = getattr(settings, "ADMIN_CONTENT_SECURITY_POLICY", ADMIN_POLICY)
        elif request.path.startswith(EXEMPT_PREFIXES):
            return response
        else:
            policy = getattr(settings, "CONTENT_SECURITY_POLICY", DEFAULT_POLICY)
        response.headers.setdefault("Content-Security-Policy", policy)
        return response
