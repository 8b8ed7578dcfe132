from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from portal.notifications import selectors, services
from portal.notifications.forms import PreferenceForm
from portal.notifications.tokens import ALL, read_unsubscribe_token
from portal.notifications.verbs import Kind

PAGE_SIZE = 25


@login_required
@require_http_methods(["GET"])
def notification_list(request):
    page = Paginator(selectors.notification_list(user=request.user), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    items = list(page.object_list)
    # Shown once, then read: the page still marks which ones were new.
    services.notifications_mark_read(user=request.user, ids=[n.pk for n in items if n.is_unread])
    return render(request, "notifications/notification_list.html", {"page_obj": page, "items": items})


@login_required
@require_POST
def mark_all_read(request):
    count = services.notifications_mark_read(user=request.user)
    messages.success(request, _("%(count)d notifications marked as read.") % {"count": count})
    return redirect("notifications:list")


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request):
    preference = selectors.preference_for(request.user)
    initial = {} if preference.pk else {"language": get_language()}
    form = PreferenceForm(request.POST or None, instance=preference, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.preference_update(user=request.user, **form.cleaned_data)
        messages.success(request, _("Your notification preferences are saved."))
        return redirect("notifications:preferences")
    status = 400 if form.is_bound else 200
    return render(request, "notifications/preferences.html", {"form": form}, status=status)


# Mail programs send RFC 8058 one-click unsubscribes as a bare POST with no CSRF
# token; the signed token is what proves the request comes from the email.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    parsed = read_unsubscribe_token(token)
    if parsed is None:
        return render(request, "notifications/unsubscribe_invalid.html", status=400)
    user_id, scope = parsed
    if request.method == "POST":
        if services.unsubscribe_apply(user_id=user_id, scope=scope) is None:
            return render(request, "notifications/unsubscribe_invalid.html", status=400)
        return render(request, "notifications/unsubscribe_done.html", {"stops_all": scope == ALL})
    context = {
        "token": token,
        "stops_all": scope == ALL,
        "kind_label": Kind(scope).label if scope != ALL else "",
    }
    return render(request, "notifications/unsubscribe.html", context)
