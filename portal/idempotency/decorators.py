"""``idempotent``: a view decorator that runs a form's write once per token."""

from functools import wraps
from uuid import UUID

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import HttpResponseBadRequest
from django.http.response import HttpResponseRedirectBase
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from portal.idempotency.models import WriteToken

FIELD_NAME = "write_token"


def _token(request) -> UUID | None:
    """The token the form sent; ``None`` when there is none; ``ValueError`` when it is
    not one the portal made."""
    raw = request.POST.get(FIELD_NAME, "")
    return UUID(raw) if raw else None


def _answered(request, token: UUID):
    """The answer already given to this person for this token, given again."""
    url = (
        WriteToken.objects.filter(user=request.user, token=token)
        .values_list("redirect_url", flat=True)
        .first()
    )
    if url is None:
        return None
    messages.info(request, _("This was already sent, and it was saved once."))
    return redirect(url)


def idempotent(view):
    """Run the write of a POST once per ``write_token`` and person.

    The token is claimed, the view runs and, when it answers with a redirect (what a
    write view does after writing), the address is kept, all in one transaction:
    either the write and its token are both saved or neither is. A second POST with
    the same token (a double click waits for the first to finish; a retry comes
    after it) gets the same redirect and writes nothing. Any other answer (a form
    error, a preview, a refusal) releases the token. A POST without a token (a
    script) runs as before.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method != "POST" or not request.user.is_authenticated:
            return view(request, *args, **kwargs)
        try:
            token = _token(request)
        except ValueError:
            return HttpResponseBadRequest(
                _("This form was not understood. Reload the page and send it again.")
            )
        if token is None:
            return view(request, *args, **kwargs)
        answered = _answered(request, token)
        if answered is not None:
            return answered
        try:
            with transaction.atomic():
                claim = WriteToken.objects.create(user=request.user, token=token)
                response = view(request, *args, **kwargs)
                if isinstance(response, HttpResponseRedirectBase):
                    claim.redirect_url = response["Location"]
                    claim.save(update_fields=["redirect_url"])
                else:
                    claim.delete()
                return response
        except IntegrityError:
            # The same token committed by a request that ran at the same time.
            answered = _answered(request, token)
            if answered is None:
                raise
            return answered

    return wrapper
