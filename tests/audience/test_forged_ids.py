"""Addresses naming other people's things, or things beyond the person's audience,
are refused with a 403 or a 404, never a 500, and change nothing."""

import pytest

from forums.models import Post
from portal.comments.models import Comment

pytestmark = pytest.mark.django_db

# (method, address built from the world) tried by the signed-in person, who is in
# no organisation and no group.
FORGED = {
    "comment on a group page": ("get", lambda w: f"/en/comments/{w.things['comment on group brief'].pk}/"),
    "a comment that does not exist": ("get", lambda w: "/en/comments/987654321/"),
    "editing another's comment": (
        "post",
        lambda w: f"/en/comments/{w.things['comment on public brief'].pk}/edit/",
    ),
    "deleting another's comment": (
        "post",
        lambda w: f"/en/comments/{w.things['comment on public brief'].pk}/delete/",
    ),
    "reporting a comment beyond reach": (
        "post",
        lambda w: f"/en/comments/{w.things['comment on group brief'].pk}/report/",
    ),
    "commenting on a group page": ("post", lambda w: f"/en/comments/page/{w.things['group brief'].pk}/"),
    "opening a group page": ("get", lambda w: w.things["group brief"].url),
    "discussing a group page": ("get", lambda w: f"/en/forums/discuss/{w.things['group brief'].pk}/"),
    "an organisation's forum": ("get", lambda w: "/en/forums/org-a-room/"),
    "an organisation's forum feed": ("get", lambda w: "/en/forums/org-a-room/feed/"),
    "an organisation's topic": ("get", lambda w: f"/en/forums/topic/{w.things['organisation topic'].pk}/"),
    "a partners' topic": ("get", lambda w: f"/en/forums/topic/{w.things['partners topic'].pk}/"),
    "replying in an organisation's topic": (
        "post",
        lambda w: f"/en/forums/topic/{w.things['organisation topic'].pk}/reply/",
    ),
    "an organisation's post": (
        "get",
        lambda w: f"/en/forums/post/{w.things['organisation topic'].posts.get(number=1).pk}/",
    ),
    "editing another's post": (
        "post",
        lambda w: f"/en/forums/post/{w.things['public topic'].posts.get(number=1).pk}/edit/",
    ),
    "reporting an organisation's post": (
        "post",
        lambda w: f"/en/forums/post/{w.things['organisation topic'].posts.get(number=1).pk}/report/",
    ),
    "someone else's held post": ("get", lambda w: f"/en/forums/post/{w.things['held post'].pk}/"),
}


@pytest.mark.parametrize("case", list(FORGED))
def test_forged_addresses_are_refused(world, case):
    method, address = FORGED[case]
    person = "partner" if case == "someone else's held post" else "signed_in"
    client = world.client(person)
    before = (Comment.objects.count(), Post.objects.count())
    response = getattr(client, method)(address(world), {"body": "Forged", "reason": "spam"})
    assert response.status_code in (403, 404), (case, response.status_code)
    assert (Comment.objects.count(), Post.objects.count()) == before
