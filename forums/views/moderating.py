"""Moderators' tools on topic pages: pin, lock, close, move, and edit history."""

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from forums import permissions, selectors, services
from forums.forms import MoveForm, ReasonForm
from forums.models import Post
from portal.moderation.models import EditRevision

FLAGS = {
    "pin": ("pinned", True),
    "unpin": ("pinned", False),
    "lock": ("locked", True),
    "unlock": ("locked", False),
    "close": ("closed", True),
    "reopen": ("closed", False),
}


def _moderator_only(request):
    if not permissions.can_moderate(request.user):
        raise PermissionDenied


@require_POST
def topic_flag(request, pk, action):
    _moderator_only(request)
    if action not in FLAGS:
        raise Http404
    topic = selectors.topic_get(pk=pk, user=request.user)
    form = ReasonForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest(_("The reason is too long."))
    flag, value = FLAGS[action]
    services.topic_set_flag(
        topic=topic, moderator=request.user, flag=flag, value=value, reason=form.cleaned_data["reason"]
    )
    messages.success(request, _("The topic is updated."))
    return redirect(topic.get_absolute_url())


@require_POST
def topic_move(request, pk):
    _moderator_only(request)
    topic = selectors.topic_get(pk=pk, user=request.user)
    form = MoveForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest(_("Choose a forum to move the topic to."))
    services.topic_move(
        topic=topic,
        forum=form.cleaned_data["forum"],
        moderator=request.user,
        reason=form.cleaned_data["reason"],
    )
    messages.success(request, _("The topic was moved."))
    return redirect(topic.get_absolute_url())


@require_GET
def post_history(request, pk):
    """Earlier versions of a post, for moderators."""
    _moderator_only(request)
    post = selectors.post_get(pk=pk, user=request.user)
    revisions = EditRevision.objects.filter(
        content_type=ContentType.objects.get_for_model(Post), object_id=post.pk
    ).select_related("edited_by")
    return render(
        request, "forums/post_history.html", {"post": post, "topic": post.topic, "revisions": revisions}
    )
