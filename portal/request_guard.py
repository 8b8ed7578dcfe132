"""Requests the portal cannot read are refused here, before sessions, views or any
database lookup see them, with a 400 and the error page.

Refused: control characters or invalid UTF-8 in the address, NUL or invalid UTF-8 in
the query, a charset Python does not know, a form body declared in a charset other
than UTF-8 (our forms are UTF-8; Django refuses such a body on each read, so every
later reader of ``request.POST``, error pages included, raised again), a form body that
does not parse (multipart without boundary, too many fields, too large) and NUL in a
form field (PostgreSQL refuses it in text).

A POST form is parsed here once; what passes is what every later reader gets.
"""

import codecs
import re
from urllib.parse import unquote_to_bytes

from django.core.exceptions import BadRequest, SuspiciousOperation
from django.http.multipartparser import MultiPartParserError

CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")
BROKEN_UTF8 = re.compile(r"%[89A-F][0-9A-F]")
FORM_CONTENT_TYPES = {"application/x-www-form-urlencoded", "multipart/form-data"}


def _is_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _address_problem(request):
    if CONTROL_CHARACTERS.search(request.path_info):
        return "control character in the path"
    # Django re-escapes, as %80 to %FF, the bytes of the path that are not UTF-8;
    # none of our addresses has a literal "%" in it.
    if BROKEN_UTF8.search(request.path_info):
        return "invalid UTF-8 in the path"
    query = unquote_to_bytes(request.META.get("QUERY_STRING", "").replace("+", " "))
    if b"\x00" in query:
        return "NUL in the query"
    if not _is_utf8(query):
        return "invalid UTF-8 in the query"
    return None


def _body_problem(request):
    charset = request.content_params.get("charset")
    if charset is not None:
        try:
            name = codecs.lookup(charset).name
        except LookupError:
            return "unknown charset"
        if name != "utf-8" and request.content_type in FORM_CONTENT_TYPES:
            return "form body not in UTF-8"
    if request.method != "POST" or request.content_type not in FORM_CONTENT_TYPES:
        return None
    try:
        fields = request.POST
        request.FILES  # noqa: B018 (parsed with the fields; a broken body fails here, once)
    except (MultiPartParserError, SuspiciousOperation, BadRequest, OSError) as error:
        return f"unreadable form body ({type(error).__name__})"
    if any("\x00" in key or any("\x00" in value for value in values) for key, values in fields.lists()):
        return "NUL in a form field"
    return None


class RequestGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        problem = _address_problem(request) or _body_problem(request)
        if problem:
            # Django answers with handler400 and logs one warning line.
            raise BadRequest(problem)
        return self.get_response(request)
