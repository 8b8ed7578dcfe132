"""Factories for forums, topics and posts, plus people in each role."""

import factory
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Group, Permission

from forums.models import Forum, Post, Topic
from portal.audience import Audience
from tests.accounts.factories import MembershipFactory, VerifiedUserFactory
from tests.factories import UserFactory


class ForumFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Forum
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Forum {n}")
    slug = factory.Sequence(lambda n: f"forum-{n}")
    visibility = Audience.PUBLIC


class TopicFactory(factory.django.DjangoModelFactory):
    """A topic with its opening post (number 1) written by the topic's author."""

    class Meta:
        model = Topic
        skip_postgeneration_save = True

    forum = factory.SubFactory(ForumFactory)
    title = factory.Sequence(lambda n: f"Topic {n}")
    author = factory.SubFactory(VerifiedUserFactory)
    last_number = 1
    post_count = 1

    @factory.post_generation
    def opening(obj, create, extracted, **kwargs):
        if create:
            PostFactory(
                topic=obj, number=1, author=obj.author, status=obj.status, body=extracted or "Opening post"
            )


class PostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Post
        exclude = ["body"]

    topic = factory.SubFactory(TopicFactory)
    number = factory.LazyAttribute(lambda o: o.topic.last_number + 1)
    author = factory.SubFactory(VerifiedUserFactory)
    body = "A reply"
    body_source = factory.LazyAttribute(lambda o: o.body)
    body_html = factory.LazyAttribute(lambda o: f"<p>{o.body}</p>")

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        post = super()._create(model_class, *args, **kwargs)
        topic = post.topic
        if post.number > topic.last_number:
            Topic.objects.filter(pk=topic.pk).update(last_number=post.number)
            topic.last_number = post.number
        return post


def make_member(**kwargs):
    """A partner member: an approved member of a partner organisation."""
    return MembershipFactory(**kwargs).user


def make_moderator():
    """A moderator with the second factor the moderation pages require."""
    user = VerifiedUserFactory()
    group = Group.objects.get_or_create(name="Moderators")[0]
    # Browser tests flush the data migration that grants this, so grant it here too.
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    user.groups.add(group)
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={"secret": "unused"})
    return user


def make_unverified():
    """Signed up, but never confirmed the email address."""
    return UserFactory()
