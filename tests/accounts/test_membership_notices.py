"""The person who asked to join hears of the decision in the app and by email, in
their language, with the message they sent."""

import pytest

from portal.accounts.models import Membership
from portal.accounts.services import membership_decide, membership_request
from portal.notifications.models import EmailOutbox, Notification
from portal.notifications.services import preference_update
from portal.notifications.verbs import Verb
from tests.accounts.factories import MembershipFactory, OrganisationEmailDomainFactory, VerifiedUserFactory

pytestmark = pytest.mark.django_db
MESSAGE = "I run the mobile clinic in Zarqa\nand report to the health directorate."


def _request(user, organisation):
    return MembershipFactory(
        user=user, organisation=organisation, status=Membership.Status.REQUESTED, message=MESSAGE
    )


@pytest.mark.parametrize(
    ("approve", "verb", "arabic_subject"),
    [
        (True, Verb.MEMBERSHIP_APPROVED, "قُبل طلب انضمامك إلى منظمة"),
        (False, Verb.MEMBERSHIP_DECLINED, "رُفض طلب انضمامك إلى منظمة"),
    ],
)
def test_the_applicant_hears_of_the_decision_in_their_language(
    registered, organisation, org_admin, approve, verb, arabic_subject
):
    preference_update(user=registered, language="ar")
    membership_decide(membership=_request(registered, organisation), decided_by=org_admin, approve=approve)

    notification = Notification.objects.get(recipient=registered)
    assert (notification.verb, notification.actor, notification.url) == (
        verb,
        org_admin,
        "/en/account/profile/",
    )
    assert notification.excerpt == " ".join(MESSAGE.split())
    entry = EmailOutbox.objects.get(recipient=registered)
    assert entry.subject.startswith(arabic_subject)
    assert organisation.label in entry.subject
    assert (
        "\u2068I run the mobile clinic in Zarqa and report to the health directorate.\u2069"
        in entry.body_text
    )
    assert '<blockquote dir="auto">I run the mobile clinic in Zarqa' in entry.body_html
    assert "http://testserver/ar/account/profile/" in entry.body_text
    assert not Notification.objects.exclude(recipient=registered).exists()


def test_approval_by_email_domain_is_announced_too(organisation):
    OrganisationEmailDomainFactory(organisation=organisation, domain="moh.example.org")
    person = VerifiedUserFactory(username="nadia", email="nadia@moh.example.org")
    membership_request(user=person, organisation=organisation, message="Pharmacist")
    notification = Notification.objects.get(recipient=person)
    assert (notification.verb, notification.actor, notification.excerpt) == (
        Verb.MEMBERSHIP_APPROVED,
        None,
        "Pharmacist",
    )
    assert EmailOutbox.objects.filter(recipient=person).count() == 1


def test_switching_off_membership_emails_keeps_the_notification(registered, organisation, org_admin):
    preference_update(user=registered, email_membership=False)
    membership_decide(membership=_request(registered, organisation), decided_by=org_admin, approve=True)
    assert Notification.objects.filter(recipient=registered, verb=Verb.MEMBERSHIP_APPROVED).count() == 1
    assert not EmailOutbox.objects.filter(recipient=registered).exists()
