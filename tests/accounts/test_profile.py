"""Profile, avatar uploads, contributions, data export and account deletion."""

import io
import json

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from portal.accounts.models import Membership, Profile
from portal.accounts.signals import account_deleting
from tests.accounts.conftest import PASSWORD
from tests.accounts.factories import MembershipFactory

pytestmark = pytest.mark.django_db
User = get_user_model()


def _jpeg_with_gps(size=(800, 600)):
    image = Image.new("RGB", size, (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = "Camera Maker"  # Make
    exif[0x8825] = {1: "N", 2: (33.0, 18.0, 0.0)}  # GPSInfo
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif)
    return buffer.getvalue()


def test_profile_shows_name_and_memberships(client, registered, organisation):
    MembershipFactory(user=registered, organisation=organisation, role=Membership.Role.REVIEWER)
    client.force_login(registered)
    response = client.get("/en/account/profile/")
    content = response.content.decode()
    assert response.status_code == 200
    assert organisation.name in content
    assert "Reviewer" in content
    assert content.count("<h1") == 1


def test_display_name_is_saved(client, registered):
    client.force_login(registered)
    response = client.post("/en/account/profile/", {"display_name": "  Rania  "})
    assert response.status_code == 302
    assert Profile.objects.get(user=registered).display_name == "Rania"
    assert "Rania" in client.get("/en/account/profile/").content.decode()


def test_avatar_is_resized_and_stripped_of_exif(client, registered):
    client.force_login(registered)
    upload = SimpleUploadedFile("me.jpg", _jpeg_with_gps(), content_type="image/jpeg")
    response = client.post("/en/account/profile/", {"display_name": "", "avatar": upload})
    assert response.status_code == 302
    profile = Profile.objects.get(user=registered)
    with Image.open(profile.avatar.path) as saved:
        assert saved.size == (256, 256)
        assert not saved.getexif()
        assert "exif" not in saved.info


def test_non_image_avatar_is_refused(client, registered):
    client.force_login(registered)
    upload = SimpleUploadedFile("me.jpg", b"%PDF-1.4 not a picture", content_type="image/jpeg")
    response = client.post("/en/account/profile/", {"display_name": "Kept", "avatar": upload})
    assert response.status_code == 400
    assert "This file is not a picture we can read." in response.content.decode()
    assert not Profile.objects.filter(user=registered, display_name="Kept").exists()


def test_oversized_avatar_is_refused(client, registered):
    client.force_login(registered)
    upload = SimpleUploadedFile(
        "big.jpg", b"\xff\xd8" + b"0" * (5 * 1024 * 1024 + 1), content_type="image/jpeg"
    )
    response = client.post("/en/account/profile/", {"display_name": "", "avatar": upload})
    assert response.status_code == 413
    assert "larger than 5 MB" in response.content.decode()
    assert not Profile.objects.get(user=registered).avatar


def test_avatar_is_replaced_and_removed(client, registered):
    client.force_login(registered)
    for _round in range(2):
        upload = SimpleUploadedFile("me.png", _jpeg_with_gps((300, 300)), content_type="image/png")
        client.post("/en/account/profile/", {"avatar": upload})
    profile = Profile.objects.get(user=registered)
    assert profile.avatar
    client.post("/en/account/profile/", {"remove_avatar": "on"})
    profile.refresh_from_db()
    assert not profile.avatar


def test_data_export_is_json_with_memberships(client, registered, organisation):
    MembershipFactory(user=registered, organisation=organisation)
    client.force_login(registered)
    response = client.get("/en/account/export/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["account"]["email"] == registered.email
    assert data["memberships"][0]["organisation"] == organisation.name
    assert data["email_addresses"][0]["verified"] is True
    assert isinstance(data["contributions"], dict)


def test_anonymous_is_sent_to_log_in(client):
    for path in ("/en/account/profile/", "/en/account/export/", "/en/account/delete/"):
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"].startswith("/en/accounts/login/")


@pytest.mark.parametrize(("choice", "remove"), [("keep", False), ("remove", True)])
def test_account_deletion_tells_content_apps(client, registered, choice, remove):
    heard = []

    def receiver(sender, user, remove_content, **kwargs):
        heard.append((user.pk, remove_content))

    account_deleting.connect(receiver)
    try:
        client.force_login(registered)
        assert client.get("/en/account/delete/").status_code == 200
        pk = registered.pk
        response = client.post(
            "/en/account/delete/", {"contributions": choice, "password": PASSWORD, "confirm": "on"}
        )
    finally:
        account_deleting.disconnect(receiver)
    assert response.status_code == 302
    assert heard == [(pk, remove)]
    assert not User.objects.filter(pk=pk).exists()
    assert "_auth_user_id" not in client.session


def test_account_deletion_needs_the_password(client, registered):
    client.force_login(registered)
    response = client.post(
        "/en/account/delete/", {"contributions": "keep", "password": "wrong", "confirm": "on"}
    )
    assert response.status_code == 400
    assert "This is not your password." in response.content.decode()
    assert User.objects.filter(pk=registered.pk).exists()


def test_contributions_page_lists_owned_pages(client, registered, home_page):
    from wagtail.models import Page

    home_page.add_child(instance=Page(title="Water access brief", slug="water", owner=registered))
    client.force_login(registered)
    response = client.get("/en/account/contributions/")
    assert response.status_code == 200
    assert "Water access brief" in response.content.decode()


@pytest.mark.parametrize("choice", ["keep", "remove"])
def test_deleted_accounts_posts_stay_as_former_member_or_go(client, registered, choice):
    from forums.models import Post
    from tests.forums.factories import PostFactory, TopicFactory

    topic = TopicFactory()
    mine = PostFactory(topic=topic, author=registered, body="My reply with my phone number")
    theirs = PostFactory(topic=topic, body="Someone else's reply")
    client.force_login(registered)
    response = client.post(
        "/en/account/delete/", {"contributions": choice, "password": PASSWORD, "confirm": "on"}
    )
    assert response.status_code == 302
    mine = Post.objects.get(pk=mine.pk)
    assert mine.author is None
    if choice == "keep":
        assert mine.status == "visible"
        assert "phone number" in mine.body_source
        page = client.get(topic.get_absolute_url()).content.decode()
        assert "former member" in page.lower()
    else:
        assert mine.status == "deleted"
        assert mine.body_source == ""
        assert mine.body_html == ""
    assert Post.objects.get(pk=theirs.pk).status == "visible"


def test_export_includes_forum_posts(client, registered):
    from tests.forums.factories import PostFactory

    PostFactory(author=registered, body="Exported words")
    client.force_login(registered)
    data = json.loads(client.get("/en/account/export/").content)
    rows = data["contributions"]["forums.Post"]
    assert any(row["body_source"] == "Exported words" for row in rows)
