"""A marked outcome becomes a lesson learned draft: who may, what it holds, the
sign-off it enters, and what a partners-only discussion lets it quote."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from forums import lessons, permissions
from forums.models import Topic
from knowledge.models import LessonLearnedPage
from portal.accounts.models import Membership
from portal.accounts.workflows import OrganisationSignOffTask
from tests.accounts.factories import MembershipFactory
from tests.forums.factories import PostFactory, TopicFactory
from tests.knowledge.factories import (
    JointActionIndexPageFactory,
    JointActionPageFactory,
    LessonLearnedIndexPageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def lessons_index(home_page):
    return LessonLearnedIndexPageFactory(parent=home_page)


@pytest.fixture
def editor(organisation):
    return MembershipFactory(organisation=organisation, role=Membership.Role.EDITOR).user


def discussion(forum, editor, *, title="Cash transfers in winter"):
    topic = TopicFactory(
        forum=forum, title=title, author=editor, opening="Families ran out of fuel. What helped?"
    )
    colleague = MembershipFactory(organisation=editor.memberships.get().organisation).user
    outcome = PostFactory(topic=topic, author=colleague, body="Paying in October worked. Later was too late.")
    PostFactory(
        topic=topic, author=colleague, body="Vouchers were slower. Banks were closed.", helpful_count=3
    )
    Topic.objects.filter(pk=topic.pk).update(answer=outcome)
    topic.refresh_from_db()
    return topic, outcome


def test_only_editors_of_an_organisation_that_took_part_may_draft(public_forum, editor, member, roles):
    topic, _outcome = discussion(public_forum, editor)
    outsider = MembershipFactory(role=Membership.Role.EDITOR).user
    assert permissions.can_draft_lesson(editor, topic)
    assert not permissions.can_draft_lesson(outsider, topic)
    for role in ("anonymous", "registered", "member", "moderator"):
        assert not permissions.can_draft_lesson(roles[role], topic), role
    Topic.objects.filter(pk=topic.pk).update(answer=None)
    topic.refresh_from_db()
    assert not permissions.can_draft_lesson(editor, topic)


def test_the_draft_is_prefilled_signed_off_and_linked(
    public_forum, editor, organisation, lessons_index, client_for, home_page
):
    joint_action = JointActionPageFactory(parent=JointActionIndexPageFactory(parent=home_page))
    public_forum.joint_action = joint_action
    public_forum.save()
    topic, outcome = discussion(public_forum, editor)
    client = client_for(editor)
    url = reverse("forums:lesson_draft", args=[topic.pk])
    assert "Create the draft" in client.get(url).content.decode()
    response = client.post(url)
    lesson = LessonLearnedPage.objects.get()
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[lesson.pk])
    assert not lesson.live and lesson.get_parent().pk == lessons_index.pk
    assert lesson.title == "Cash transfers in winter"
    assert lesson.summary == "Families ran out of fuel. Paying in October worked."
    assert "Paying in October worked. Later was too late." in lesson.what_worked
    assert "Vouchers were slower." in lesson.evidence
    assert topic.get_absolute_url() in lesson.context
    assert lesson.related_joint_action_id == joint_action.pk
    assert list(lesson.organisations.values_list("pk", flat=True)) == [organisation.pk]
    assert isinstance(lesson.current_workflow_task.specific, OrganisationSignOffTask)
    topic.refresh_from_db()
    assert topic.lesson_id == lesson.pk
    # Asking again opens the same draft instead of a second one.
    assert client.post(url)["Location"] == response["Location"]
    assert LessonLearnedPage.objects.count() == 1


def test_the_topic_names_its_lesson_once_published(public_forum, editor, lessons_index, client_for):
    topic, _outcome = discussion(public_forum, editor)
    lesson = lessons.lesson_draft_from_topic(topic=topic, user=editor)
    page = client_for().get(topic.get_absolute_url()).content.decode()
    assert "This discussion became a lesson learned" not in page
    lesson.get_latest_revision().publish()
    page = client_for().get(topic.get_absolute_url()).content.decode()
    assert "This discussion became a lesson learned" in page
    assert Page.objects.get(pk=lesson.pk).url in page


def test_a_partners_only_discussion_is_quoted_only_by_choice(
    partners_forum, editor, lessons_index, client_for
):
    topic, _outcome = discussion(partners_forum, editor, title="Confidential route change")
    client = client_for(editor)
    url = reverse("forums:lesson_draft", args=[topic.pk])
    assert "the lesson learned will be once published" in client.get(url).content.decode()
    client.post(url)
    lesson = LessonLearnedPage.objects.get()
    text = " ".join(
        str(getattr(lesson, name)) for name in ("title", "summary", "context", "what_worked", "evidence")
    )
    for secret in ("Confidential route change", "Families", "October", "Vouchers"):
        assert secret not in text


def test_a_partners_only_discussion_is_quoted_when_the_editor_ticks_the_box(
    partners_forum, editor, lessons_index, client_for
):
    topic, _outcome = discussion(partners_forum, editor, title="Confidential route change")
    client_for(editor).post(reverse("forums:lesson_draft", args=[topic.pk]), {"quote": "on"})
    lesson = LessonLearnedPage.objects.get()
    assert lesson.title == "Confidential route change"
    assert "Paying in October worked." in lesson.what_worked


def test_people_who_may_not_draft_are_refused(public_forum, editor, member, lessons_index, client_for):
    topic, _outcome = discussion(public_forum, editor)
    url = reverse("forums:lesson_draft", args=[topic.pk])
    assert client_for(member).post(url).status_code == 403
    assert client_for().post(url).status_code == 302  # asked to sign in
    assert not LessonLearnedPage.objects.exists()
