from django.conf import settings

# Pages carry no inline script or style, so a strict policy holds. The Wagtail and
# Django admins ship their own inline code and keep their own defaults.
DEFAULT_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; frame-src 'self'; frame-ancestors 'self'; "
    "form-action 'self'; base-uri 'self'; object-src 'none'"
)
EXEMPT_PREFIXES = ("/admin/", "/django-admin/")


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path.startswith(EXEMPT_PREFIXES):
            policy = getattr(settings, "CONTENT_SECURITY_POLICY", DEFAULT_POLICY)
            response.headers.setdefault("Content-Security-Policy", policy)
        return response
