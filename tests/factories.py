"""Factories for the core models. Apps keep theirs in tests/<app>/factories.py."""

import factory
from django.contrib.auth import get_user_model

from portal.models import Organisation, ThematicArea


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"person{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    password = factory.django.Password("correct horse battery staple")


class ThematicAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ThematicArea
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Theme {n}")
    slug = factory.Sequence(lambda n: f"theme-{n}")


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Partner Organisation {n}")
    slug = factory.Sequence(lambda n: f"partner-{n}")
    acronym = factory.Sequence(lambda n: f"PO{n}")
    kind = Organisation.Kind.UN_AGENCY
