"""What a suspended person meets when they try to write: a page saying until when."""

from functools import wraps

from django.shortcuts import render

from portal.accounts.selectors import suspended_until
from portal.moderation.services import Suspended


def suspended_page(request, until):
    """The refusal (403) that tells a suspended person when they may write again."""
    return render(request, "moderation/suspended.html", {"until": until}, status=403)


def refuse_when_suspended(view):
    """Answer a suspended person with ``suspended_page`` instead of running a write
    view: told by the facts read once per request, or by a service's own check
    (a suspension that began during the request)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        until = suspended_until(request.user)
        if until is not None:
            return suspended_page(request, until)
        try:
            return view(request, *args, **kwargs)
        except Suspended as refusal:
            return suspended_page(request, refusal.until)

    return wrapper
