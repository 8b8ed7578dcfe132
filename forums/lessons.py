"""A forum outcome becomes a lesson learned: the draft, prefilled from the
discussion, is created in the Wagtail admin for the editor's organisation and
entered into the organisation sign-off.

The draft is built from the discussion's words as plain text, put into paragraphs
here (escaped), so nothing a person wrote becomes markup in a page. A discussion
that not everybody may read is quoted only when the editor chooses to: a lesson
learned is public once published.
"""

import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from forums import permissions
from forums.models import Post, Topic
from knowledge.models import JointActionPage, LessonLearnedIndexPage, LessonLearnedPage
from portal.accounts.selectors import display_name
from portal.accounts.workflows import sign_off_workflow_ensure
from portal.i18n import current_language
from portal.markup import html_to_text
from portal.site_address import absolute_url

SUMMARY_MAX_LENGTH = 600
THREAD_POINTS = 5
SENTENCE_MAX_LENGTH = 240
SENTENCE_END_RE = re.compile(r"(?<=[.!?؟。])\s")


class LessonAlreadyDrafted(Exception):
    """The topic already became a lesson learned; its page is ``lesson``."""

    def __init__(self, lesson):
        super().__init__(str(lesson))
        self.lesson = lesson


def first_sentence(text: str) -> str:
    """The opening sentence of ``text``, shortened to a readable length."""
    sentence = SENTENCE_END_RE.split(text.strip(), maxsplit=1)[0]
    return Truncator(sentence).chars(SENTENCE_MAX_LENGTH)


def quotes_need_consent(topic: Topic) -> bool:
    """Whether quoting the discussion in a (public) lesson needs the editor's choice."""
    return topic.forum.is_restricted


def lessons_index(*, language: str) -> LessonLearnedIndexPage | None:
    """The lessons learned index in ``language``, or the first one there is."""
    indexes = LessonLearnedIndexPage.objects.order_by("path")
    return indexes.filter(locale__language_code=language).first() or indexes.first()


def _joint_action(topic: Topic) -> JointActionPage | None:
    for page_id in (topic.forum.joint_action_id, topic.linked_page_id):
        if page_id is not None:
            found = JointActionPage.objects.filter(pk=page_id).first()
            if found is not None:
                return found
    return None


def _paragraphs(text: str) -> str:
    return format_html("<p>{}</p>", text) if text else ""


def _thread_points(topic: Topic, outcome: Post) -> list[tuple[str, str]]:
    """A plain extractive summary: the opening sentence of the replies readers found
    most helpful (then the earliest), in the order they were written."""
    replies = (
        topic.posts.filter(status=Post.Status.VISIBLE, number__gt=1)
        .exclude(pk=outcome.pk)
        .select_related("author", "author__profile")
        .order_by("-helpful_count", "number")[:THREAD_POINTS]
    )
    chosen = sorted(replies, key=lambda post: post.number)
    return [(_author(post), first_sentence(html_to_text(post.body_html))) for post in chosen]


def _author(post: Post) -> str:
    return display_name(post.author) if post.author is not None else _("former member")


def _prefill(topic: Topic, outcome: Post, *, quote: bool) -> dict:
    url = absolute_url(topic.get_absolute_url())
    if not quote:
        return {
            "title": _("Lesson learned from a partners' discussion"),
            "summary": _(
                "Write a summary that everybody may read: this lesson will be public once published."
            ),
            "context": format_html(
                '<p><a href="{}">{}</a></p>', url, _("Drafted from a partners-only discussion")
            ),
        }
    link = format_html('<p>{} <a href="{}">{}</a></p>', _("Drafted from the discussion:"), url, topic.title)
    opening = topic.posts.filter(number=1).first()
    opening_text = html_to_text(opening.body_html) if opening else ""
    outcome_text = html_to_text(outcome.body_html)
    points = _thread_points(topic, outcome)
    summary = " ".join(part for part in (first_sentence(opening_text), first_sentence(outcome_text)) if part)
    return {
        "title": topic.title,
        "summary": Truncator(summary).chars(SUMMARY_MAX_LENGTH),
        "context": link + _paragraphs(opening_text),
        "what_worked": _paragraphs(outcome_text)
        + format_html("<p>{}</p>", _("Outcome recorded by %(name)s.") % {"name": _author(outcome)}),
        "evidence": format_html("<ul>{}</ul>", format_html_join("", "<li>{}: {}</li>", points))
        if points
        else "",
    }


@transaction.atomic
def lesson_draft_from_topic(*, topic: Topic, user, quote: bool = False) -> LessonLearnedPage:
    """Create a lesson learned draft from ``topic``'s marked outcome, for the
    organisations that took part and that ``user`` edits for, and enter it into the
    organisation sign-off. ``quote`` says whether the discussion's words may go into
    it; for a partners-only discussion only the editor's explicit choice sets it.

    Raises ``LessonAlreadyDrafted`` when the topic already has its lesson (a second
    click answers with the first draft)."""
    topic = (
        Topic.objects.select_for_update(of=("self",))
        .select_related("forum", "answer", "answer__author")
        .get(pk=topic.pk)
    )
    if not permissions.can_draft_lesson(user, topic):
        raise PermissionDenied(_("Only an editor of an organisation that took part can draft this lesson."))
    if topic.lesson_id is not None:
        raise LessonAlreadyDrafted(topic.lesson.specific)
    outcome = topic.answer
    if outcome is None or not outcome.is_visible:
        raise ValidationError(_("Mark the outcome of the discussion first."))
    index = lessons_index(language=current_language())
    if index is None:
        raise ValidationError(_("There is no lessons learned section to add the lesson to yet."))
    lesson = LessonLearnedPage(
        owner=user,
        live=False,
        locale=index.locale,
        related_joint_action=_joint_action(topic),
        **_prefill(topic, outcome, quote=quote),
    )
    index.add_child(instance=lesson)
    # Parental relations are committed by the page's own save, then kept in the revision.
    lesson.organisations.set(sorted(permissions.topic_organisation_ids(topic)))
    if topic.forum.theme_id is not None:
        lesson.themes.set([topic.forum.theme_id])
    lesson.save()
    lesson.save_revision(user=user, log_action=True)
    # A lesson is the organisations' word: it goes through their sign-off, whatever
    # workflow the section would otherwise give a new page.
    sign_off_workflow_ensure().start(lesson, user)
    topic.lesson = lesson
    topic.save(update_fields=["lesson"])
    return lesson
