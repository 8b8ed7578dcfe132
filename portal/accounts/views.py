import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from portal.accounts import selectors, services
from portal.accounts.contributions import contributions as contributions_of
from portal.accounts.export import account_data
from portal.accounts.forms import AccountDeleteForm, DecisionForm, JoinRequestForm, ProfileForm, RoleForm
from portal.accounts.models import Membership, Profile
from portal.idempotency.decorators import idempotent
from portal.models import Organisation


def _form_errors(request, error: ValidationError):
    for message in error.messages:
        messages.error(request, message)


@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    profile_row, _created = Profile.objects.get_or_create(user=request.user)
    if request.method == "POST":
        form = ProfileForm(request.POST, request.FILES)
        if form.is_valid():
            services.profile_update(
                user=request.user,
                display_name=form.cleaned_data["display_name"],
                avatar=form.cleaned_data["avatar"],
                remove_avatar=form.cleaned_data["remove_avatar"],
            )
            messages.success(request, _("Your profile is saved."))
            return redirect("accounts:profile")
        status = 413 if form.has_error("avatar", "too_large") else 400
    else:
        form = ProfileForm(initial={"display_name": profile_row.display_name})
        status = 200
    context = {
        "form": form,
        "profile": profile_row,
        "memberships": selectors.user_memberships(request.user),
        "display_name": selectors.display_name(request.user),
    }
    return render(request, "account/profile.html", context, status=status)


@login_required
@require_GET
def contributions(request):
    return render(request, "account/contributions.html", {"groups": contributions_of(request.user)})


@login_required
@require_GET
def export(request):
    data = json.dumps(account_data(request.user), ensure_ascii=False, indent=2)
    response = HttpResponse(data, content_type="application/json; charset=utf-8")
    filename = f"partnership-portal-{timezone.now():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def delete(request):
    form = AccountDeleteForm(request.POST or None, user=request.user)
    if request.method == "POST":
        if form.is_valid():
            user = request.user
            remove = form.cleaned_data["contributions"] == AccountDeleteForm.REMOVE
            logout(request)
            services.account_delete(user=user, remove_content=remove)
            messages.success(request, _("Your account is deleted."))
            return redirect("/")
        return render(request, "account/account_delete.html", {"form": form}, status=400)
    return render(request, "account/account_delete.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
@idempotent
def join(request):
    initial = {}
    slug = request.GET.get("organisation", "")
    if slug:
        initial["organisation"] = Organisation.objects.filter(slug=slug).first()
    form = JoinRequestForm(request.POST or None, initial=initial)
    if request.method == "POST":
        if form.is_valid():
            try:
                membership = services.membership_request(
                    user=request.user,
                    organisation=form.cleaned_data["organisation"],
                    message=form.cleaned_data["message"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                if membership.is_approved:
                    messages.success(request, _("Welcome: your email address makes you a member at once."))
                else:
                    messages.success(request, _("Your request is sent to the organisation's administrators."))
                return redirect("accounts:profile")
        return render(request, "account/membership_request.html", {"form": form}, status=400)
    return render(request, "account/membership_request.html", {"form": form})


@login_required
@require_POST
def leave(request, pk):
    membership = get_object_or_404(Membership, pk=pk, user=request.user)
    try:
        services.membership_remove(membership=membership, removed_by=request.user)
    except ValidationError as error:
        _form_errors(request, error)
        return redirect("accounts:profile")
    messages.success(request, _("You left %(organisation)s.") % {"organisation": membership.organisation})
    return redirect("accounts:profile")


def _managed_organisation(request, slug):
    organisation = get_object_or_404(Organisation, slug=slug)
    if not selectors.can_manage_members(request.user, organisation):
        raise PermissionDenied
    return organisation


@login_required
@require_GET
def organisation_manage(request, slug):
    organisation = _managed_organisation(request, slug)
    context = {
        "organisation": organisation,
        "requests": selectors.organisation_requests(organisation),
        "members": selectors.organisation_members(organisation),
        "decision_form": DecisionForm(),
        "roles": Membership.Role.choices,
    }
    return render(request, "account/organisation_manage.html", context)


@login_required
@require_POST
def membership_decide(request, slug, pk):
    organisation = _managed_organisation(request, slug)
    membership = get_object_or_404(Membership, pk=pk, organisation=organisation)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        return render(
            request, "account/form_error.html", {"form": form, "organisation": organisation}, status=400
        )
    try:
        services.membership_decide(
            membership=membership,
            decided_by=request.user,
            approve=form.cleaned_data["decision"] == "approve",
            role=form.cleaned_data["role"],
        )
    except ValidationError as error:
        _form_errors(request, error)
        return redirect("accounts:organisation_manage", slug=organisation.slug)
    messages.success(request, _("The decision is saved and the person is told by email."))
    return redirect("accounts:organisation_manage", slug=organisation.slug)


@login_required
@require_POST
def membership_role(request, slug, pk):
    organisation = _managed_organisation(request, slug)
    membership = get_object_or_404(Membership, pk=pk, organisation=organisation)
    form = RoleForm(request.POST)
    if not form.is_valid():
        return render(
            request, "account/form_error.html", {"form": form, "organisation": organisation}, status=400
        )
    try:
        services.membership_change_role(
            membership=membership, role=form.cleaned_data["role"], changed_by=request.user
        )
    except ValidationError as error:
        _form_errors(request, error)
        return redirect("accounts:organisation_manage", slug=organisation.slug)
    messages.success(request, _("The role is changed."))
    return redirect("accounts:organisation_manage", slug=organisation.slug)


@login_required
@require_POST
def membership_remove(request, slug, pk):
    organisation = _managed_organisation(request, slug)
    membership = get_object_or_404(Membership, pk=pk, organisation=organisation)
    try:
        services.membership_remove(membership=membership, removed_by=request.user)
    except ValidationError as error:
        _form_errors(request, error)
        return redirect("accounts:organisation_manage", slug=organisation.slug)
    messages.success(request, _("The member is removed."))
    return redirect("accounts:organisation_manage", slug=organisation.slug)
