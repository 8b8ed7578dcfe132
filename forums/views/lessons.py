"""Drafting a lesson learned from a discussion's marked outcome."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from forums import lessons, permissions, selectors
from forums.forms import LessonDraftForm
from forums.views.common import deny
from portal.idempotency.decorators import idempotent
from portal.moderation.decorators import refuse_when_suspended

TEMPLATE = "forums/lesson_draft.html"


def _editor_url(lesson) -> str:
    return reverse("wagtailadmin_pages:edit", args=[lesson.pk])


@require_http_methods(["GET", "POST"])
@refuse_when_suspended
@idempotent
def lesson_draft(request, pk):
    """Ask, then create the draft and open it in the editor. A partners-only
    discussion is quoted only when the editor ticks the box saying so."""
    topic = selectors.topic_get(pk=pk, user=request.user)
    if not permissions.can_draft_lesson(request.user, topic):
        return deny(request)
    if topic.lesson_id is not None:
        return redirect(_editor_url(topic.lesson))
    needs_consent = lessons.quotes_need_consent(topic)
    form = LessonDraftForm(request.POST if request.method == "POST" else None)
    context = {"topic": topic, "forum": topic.forum, "form": form, "needs_consent": needs_consent}
    if request.method == "GET":
        return render(request, TEMPLATE, context)
    if not form.is_valid():
        return render(request, TEMPLATE, context, status=400)
    quote = form.cleaned_data["quote"] if needs_consent else True
    try:
        lesson = lessons.lesson_draft_from_topic(topic=topic, user=request.user, quote=quote)
    except lessons.LessonAlreadyDrafted as drafted:
        return redirect(_editor_url(drafted.lesson))
    except ValidationError as error:
        form.add_error(None, error)
        return render(request, TEMPLATE, context, status=400)
    messages.success(
        request, _("The lesson learned draft is ready and waits for its organisations' sign-off.")
    )
    return redirect(_editor_url(lesson))
