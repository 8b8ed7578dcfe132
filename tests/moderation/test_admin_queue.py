"""The moderation queue in the Wagtail admin."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from forums.models import Post
from portal.moderation import services
from portal.moderation.models import ModerationAction

pytestmark = pytest.mark.django_db


def item_url(post, decision=None):
    args = [ContentType.objects.get_for_model(Post).pk, post.pk]
    if decision:
        return reverse("moderation_admin:decide", args=[*args, decision])
    return reverse("moderation_admin:item", args=args)


def test_queue_is_for_moderators_only(client_for, registered, member, moderator):
    url = reverse("moderation_admin:queue")
    assert client_for().get(url).status_code == 302
    assert client_for(registered).get(url).status_code in (302, 403)
    assert client_for(member).get(url).status_code in (302, 403)
    assert client_for(moderator).get(url).status_code == 200


def test_reported_post_appears_in_queue_and_is_hidden_from_it(
    client_for, public_topic, registered, moderator
):
    post = public_topic.posts.get()
    services.content_report(content=post, reporter=registered, reason="abuse", details="rude")
    client = client_for(moderator)
    queue = client.get(reverse("moderation_admin:queue")).content.decode()
    assert "Opening post" in queue
    assert client.get(item_url(post)).status_code == 200
    response = client.post(item_url(post, "hide"), {"reason": "Rude to others"})
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.status == Post.Status.HIDDEN and post.hidden_reason == "Rude to others"
    assert "Opening post" not in client.get(reverse("moderation_admin:queue")).content.decode()
    assert client.post(item_url(post, "restore"), {"reason": ""}).status_code == 302
    post.refresh_from_db()
    assert post.is_visible
    assert list(ModerationAction.objects.values_list("kind", flat=True)) == ["restore", "hide"]


def test_hiding_needs_a_reason(client_for, public_topic, moderator):
    post = public_topic.posts.get()
    client_for(moderator).post(item_url(post, "hide"), {"reason": ""})
    post.refresh_from_db()
    assert post.is_visible


def test_moderator_edit_and_delete_are_audited(client_for, public_topic, moderator):
    post = public_topic.posts.get()
    client = client_for(moderator)
    client.post(item_url(post, "edit"), {"body": "Cleaned text", "reason": "Phone number removed"})
    client.post(item_url(post, "delete"), {"reason": "Duplicate"})
    post.refresh_from_db()
    assert post.body_source == "Cleaned text" and post.status == Post.Status.DELETED
    log = client.get(reverse("moderation_admin:audit_log")).content.decode()
    assert "Phone number removed" in log and "Duplicate" in log


def test_suspend_from_the_queue(client_for, public_topic, moderator):
    post = public_topic.posts.get()
    url = reverse(
        "moderation_admin:suspend_author", args=[ContentType.objects.get_for_model(Post).pk, post.pk]
    )
    assert client_for(moderator).post(url, {"days": "7", "reason": "Repeated spam"}).status_code == 302
    assert services.active_suspension(public_topic.author) is not None


def test_forged_content_type_is_404(client_for, moderator):
    url = reverse("moderation_admin:item", args=[ContentType.objects.get_for_model(ModerationAction).pk, 1])
    assert client_for(moderator).get(url, follow=True).status_code == 404
