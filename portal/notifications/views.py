from django.apps import apps
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.models import Page

from portal.notifications import selectors, services
from portal.notifications.forms import PreferenceForm
from portal.notifications.tokens import ALL, read_unsubscribe_token
from portal.notifications.verbs import Kind

PAGE_SIZE = 25
# What can be watched, by the name used in addresses.
WATCHABLE = {"forum": "forums.Forum", "topic": "forums.Topic", "page": "wagtailcore.Page"}


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


def _watch_target(model: str, object_id: int, user):
    try:
        model_class = apps.get_model(WATCHABLE[model])
    except (KeyError, LookupError):
        raise Http404 from None
    queryset = model_class.objects.all()
    if model_class is Page:
        queryset = queryset.live()
    target = queryset.filter(pk=object_id).first()
    can_view = getattr(target, "can_view", None)
    if target is None or (can_view is not None and not can_view(user)):
        raise Http404
    return target


@login_required
@require_POST
def watch_toggle(request, model, object_id):
    target = _watch_target(model, object_id, request.user)
    if request.POST.get("watch") == "1":
        services.watch_start(user=request.user, target=target)
        messages.success(request, _("You will be notified of new activity."))
    else:
        services.watch_stop(user=request.user, target=target)
        messages.success(request, _("You will no longer be notified of new activity here."))
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        next_url = "notifications:list"
    return redirect(next_url)
