"""Demonstration moderation: a moderator, and one reported post waiting in the queue."""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType

from portal.moderation.models import ModerationAction, Report

MODERATOR = ("mona.moderator", "Mona", "Aziz")
REPORTED_TOPIC = "Recruitment fees: who pays, and how do we know?"


def _moderator():
    username, first, last = MODERATOR
    user, created = get_user_model().objects.get_or_create(
        username=username,
        defaults={"first_name": first, "last_name": last, "email": f"{username}@portal.example.org"},
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    EmailAddress.objects.get_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    user.groups.add(Group.objects.get_or_create(name="Moderators")[0])
    return user


def _reported_post():
    from forums.models import Post

    post = Post.objects.filter(topic__title=REPORTED_TOPIC, number=2).select_related("topic").first()
    if post is None:
        return None
    reporter = get_user_model().objects.filter(username="hadi.khalil").first()
    Report.objects.get_or_create(
        content_type=ContentType.objects.get_for_model(post),
        object_id=post.pk,
        reporter=reporter,
        resolved_at__isnull=True,
        defaults={"reason": Report.Reason.OFF_TOPIC, "details": "This answers a different question."},
    )
    return post


def load(stdout):
    _moderator()
    post = _reported_post()
    stdout.write(f"  moderators: 1, reports waiting: {1 if post else 0}")


def summary():
    return [
        ("open reports", Report.objects.filter(resolved_at__isnull=True).count()),
        ("moderation actions", ModerationAction.objects.count()),
    ]
