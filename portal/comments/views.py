"""Comment actions: plain POST forms that return to the page with a message, and
pages of their own for previews, errors, edits, reports and confirmations."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from wagtail.models import Page

from portal.comments import permissions, selectors, services
from portal.comments.forms import CommentEditForm, CommentForm, ModerateForm, ReportForm
from portal.comments.models import Comment
from portal.idempotency.decorators import idempotent
from portal.markup import render_markdown
from portal.moderation import services as moderation
from portal.moderation.decorators import refuse_when_suspended, suspended_page
from portal.moderation.services import AlreadyReported, PostingNotAllowed, Suspended
from portal.notifications import services as notifications

REFUSED_STATUS = 429


def _page(request, page_id):
    page = Page.objects.live().filter(pk=page_id).first()
    if page is None:
        raise Http404
    page = page.specific
    if not permissions.page_visible_to(request.user, page) or not permissions.is_commentable(page):
        raise Http404
    return page


def _page_url(request, page, comment=None) -> str:
    url = page.get_url(request) or "/"
    return f"{url}#comment-{comment.pk}" if comment is not None else f"{url}#comments"


def _denied(request, message, status=403):
    return render(request, "comments/denied.html", {"message": message}, status=status)


@require_GET
def comment_detail(request, pk):
    comment = selectors.comment_get(pk=pk, user=request.user)
    return redirect(_page_url(request, comment.page, comment))


@login_required
@require_POST
@refuse_when_suspended
@idempotent
def comment_create(request, page_id):
    page = _page(request, page_id)
    form = CommentForm(request.POST)
    context = {"page": page, "form": form, "preview": None, "parent": None}
    if not form.is_valid():
        return render(request, "comments/comment_form.html", context, status=400)
    parent_id = form.cleaned_data.get("parent")
    if parent_id:
        context["parent"] = Comment.objects.filter(
            pk=parent_id, page_id=page.pk, status=Comment.Status.VISIBLE
        ).first()
        if context["parent"] is None:
            form.add_error(None, _("The comment you answered is no longer available."))
            return render(request, "comments/comment_form.html", context, status=400)
        context["parent"].page = page
    if "preview" in request.POST:
        context["preview"] = render_markdown(form.cleaned_data["body"])
        return render(request, "comments/comment_form.html", context)
    arguments = {"author": request.user, "body": form.cleaned_data["body"], "language": get_language()}
    try:
        if context["parent"] is not None:
            comment = services.comment_reply(parent=context["parent"], **arguments)
        else:
            comment = services.comment_create(page=page, **arguments)
    except Suspended as error:
        return suspended_page(request, error.until)
    except PostingNotAllowed as error:
        messages.error(request, error.message)
        return render(request, "comments/comment_form.html", context, status=REFUSED_STATUS)
    except PermissionDenied as error:
        form.add_error(None, str(error) or _("You cannot comment on this page."))
        return render(request, "comments/comment_form.html", context, status=403)
    except ValidationError as error:
        form.add_error("body", error)
        return render(request, "comments/comment_form.html", context, status=400)
    if comment.status == Comment.Status.HELD:
        messages.info(request, _("Thank you. Your comment will appear once a moderator has approved it."))
    else:
        messages.success(request, _("Your comment is published."))
    return redirect(_page_url(request, page, comment))


@login_required
@require_http_methods(["GET", "POST"])
@refuse_when_suspended
@idempotent
def comment_edit(request, pk):
    comment = selectors.comment_get(pk=pk, user=request.user)
    closed = selectors.comments_closed(comment.page)
    if not permissions.can_edit_comment(request.user, comment, closed=closed):
        return _denied(request, _("You cannot edit this comment."))
    form = CommentEditForm(request.POST or None, initial={"body": comment.body_source})
    context = {"comment": comment, "page": comment.page, "form": form, "preview": None}
    if request.method == "GET":
        return render(request, "comments/comment_edit.html", context)
    if not form.is_valid():
        return render(request, "comments/comment_edit.html", context, status=400)
    if "preview" in request.POST:
        context["preview"] = render_markdown(form.cleaned_data["body"])
        return render(request, "comments/comment_edit.html", context)
    try:
        services.comment_edit(
            comment=comment,
            editor=request.user,
            body=form.cleaned_data["body"],
            reason=form.cleaned_data["reason"],
        )
    except ValidationError as error:
        form.add_error(None, error)
        return render(request, "comments/comment_edit.html", context, status=400)
    messages.success(request, _("Your changes are saved."))
    return redirect(_page_url(request, comment.page, comment))


@login_required
@require_http_methods(["GET", "POST"])
@refuse_when_suspended
@idempotent
def comment_delete(request, pk):
    comment = selectors.comment_get(pk=pk, user=request.user)
    if not permissions.can_delete_comment(request.user, comment):
        return _denied(request, _("You can only delete what you wrote."))
    if request.method == "POST":
        services.comment_delete(comment=comment, user=request.user)
        messages.success(request, _("Your comment is deleted."))
        return redirect(_page_url(request, comment.page))
    return render(request, "comments/comment_confirm_delete.html", {"comment": comment, "page": comment.page})


@login_required
@require_http_methods(["GET", "POST"])
@refuse_when_suspended
@idempotent
def comment_report(request, pk):
    comment = selectors.comment_get(pk=pk, user=request.user)
    if not permissions.can_report_comment(request.user, comment):
        return _denied(request, _("You cannot report this comment."))
    form = ReportForm(request.POST or None)
    context = {"comment": comment, "page": comment.page, "form": form}
    if request.method == "POST":
        if not form.is_valid():
            return render(request, "comments/comment_report.html", context, status=400)
        try:
            moderation.content_report(
                content=comment,
                reporter=request.user,
                reason=form.cleaned_data["reason"],
                details=form.cleaned_data["details"],
            )
        except AlreadyReported:
            messages.info(
                request, _("You have already reported this comment; the moderators will look at it.")
            )
        else:
            messages.success(request, _("Thank you. The moderators will look at this comment."))
        return redirect(_page_url(request, comment.page, comment))
    return render(request, "comments/comment_report.html", context)


@login_required
@require_POST
def comment_moderate(request, pk):
    comment = selectors.comment_get(pk=pk, user=request.user)
    if not permissions.can_moderate(request.user):
        return _denied(request, _("Only moderators may do this."))
    form = ModerateForm(request.POST)
    if not form.is_valid():
        return _denied(request, _("This moderation request was not understood."), status=400)
    action, reason = form.cleaned_data["action"], form.cleaned_data["reason"].strip()
    if action in ("hide", "delete") and not reason:
        messages.error(request, _("Give a reason: the author is told, and it appears in the moderation log."))
        return redirect(_page_url(request, comment.page, comment))
    if action == "hide":
        moderation.content_hide(content=comment, moderator=request.user, reason=reason)
    elif action == "delete":
        moderation.content_delete(content=comment, moderator=request.user, reason=reason)
    elif action == "restore":
        moderation.content_restore(content=comment, moderator=request.user, reason=reason)
    else:
        moderation.content_approve(content=comment, moderator=request.user)
    messages.success(request, _("Done. The decision is recorded in the moderation log."))
    return redirect(_page_url(request, comment.page, comment))


@login_required
@require_POST
@refuse_when_suspended
def comments_toggle(request, page_id):
    page = _page(request, page_id)
    closing = request.POST.get("closed") == "1"
    try:
        if closing:
            services.comments_close(page=page, user=request.user)
        else:
            services.comments_open(page=page, user=request.user)
    except PermissionDenied as error:
        return _denied(request, str(error))
    messages.success(request, _("Comments are closed.") if closing else _("Comments are open again."))
    return redirect(_page_url(request, page))


@login_required
@require_POST
def page_follow(request, page_id):
    page = _page(request, page_id)
    if request.POST.get("follow") == "1":
        notifications.watch_start(user=request.user, target=page)
        messages.success(request, _("You will be notified of new comments on this page."))
    else:
        notifications.watch_stop(user=request.user, target=page)
        messages.success(request, _("You will no longer be notified of new comments on this page."))
    return redirect(_page_url(request, page))
