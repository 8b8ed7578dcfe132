"""The shared moderation pipeline, exercised through forum posts."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from forums.models import Post, Topic
from portal.moderation import services
from portal.moderation.models import ModerationAction, Report, Suspension
from portal.notifications.models import Notification
from tests.accounts.factories import VerifiedUserFactory
from tests.forums.factories import PostFactory

pytestmark = pytest.mark.django_db


def reply(client, topic, body):
    return client.post(reverse("forums:post_create", args=[topic.pk]), {"body": body})


def test_new_accounts_first_contributions_wait_for_approval(settings, client_for, public_topic, moderator):
    settings.PORTAL_TRUST_MEMBER_AFTER_POSTS = 2
    newcomer = VerifiedUserFactory()
    client = client_for(newcomer)
    reply(client, public_topic, "first words")
    first = Post.objects.get(body_source="first words")
    assert first.status == Post.Status.HELD
    assert "first words" not in client_for().get(public_topic.get_absolute_url()).content.decode()
    assert "first words" in client.get(public_topic.get_absolute_url()).content.decode()
    services.content_approve(content=first, moderator=moderator)
    reply(client, public_topic, "second words")
    second = Post.objects.get(body_source="second words")
    assert second.status == Post.Status.HELD
    services.content_approve(content=second, moderator=moderator)
    reply(client, public_topic, "third words")
    assert Post.objects.get(body_source="third words").status == Post.Status.VISIBLE
    public_topic.refresh_from_db()
    assert public_topic.post_count == 4


def test_held_topic_is_invisible_until_approved(settings, client_for, public_forum, moderator):
    settings.PORTAL_TRUST_MEMBER_AFTER_POSTS = 1
    newcomer = VerifiedUserFactory()
    client_for(newcomer).post(
        reverse("forums:topic_create", args=[public_forum.slug]), {"title": "Held title", "body": "x"}
    )
    topic = Topic.objects.get(title="Held title")
    assert topic.status == Topic.Status.HELD
    forum_page = reverse("forums:forum_detail", args=[public_forum.slug])
    assert "Held title" not in client_for().get(forum_page).content.decode()
    assert client_for().get(topic.get_absolute_url()).status_code == 404
    services.content_approve(content=topic.posts.get(), moderator=moderator)
    assert "Held title" in client_for().get(forum_page).content.decode()
    public_forum.refresh_from_db()
    assert public_forum.topic_count == 1


def test_posting_rate_limit(settings, client_for, public_topic, registered):
    settings.PORTAL_POSTING_RATE_LIMIT = "2/m"
    client = client_for(registered)
    assert reply(client, public_topic, "one").status_code == 302
    assert reply(client, public_topic, "two").status_code == 302
    refused = reply(client, public_topic, "three")
    assert refused.status_code == 429
    assert "faster than the portal allows" in refused.content.decode()
    # Nothing typed is lost: the text comes back in the form.
    assert "three" in refused.content.decode()
    assert not Post.objects.filter(body_source="three").exists()


def test_suspended_person_reads_but_cannot_write(client_for, public_topic, registered, moderator):
    services.user_suspend(
        user=registered, moderator=moderator, ends_at=timezone.now() + timedelta(days=3), reason="Insults"
    )
    client = client_for(registered)
    assert client.get(public_topic.get_absolute_url()).status_code == 200
    refused = reply(client, public_topic, "still here")
    assert refused.status_code == 403
    assert "Your account is suspended until" in refused.content.decode()
    assert not Post.objects.filter(body_source="still here").exists()
    suspension = Suspension.objects.get(user=registered)
    services.suspension_lift(suspension=suspension, moderator=moderator)
    assert reply(client, public_topic, "back again").status_code == 302
    kinds = list(ModerationAction.objects.values_list("kind", flat=True))
    assert set(kinds) == {"suspend", "unsuspend"}


def test_report_hide_and_author_is_told_why(client_for, public_topic, registered, moderator):
    post = PostFactory(topic=public_topic, body="Buy cheap watches")
    response = client_for(registered).post(
        reverse("forums:post_report", args=[post.pk]), {"reason": "spam", "details": "selling things"}
    )
    assert response.status_code == 302
    again = client_for(registered).post(reverse("forums:post_report", args=[post.pk]), {"reason": "spam"})
    assert again.status_code == 302
    assert Report.objects.filter(object_id=post.pk, resolved_at__isnull=True).count() == 1

    services.content_hide(content=post, moderator=moderator, reason="Advertising is not allowed")
    post.refresh_from_db()
    assert post.status == Post.Status.HIDDEN
    assert not Report.objects.filter(resolved_at__isnull=True).exists()
    notice = Notification.objects.get(recipient=post.author, verb="content_hidden")
    assert "Advertising is not allowed" in notice.summary
    page = client_for(registered).get(public_topic.get_absolute_url()).content.decode()
    assert "This post was hidden by the moderators." in page
    assert "Buy cheap watches" not in page
    assert client_for().get(public_topic.get_absolute_url()).status_code == 200


def test_hiding_the_opening_post_hides_the_topic(client_for, public_topic, moderator):
    services.content_hide(content=public_topic.posts.get(), moderator=moderator, reason="Spam")
    assert client_for().get(public_topic.get_absolute_url()).status_code == 404
    assert client_for(moderator).get(public_topic.get_absolute_url()).status_code == 200


def test_public_log_shows_role_and_reason_but_never_the_text(client_for, public_topic, moderator):
    post = public_topic.posts.get()
    services.content_hide(content=post, moderator=moderator, reason="Personal data")
    page = client_for().get(reverse("moderation:public_log")).content.decode()
    assert "Personal data" in page
    assert "Moderator" in page
    assert moderator.username not in page
    assert "Opening post" not in page
    assert "Vaccination in camps" not in page


def test_public_log_keeps_partners_only_decisions_for_partners(client_for, partners_topic, moderator, member):
    services.content_hide(content=partners_topic.posts.get(), moderator=moderator, reason="Secret reason")
    assert "Secret reason" not in client_for().get(reverse("moderation:public_log")).content.decode()
    assert "Secret reason" in client_for(member).get(reverse("moderation:public_log")).content.decode()


def test_only_moderators_can_hide(public_topic, registered):
    with pytest.raises(services.PermissionDenied):
        services.content_hide(content=public_topic.posts.get(), moderator=registered, reason="no")


def test_edit_history_is_kept_and_shown_to_moderators(client_for, public_topic, moderator, registered):
    post = public_topic.posts.get()
    client_for(public_topic.author).post(
        reverse("forums:post_edit", args=[post.pk]), {"body": "Second draft"}
    )
    page = client_for(registered).get(public_topic.get_absolute_url()).content.decode()
    assert "edited" in page
    history_url = reverse("forums:post_history", args=[post.pk])
    assert client_for(registered).get(history_url).status_code == 403
    history = client_for(moderator).get(history_url).content.decode()
    assert "Opening post" in history and "Second draft" in history


def test_author_deletes_own_post_softly(client_for, public_topic, registered):
    client = client_for(registered)
    reply(client, public_topic, "regret this")
    post = Post.objects.get(body_source="regret this")
    assert (
        client_for(public_topic.author).post(reverse("forums:post_delete", args=[post.pk])).status_code == 403
    )
    assert client.post(reverse("forums:post_delete", args=[post.pk])).status_code == 302
    post.refresh_from_db()
    assert post.status == Post.Status.DELETED
    page = client_for().get(public_topic.get_absolute_url()).content.decode()
    assert "This post was deleted." in page and "regret this" not in page
