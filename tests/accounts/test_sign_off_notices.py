"""Sign-off news: the reviewers hear that a page awaits their sign-off, the page's
author hears of each organisation's sign-off and of the publication, each in the
app and by email, in their own language, with an excerpt."""

import pytest

from portal.notifications.models import EmailOutbox, Notification
from portal.notifications.services import preference_update
from portal.notifications.verbs import Verb
from tests.accounts.test_sign_off import _approve, _person, _submit, briefs, orgs  # noqa: F401 - fixtures
from tests.knowledge.factories import PolicyBriefPageFactory

pytestmark = pytest.mark.django_db
SUMMARY = "Mobile clinics reach refugees in Zarqa and Mafraq within a day."


@pytest.fixture
def joint_page(briefs, orgs):  # noqa: F811
    moh, who = orgs
    editor = _person(moh, "editor")
    page = PolicyBriefPageFactory(
        parent=briefs,
        title="Clinics for all",
        summary=SUMMARY,
        organisations=[moh, who],
        live=False,
        owner=editor,
    )
    return page, editor, _person(moh, "reviewer"), _person(who, "reviewer")


def _news(user):
    return list(Notification.objects.filter(recipient=user).order_by("pk").values_list("verb", flat=True))


def test_reviewers_hear_a_sign_off_awaits_them(client, joint_page):
    page, editor, moh_reviewer, who_reviewer = joint_page
    preference_update(user=who_reviewer, language="ar")

    _submit(client, editor, page)

    for reviewer in (moh_reviewer, who_reviewer):
        assert _news(reviewer) == [Verb.SIGN_OFF_AWAITED]
    notification = Notification.objects.get(recipient=who_reviewer)
    assert (notification.actor, notification.summary, notification.excerpt) == (
        editor,
        "Clinics for all",
        SUMMARY,
    )
    assert notification.url == f"/admin/pages/{page.pk}/edit/"
    entry = EmailOutbox.objects.get(recipient=who_reviewer)
    assert "أرسل" in entry.subject and "صفحة لتعتمدها" in entry.subject
    assert SUMMARY in entry.body_text
    assert f"http://testserver/admin/pages/{page.pk}/edit/" in entry.body_text
    assert _news(editor) == []


def test_the_author_hears_of_each_sign_off_and_of_the_publication(client, joint_page):
    page, editor, moh_reviewer, who_reviewer = joint_page
    preference_update(user=editor, language="fr")
    task_state = _submit(client, editor, page)

    assert _approve(client, moh_reviewer, page, task_state).status_code == 302
    assert _news(editor) == [Verb.PAGE_SIGNED_OFF]
    signed = Notification.objects.get(recipient=editor)
    assert signed.actor == moh_reviewer
    assert signed.summary == "Clinics for all · MOH"
    assert signed.excerpt == "Checked the figures."
    entry = EmailOutbox.objects.get(recipient=editor)
    assert "a validé votre page" in entry.subject
    assert "Checked the figures." in entry.body_text

    assert _approve(client, who_reviewer, page, task_state).status_code == 302
    assert _news(editor) == [Verb.PAGE_SIGNED_OFF, Verb.PAGE_SIGNED_OFF, Verb.PAGE_PUBLISHED]
    published = Notification.objects.filter(recipient=editor).latest("pk")
    page.refresh_from_db()
    assert (published.actor, published.url, published.excerpt) == (None, page.url, SUMMARY)
    subjects = list(EmailOutbox.objects.filter(recipient=editor).values_list("subject", flat=True))
    assert len(subjects) == 3 and subjects[-1].startswith("Votre page est publiée")
    assert (
        f"http://testserver{page.url}" in EmailOutbox.objects.filter(recipient=editor).latest("pk").body_text
    )
    # The reviewers were told the sign-off awaited them, and nothing of their own sign-offs.
    assert _news(moh_reviewer) == _news(who_reviewer) == [Verb.SIGN_OFF_AWAITED]


def test_sign_off_emails_follow_the_preferences(client, joint_page):
    page, editor, moh_reviewer, _who_reviewer = joint_page
    preference_update(user=moh_reviewer, email_sign_off=False)
    _submit(client, editor, page)
    assert _news(moh_reviewer) == [Verb.SIGN_OFF_AWAITED]
    assert not EmailOutbox.objects.filter(recipient=moh_reviewer).exists()


def test_the_unsubscribe_link_of_a_sign_off_email_stops_that_kind(client, joint_page):
    page, editor, _moh_reviewer, who_reviewer = joint_page
    _submit(client, editor, page)
    link = EmailOutbox.objects.get(recipient=who_reviewer).headers["List-Unsubscribe"].strip("<>")
    client.logout()
    assert client.post(link.removeprefix("http://testserver")).status_code == 200
    who_reviewer.notification_preference.refresh_from_db()
    assert who_reviewer.notification_preference.email_sign_off is False
    assert who_reviewer.notification_preference.email_replies is True


def test_publishing_ones_own_page_without_sign_off_tells_nobody(joint_page):
    page, editor, _moh_reviewer, _who_reviewer = joint_page
    page.save_revision(user=editor).publish(user=editor, skip_permission_checks=True)
    assert not Notification.objects.exists()
