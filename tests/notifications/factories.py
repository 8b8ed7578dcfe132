import factory

from portal.notifications.models import Notification, NotificationPreference
from portal.notifications.verbs import Verb
from tests.factories import UserFactory


class NotificationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Notification

    recipient = factory.SubFactory(UserFactory)
    actor = factory.SubFactory(UserFactory)
    verb = Verb.POST_CREATED
    url = "/en/forums/"
    summary = factory.Sequence(lambda n: f"Topic {n}")


class NotificationPreferenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NotificationPreference
        django_get_or_create = ("user",)

    user = factory.SubFactory(UserFactory)
