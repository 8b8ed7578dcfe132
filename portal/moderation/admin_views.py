"""The moderation queue in the Wagtail admin, for moderators only."""

from datetime import timedelta
from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from portal.accounts.selectors import is_moderator
from portal.moderation import selectors, services
from portal.moderation.forms import (
    DeleteForm,
    HideForm,
    ModeratorEditForm,
    RestoreForm,
    SuspendForm,
    TrustLevelForm,
)
from portal.moderation.models import Suspension

LOG_PER_PAGE = 50


def moderators_only(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not is_moderator(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def _item_url(content_type, content):
    return reverse("moderation_admin:item", args=[content_type.pk, content.pk])


@moderators_only
@require_GET
def queue(request):
    return render(
        request, "moderation/admin/queue.html", {"items": selectors.moderation_queue(user=request.user)}
    )


@moderators_only
@require_GET
def item(request, content_type_id, object_id):
    content_type, content = selectors.moderated_object(content_type_id=content_type_id, object_id=object_id)
    history = selectors.author_history(content.author)
    override = history.profile.trust_level if history and history.profile else None
    # Each form gets its own ids: several share field names, and every label must
    # point at its own field.
    context = {
        "content": content,
        "content_type": content_type,
        "thread": selectors.thread_context(content),
        "reports": selectors.reports_for(content),
        "revisions": selectors.revisions_for(content),
        "actions": selectors.actions_for(content),
        "history": history,
        "hide_form": HideForm(auto_id="hide_%s"),
        "delete_form": DeleteForm(auto_id="delete_%s"),
        "restore_form": RestoreForm(auto_id="restore_%s"),
        "edit_form": ModeratorEditForm(auto_id="edit_%s", initial={"body": content.body_source}),
        "suspend_form": SuspendForm(auto_id="suspend_%s"),
        "trust_form": TrustLevelForm(auto_id="trust_%s", initial={"level": override}),
    }
    return render(request, "moderation/admin/item.html", context)


def _invalid(request, content_type, content, form):
    for errors in form.errors.values():
        messages.error(request, " ".join(errors))
    return redirect(_item_url(content_type, content))


@moderators_only
@require_POST
def decide(request, content_type_id, object_id, decision):
    """Approve, hide, restore, delete or edit one piece of content."""
    content_type, content = selectors.moderated_object(content_type_id=content_type_id, object_id=object_id)
    moderator = request.user
    if decision == "approve":
        services.content_approve(content=content, moderator=moderator)
        messages.success(request, _("Approved."))
        return redirect("moderation_admin:queue")
    forms = {"hide": HideForm, "delete": DeleteForm, "restore": RestoreForm, "edit": ModeratorEditForm}
    if decision not in forms:
        return redirect(_item_url(content_type, content))
    form = forms[decision](request.POST)
    if not form.is_valid():
        return _invalid(request, content_type, content, form)
    reason = form.cleaned_data["reason"]
    if decision == "hide":
        services.content_hide(content=content, moderator=moderator, reason=reason)
        messages.success(request, _("Hidden; the author has been told why."))
    elif decision == "delete":
        services.content_delete(content=content, moderator=moderator, reason=reason)
        messages.success(request, _("Deleted."))
    elif decision == "restore":
        services.content_restore(content=content, moderator=moderator, reason=reason)
        messages.success(request, _("Restored."))
    else:
        services.content_moderator_edit(
            content=content, moderator=moderator, source=form.cleaned_data["body"], reason=reason
        )
        messages.success(request, _("The text was changed."))
    return redirect(_item_url(content_type, content))


def _decide_about_author(request, content_type_id, object_id, form_class, decision, success):
    """Run ``decision(author, cleaned_data)`` on the item's author from a valid form;
    a refusal by the service is told to the moderator, not raised."""
    content_type, content = selectors.moderated_object(content_type_id=content_type_id, object_id=object_id)
    form = form_class(request.POST)
    if content.author is None or not form.is_valid():
        return _invalid(request, content_type, content, form)
    try:
        decision(content.author, form.cleaned_data)
    except PermissionDenied as error:
        messages.error(request, str(error))
    else:
        messages.success(request, success)
    return redirect(_item_url(content_type, content))


@moderators_only
@require_POST
def suspend_author(request, content_type_id, object_id):
    def suspend(author, data):
        services.user_suspend(
            user=author,
            moderator=request.user,
            ends_at=timezone.now() + timedelta(days=data["days"]),
            reason=data["reason"],
        )

    return _decide_about_author(
        request, content_type_id, object_id, SuspendForm, suspend, _("The author is suspended.")
    )


@moderators_only
@require_POST
def set_trust_level(request, content_type_id, object_id):
    """Set (or clear) the trust level of the item's author."""

    def set_level(author, data):
        services.user_trust_level_set(
            user=author, moderator=request.user, level=data["level"], reason=data["reason"]
        )

    return _decide_about_author(
        request,
        content_type_id,
        object_id,
        TrustLevelForm,
        set_level,
        _("The author's trust level is saved."),
    )


@moderators_only
@require_GET
def suspensions(request):
    return render(
        request, "moderation/admin/suspensions.html", {"suspensions": selectors.suspension_list()[:200]}
    )


@moderators_only
@require_POST
def suspension_lift(request, pk):
    suspension = get_object_or_404(Suspension, pk=pk, lifted_at__isnull=True)
    services.suspension_lift(suspension=suspension, moderator=request.user)
    messages.success(request, _("The suspension is lifted."))
    return redirect("moderation_admin:suspensions")


@moderators_only
@require_GET
def audit_log(request):
    page = Paginator(selectors.audit_log(), LOG_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "moderation/admin/audit_log.html", {"page_obj": page, "actions": page.object_list})
