"""The public moderation log: what was hidden, deleted, locked, closed or moved, when,
by which role and why, without the hidden text."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_GET

from portal.moderation.selectors import public_log as public_log_entries

ENTRIES_PER_PAGE = 50


@require_GET
def public_log(request):
    page = Paginator(public_log_entries(user=request.user), ENTRIES_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(request, "moderation/public_log.html", {"page_obj": page, "entries": page.object_list})
