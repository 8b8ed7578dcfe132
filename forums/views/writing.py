"""Pages and actions for writing in the forums."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseBadRequest, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.models import Page

from forums import permissions, selectors, services
from forums.forms import PostEditForm, PostForm, PreviewForm, ReportForm, TopicForm
from forums.templatetags.forums_tags import reactors_sentence
from forums.views.common import deny, post_url
from portal import audience
from portal.idempotency.decorators import idempotent
from portal.markup import render_markdown
from portal.moderation.decorators import refuse_when_suspended, suspended_page
from portal.moderation.services import AlreadyReported, PostingNotAllowed, Suspended, content_report

POSTING_REFUSED_STATUS = 429


def _resource(request):
    """The brief, lesson or joint action a new topic will discuss, if one was named."""
    raw = request.POST.get("resource") or request.GET.get("resource")
    if not raw or not str(raw).isdigit():
        return None
    return audience.filter_pages(Page.objects.all(), request.user).filter(pk=int(raw)).first()


def _preview(request, form):
    if "preview" in request.POST and form.is_valid():
        return render_markdown(form.cleaned_data["body"])
    return None


def _refused(request, template, context, error):
    if isinstance(error, Suspended):
        return suspended_page(request, error.until)
    messages.error(request, error.message)
    return render(request, template, context, status=POSTING_REFUSED_STATUS)


@require_http_methods(["GET", "POST"])
@refuse_when_suspended
@idempotent
def topic_create(request, slug):
    forum = selectors.forum_get(slug=slug, user=request.user)
    if not permissions.can_post_in_forum(request.user, forum):
        return deny(request)
    resource = _resource(request)
    if request.method == "POST":
        form = TopicForm(request.POST)
    else:
        form = TopicForm(initial={"title": resource.title if resource else ""})
    context = {"forum": forum, "form": form, "resource": resource, "preview": None}
    if request.method == "POST":
        context["preview"] = _preview(request, form)
        if form.is_valid() and context["preview"] is None:
            try:
                topic = services.topic_create(
                    forum=forum,
                    author=request.user,
                    title=form.cleaned_data["title"],
                    body=form.cleaned_data["body"],
                    linked_page=resource,
                    language=get_language(),
                )
            except PostingNotAllowed as error:
                return _refused(request, "forums/topic_form.html", context, error)
            if topic.status == topic.Status.HELD:
                messages.info(
                    request, _("Thank you. Your topic will appear once a moderator has approved it.")
                )
            return redirect(topic.get_absolute_url())
        if not form.is_valid():
            return render(request, "forums/topic_form.html", context, status=400)
    return render(request, "forums/topic_form.html", context)


def _quote_source(post) -> str:
    lines = post.body_source.strip().splitlines() or [""]
    return "\n".join(f"> {line}" for line in lines) + "\n\n"


@require_http_methods(["GET", "POST"])
@refuse_when_suspended
@idempotent
def post_create(request, pk):
    topic = selectors.topic_get(pk=pk, user=request.user)
    if not permissions.can_reply(request.user, topic):
        return deny(request)
    visible = selectors.post_list(topic=topic, user=request.user)
    if request.method == "POST":
        form = PostForm(request.POST)
    else:
        quoted = visible.filter(pk=_int(request.GET.get("quote")), status="visible").first()
        reply_to = visible.filter(pk=_int(request.GET.get("reply_to")), status="visible").first() or quoted
        form = PostForm(
            initial={
                "body": _quote_source(quoted) if quoted else "",
                "quoted": quoted.pk if quoted else None,
                "reply_to": reply_to.pk if reply_to else None,
            }
        )
    context = {"topic": topic, "forum": topic.forum, "form": form, "preview": None}
    if request.method == "GET":
        return render(request, "forums/post_form.html", context)
    context["preview"] = _preview(request, form)
    if not form.is_valid():
        return render(request, "forums/post_form.html", context, status=400)
    if context["preview"] is not None:
        return render(request, "forums/post_form.html", context)
    related = {}
    for field in ("reply_to", "quoted"):
        value = form.cleaned_data.get(field)
        related[field] = visible.filter(pk=value).first() if value else None
        if value and related[field] is None:
            form.add_error(None, _("The post you answered is no longer available."))
            return render(request, "forums/post_form.html", context, status=400)
    try:
        post = services.post_create(
            topic=topic,
            author=request.user,
            body=form.cleaned_data["body"],
            language=get_language(),
            **related,
        )
    except PostingNotAllowed as error:
        return _refused(request, "forums/post_form.html", context, error)
    except ValidationError as error:
        form.add_error(None, error)
        return render(request, "forums/post_form.html", context, status=400)
    if post.status == post.Status.HELD:
        messages.info(request, _("Thank you. Your reply will appear once a moderator has approved it."))
    return redirect(post_url(post, request.user))


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


@require_http_methods(["GET", "POST"])
@refuse_when_suspended
@idempotent
def post_edit(request, pk):
    post = selectors.post_get(pk=pk, user=request.user)
    if not permissions.can_edit_post(request.user, post):
        return deny(request)
    topic = post.topic
    initial = {"body": post.body_source, "title": topic.title if post.is_first else ""}
    form = PostEditForm(request.POST or None, initial=initial)
    context = {"post": post, "topic": topic, "forum": topic.forum, "form": form, "preview": None}
    if request.method == "POST":
        context["preview"] = _preview(request, form)
        if not form.is_valid():
            return render(request, "forums/post_edit_form.html", context, status=400)
        if context["preview"] is None:
            if post.is_first and form.cleaned_data.get("title"):
                services.topic_edit_title(topic=topic, editor=request.user, title=form.cleaned_data["title"])
            services.post_edit(post=post, editor=request.user, body=form.cleaned_data["body"])
            messages.success(request, _("Your changes are saved."))
            return redirect(post_url(post, request.user))
    return render(request, "forums/post_edit_form.html", context)


@login_required
@require_POST
@refuse_when_suspended
@idempotent
def post_delete(request, pk):
    post = selectors.post_get(pk=pk, user=request.user)
    if not permissions.can_delete_post(request.user, post):
        raise PermissionDenied
    services.post_delete(post=post, user=request.user)
    messages.success(request, _("Your post was deleted."))
    return redirect(post_url(post, request.user))


@require_http_methods(["GET", "POST"])
@refuse_when_suspended
@idempotent
def post_report(request, pk):
    post = selectors.post_get(pk=pk, user=request.user)
    if not permissions.can_report_post(request.user, post):
        return deny(request)
    form = ReportForm(request.POST or None)
    if request.method == "POST":
        if not form.is_valid():
            return render(request, "forums/post_report.html", {"post": post, "form": form}, status=400)
        try:
            content_report(
                content=post,
                reporter=request.user,
                reason=form.cleaned_data["reason"],
                details=form.cleaned_data["details"],
            )
            messages.success(request, _("Thank you. The moderators will look at this post."))
        except AlreadyReported:
            messages.info(request, _("You have already reported this post; the moderators will look at it."))
        return redirect(post_url(post, request.user))
    return render(request, "forums/post_report.html", {"post": post, "form": form})


@login_required
@require_POST
@refuse_when_suspended
@idempotent
def post_react(request, pk):
    post = selectors.post_get(pk=pk, user=request.user)
    if not permissions.can_react(request.user, post):
        raise PermissionDenied
    reacted = services.reaction_toggle(post=post, user=request.user)
    if "application/json" in request.headers.get("Accept", ""):
        # The enhanced button updates in place with the count and names as they now are.
        post.refresh_from_db(fields=["helpful_count"])
        _mine, names = selectors.reactions_on(user=request.user, posts=[post])
        return JsonResponse(
            {
                "reacted": reacted,
                "count": post.helpful_count,
                "names": reactors_sentence(names.get(post.pk, []), post.helpful_count),
            }
        )
    return redirect(post_url(post, request.user))


@login_required
@require_POST
@refuse_when_suspended
@idempotent
def post_mark_answer(request, pk):
    post = selectors.post_get(pk=pk, user=request.user)
    try:
        services.post_mark_answer(post=post, user=request.user)
    except ValidationError as error:
        return HttpResponseBadRequest(" ".join(error.messages))
    return redirect(post_url(post, request.user))


@login_required
@require_POST
@idempotent
def forum_watch(request, slug):
    forum = selectors.forum_get(slug=slug, user=request.user)
    watching = services.subscription_toggle(user=request.user, target=forum)
    messages.success(
        request, _("You now follow this forum.") if watching else _("You no longer follow this forum.")
    )
    return redirect(forum.get_absolute_url())


@login_required
@require_POST
@idempotent
def topic_watch(request, pk):
    topic = selectors.topic_get(pk=pk, user=request.user)
    watching = services.subscription_toggle(user=request.user, target=topic)
    messages.success(
        request, _("You now follow this topic.") if watching else _("You no longer follow this topic.")
    )
    return redirect(topic.get_absolute_url())


@login_required
@require_POST
def preview(request):
    """The rendered form of a draft, for the live preview next to the editor."""
    form = PreviewForm(request.POST)
    if not form.is_valid():
        return JsonResponse({"error": _("The text is too long.")}, status=400)
    return JsonResponse({"html": render_markdown(form.cleaned_data["body"])})
