"""Factories for people, their verified addresses and their memberships."""

import factory
from allauth.account.models import EmailAddress

from portal.accounts.models import Membership, OrganisationEmailDomain
from tests.factories import OrganisationFactory, UserFactory


class VerifiedUserFactory(UserFactory):
    """A registered person whose email address is confirmed."""

    class Meta:
        skip_postgeneration_save = True

    @factory.post_generation
    def verified_email(obj, create, extracted, **kwargs):
        if create:
            EmailAddress.objects.get_or_create(
                user=obj, email=obj.email, defaults={"verified": True, "primary": True}
            )


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(VerifiedUserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Membership.Role.MEMBER
    status = Membership.Status.APPROVED


class OrganisationEmailDomainFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrganisationEmailDomain

    organisation = factory.SubFactory(OrganisationFactory)
    domain = factory.Sequence(lambda n: f"partner{n}.example.org")
