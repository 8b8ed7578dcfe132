from datetime import timedelta

import factory
from django.utils import timezone

from portal.moderation.models import Suspension


class SuspensionFactory(factory.django.DjangoModelFactory):
    """A suspension in force for three days."""

    class Meta:
        model = Suspension

    ends_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=3))
    reason = "Insults"
