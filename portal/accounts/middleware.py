"""Editors, reviewers, organisation administrators, moderators and staff reach the
admin and the moderation pages only with a second factor."""

import re

from django.shortcuts import redirect

from portal.accounts.adapters import second_factor_missing, totp_enrolment_url

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
