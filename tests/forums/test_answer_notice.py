"""A post's author hears, in the app and by email in their language, that it was
marked as the answer of its topic, with the beginning of what they wrote."""

import pytest
from django.urls import reverse

from forums import services
from portal.notifications.models import EmailOutbox, Notification
from portal.notifications.services import preference_update
from portal.notifications.verbs import Verb

pytestmark = pytest.mark.django_db
BODY = "Use **solar fridges** for the vaccines: " + "they keep the cold chain without mains power. " * 12


def test_the_author_of_the_answer_is_told_in_their_language(client_for, public_topic, registered):
    preference_update(user=registered, language="fr")
    reply = services.post_create(topic=public_topic, author=registered, body=BODY)
    Notification.objects.all().delete()
    EmailOutbox.objects.all().delete()

    response = client_for(public_topic.author).post(reverse("forums:post_mark_answer", args=[reply.pk]))
    assert response.status_code == 302

    notification = Notification.objects.get()
    assert (notification.recipient, notification.verb, notification.actor) == (
        registered,
        Verb.POST_ANSWER,
        public_topic.author,
    )
    assert notification.summary == public_topic.title
    # Plain text, cut at a word, with an ellipsis: no Markdown and no tags.
    assert notification.excerpt.startswith("Use solar fridges for the vaccines: they keep the cold chain")
    assert notification.excerpt.endswith("…") and len(notification.excerpt) <= 280
    entry = EmailOutbox.objects.get()
    assert entry.to_address == registered.email
    assert "a retenu votre message comme réponse" in entry.subject
    assert "Use solar fridges for the vaccines" in entry.body_text
    assert f"http://testserver/fr/forums/post/{reply.pk}/" in entry.body_text


def test_unmarking_tells_nobody_and_a_switched_off_kind_sends_no_email(client_for, public_topic, registered):
    preference_update(user=registered, email_answers=False)
    reply = services.post_create(topic=public_topic, author=registered, body="Solar fridges")
    Notification.objects.all().delete()
    EmailOutbox.objects.all().delete()

    services.post_mark_answer(post=reply, user=public_topic.author)
    services.post_mark_answer(post=reply, user=public_topic.author)

    assert list(Notification.objects.values_list("verb", flat=True)) == [Verb.POST_ANSWER]
    assert not EmailOutbox.objects.exists()
