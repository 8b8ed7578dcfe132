"""Editors, reviewers, organisation administrators, moderators and staff reach the
admin and the moderation pages only with a second factor."""

import re

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect

from portal.accounts.adapters import second_factor_missing, totp_enrolment_url
from portal.accounts.admin_guard import (
    BULK_PAGE_ADDRESS,
    PAGE_ADDRESS,
    bulk_request_allowed,
    page_address_action,
    page_request_allowed,
)

# The Wagtail and Django admins, and moderation under any language prefix.
GUARDED_PATHS = re.compile(r"^/(admin|django-admin)/|^/[a-z]{2}(-[a-z]+)?/moderation/")
# The admins' own log-out and log-in stay reachable.
OPEN_PATHS = re.compile(r"^/(admin|django-admin)/(login|logout)/")


class SecondFactorRequiredMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path
        if (
            GUARDED_PATHS.match(path)
            and not OPEN_PATHS.match(path)
            and request.user.is_authenticated
            and second_factor_missing(request.user)
        ):
            return redirect(totp_enrolment_url(request.get_full_path()))
        return self.get_response(request)


class OrganisationPageGuardMiddleware:
    """Answers 403 to admin requests about another organisation's page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated and not self._allowed(request):
            raise PermissionDenied
        return self.get_response(request)

    def _allowed(self, request):
        match = PAGE_ADDRESS.match(request.path)
        if match:
            return page_request_allowed(
                request.user, int(match["page_id"]), page_address_action(match), request.method
            )
        match = BULK_PAGE_ADDRESS.match(request.path)
        if match:
            return bulk_request_allowed(request.user, match["action"], request.GET.getlist("id"))
        return True
