"""Topics and posts: quoting, answers, reactions, unread markers, sorting,
"Discuss this resource" and the preview."""

import pytest
from django.urls import reverse

from forums import services
from forums.models import Post, Topic
from tests.accounts.factories import VerifiedUserFactory
from tests.forums.factories import PostFactory, TopicFactory

pytestmark = pytest.mark.django_db


def test_quote_link_prefills_the_reply(client_for, public_topic, registered):
    opening = public_topic.posts.get()
    url = reverse("forums:post_create", args=[public_topic.pk]) + f"?quote={opening.pk}"
    page = client_for(registered).get(url).content.decode()
    assert "&gt; Opening post" in page
    assert f'name="quoted" value="{opening.pk}"' in page


def test_forged_reply_target_from_another_topic_is_refused(client_for, public_topic, partners_topic, member):
    foreign = partners_topic.posts.get()
    response = client_for(member).post(
        reverse("forums:post_create", args=[public_topic.pk]), {"body": "sneaky", "reply_to": foreign.pk}
    )
    assert response.status_code == 400
    assert "sneaky" in response.content.decode()
    assert not Post.objects.filter(body_source="sneaky").exists()


def test_malformed_forms_get_400_not_500(client_for, public_forum, public_topic, registered):
    client = client_for(registered)
    assert (
        client.post(reverse("forums:topic_create", args=["health"]), {"title": "", "body": ""}).status_code
        == 400
    )
    too_long = client.post(reverse("forums:post_create", args=[public_topic.pk]), {"body": "x" * 30_000})
    assert too_long.status_code == 400
    assert (
        client.post(
            reverse("forums:post_create", args=[public_topic.pk]), {"body": "ok", "quoted": "abc"}
        ).status_code
        == 400
    )
    assert client.get(reverse("forums:topic_detail", args=[999999])).status_code == 404


def test_mark_answer_by_topic_author(client_for, public_topic, registered):
    reply = services.post_create(topic=public_topic, author=registered, body="Use solar fridges")
    url = reverse("forums:post_mark_answer", args=[reply.pk])
    assert client_for(registered).post(url).status_code == 403
    assert client_for(public_topic.author).post(url).status_code == 302
    public_topic.refresh_from_db()
    assert public_topic.answer_id == reply.pk
    assert "Read the answer by" in client_for().get(public_topic.get_absolute_url()).content.decode()


def test_helpful_reaction_toggles(client_for, public_topic, registered):
    opening = public_topic.posts.get()
    url = reverse("forums:post_react", args=[opening.pk])
    client_for(registered).post(url)
    opening.refresh_from_db()
    assert opening.helpful_count == 1
    client_for(registered).post(url)
    opening.refresh_from_db()
    assert opening.helpful_count == 0
    assert client_for(public_topic.author).post(url).status_code == 403


def test_unread_marker_and_jump_to_first_unread(client_for, public_forum, public_topic, registered):
    client = client_for(registered)
    forum_url = reverse("forums:forum_detail", args=["health"])
    assert "badge--new" in client.get(forum_url).content.decode()
    client.get(public_topic.get_absolute_url())
    listing = client.get(forum_url).content.decode()
    assert "badge--new" not in listing and "badge--unread" not in listing
    for index in range(25):
        services.post_create(topic=public_topic, author=VerifiedUserFactory(), body=f"reply {index}")
    assert "25 unread" in client.get(forum_url).content.decode()
    response = client.get(reverse("forums:topic_unread", args=[public_topic.pk]))
    assert response["Location"].endswith("#post-2")
    client.get(public_topic.get_absolute_url())
    assert "6 unread" in client.get(forum_url).content.decode()
    client.get(public_topic.get_absolute_url() + "?page=2")
    response = client.get(reverse("forums:topic_unread", args=[public_topic.pk]))
    assert response["Location"].endswith("?page=2#post-26")
    assert "badge--unread" not in client.get(forum_url).content.decode()


def test_topics_sort_by_latest_activity_or_newest(client_for, public_forum):
    old = TopicFactory(forum=public_forum, title="Old but busy")
    new = TopicFactory(forum=public_forum, title="New and quiet")
    Topic.objects.filter(pk=old.pk).update(created_at=new.created_at.replace(year=2020))
    Topic.objects.filter(pk=new.pk).update(last_activity_at=new.created_at.replace(year=2021))
    url = reverse("forums:forum_detail", args=["health"])
    latest = client_for().get(url + "?sort=latest").content.decode()
    newest = client_for().get(url + "?sort=newest").content.decode()
    assert latest.index("Old but busy") < latest.index("New and quiet")
    assert newest.index("New and quiet") < newest.index("Old but busy")


def test_preview_endpoint_renders_sanitised_html(client_for, registered):
    client = client_for(registered)
    response = client.post(reverse("forums:preview"), {"body": "**hi** <script>x</script>"})
    assert response.status_code == 200
    html = response.json()["html"]
    assert "<strong>hi</strong>" in html and "<script" not in html
    assert client_for().post(reverse("forums:preview"), {"body": "x"}).status_code == 302


def test_preview_button_works_without_javascript(client_for, public_forum, registered):
    response = client_for(registered).post(
        reverse("forums:topic_create", args=["health"]), {"title": "T", "body": "**draft**", "preview": "1"}
    )
    assert response.status_code == 200
    assert "<strong>draft</strong>" in response.content.decode()
    assert not Topic.objects.filter(title="T").exists()


def test_discuss_resource_starts_then_opens_the_topic(client_for, home_page, public_forum, registered):
    resource = home_page.add_child(instance=type(home_page)(title="Brief on cold chains", slug="brief"))
    client = client_for(registered)
    response = client.get(reverse("forums:discuss_resource", args=[resource.pk]))
    assert response.status_code == 302
    assert f"resource={resource.pk}" in response["Location"]
    form = client.get(response["Location"]).content.decode()
    assert "Brief on cold chains" in form
    client.post(response["Location"], {"title": "Brief on cold chains", "body": "Thoughts?"})
    topic = Topic.objects.get(linked_page=resource)
    again = client.get(reverse("forums:discuss_resource", args=[resource.pk]))
    assert again["Location"] == topic.get_absolute_url()


def test_counts_follow_posts(public_forum, registered, moderator):
    from portal.moderation.services import content_hide

    topic = services.topic_create(forum=public_forum, author=registered, title="Counting", body="one")
    reply = services.post_create(topic=topic, author=VerifiedUserFactory(), body="two")
    topic.refresh_from_db()
    public_forum.refresh_from_db()
    assert (topic.post_count, public_forum.topic_count, public_forum.post_count) == (2, 1, 2)
    content_hide(content=reply, moderator=moderator, reason="r")
    topic.refresh_from_db()
    public_forum.refresh_from_db()
    assert (topic.post_count, public_forum.post_count) == (1, 1)


def test_post_numbers_are_sequential(public_topic, registered):
    PostFactory(topic=public_topic)
    reply = services.post_create(topic=public_topic, author=registered, body="third")
    assert reply.number == 3
