"""Demonstration people, one for every role, with confirmed addresses.

They all share one password, printed at the end of ``load_demo``. It is for the
demonstration only: never load the demo into a portal people really use.
"""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Page

from portal.accounts.models import Membership, OrganisationEmailDomain, Profile, SignOff
from portal.accounts.pages import organisation_page_models
from portal.accounts.selectors import MODERATORS_GROUP
from portal.accounts.workflows import sign_off_workflow_assign
from portal.models import Organisation

DEMO_PASSWORD = "partnership-demo-2026"

# organisation slug -> (email domain, display name prefix)
ORGANISATIONS = {
    "who": ("who.example.org", "WHO"),
    "iom": ("iom.example.org", "IOM"),
    "ministry-of-public-health-lebanon": ("moph-lb.example.org", "MoPH Lebanon"),
    "ministry-of-labour-jordan": ("mol-jo.example.org", "MoL Jordan"),
}
ROLES = [Membership.Role.EDITOR, Membership.Role.REVIEWER, Membership.Role.ADMIN]
INDEX_MODELS = ("PolicyBriefIndexPage", "LessonLearnedIndexPage", "JointActionIndexPage")


def _person(email, display_name, **flags):
    user, created = get_user_model().objects.get_or_create(username=email, defaults={"email": email, **flags})
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    EmailAddress.objects.get_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    Profile.objects.update_or_create(user=user, defaults={"display_name": display_name})
    return user


def _member(user, organisation, role):
    Membership.objects.update_or_create(
        user=user,
        organisation=organisation,
        defaults={"role": role, "status": Membership.Status.APPROVED, "decided_at": timezone.now()},
    )


def load_people(stdout):
    people = [
        (
            "site administrator",
            _person("admin@example.org", "Site administrator", is_superuser=True, is_staff=True),
        )
    ]
    moderator = _person("moderator@example.org", "Nadia (moderator)")
    moderator.groups.add(Group.objects.get(name=MODERATORS_GROUP))
    people.append(("moderator", moderator))
    people.append(("registered person (civil society)", _person("reader@example.org", "Karim Mansour")))

    for slug, (domain, label) in ORGANISATIONS.items():
        organisation = Organisation.objects.filter(slug=slug).first()
        if organisation is None:
            continue
        OrganisationEmailDomain.objects.get_or_create(organisation=organisation, domain=domain)
        for role in ROLES:
            user = _person(f"{role}@{domain}", f"{label} {Membership.Role(role).label.lower()}")
            _member(user, organisation, role)
            people.append((f"{Membership.Role(role).label} of {organisation.short_label}", user))

    iom = Organisation.objects.filter(slug="iom").first()
    if iom is not None:
        member = _person("member@iom.example.org", "Omar (IOM)")
        _member(member, iom, Membership.Role.MEMBER)
        people.append(("partner member of IOM", member))
    who = Organisation.objects.filter(slug="who").first()
    if who is not None:
        applicant = _person("applicant@example.org", "Layla (waiting to join WHO)")
        Membership.objects.get_or_create(
            user=applicant,
            organisation=who,
            defaults={"status": Membership.Status.REQUESTED, "message": "I coordinate the clinics in Zarqa."},
        )
        people.append(("join request waiting at WHO", applicant))
    return people


def assign_workflow(stdout):
    indexes = list(
        Page.objects.filter(
            content_type__app_label="knowledge", content_type__model__in=[m.lower() for m in INDEX_MODELS]
        )
    )
    if indexes:
        sign_off_workflow_assign(pages=indexes)
    stdout.write(f"  organisation sign-off workflow on {len(indexes)} knowledge index pages")


def record_demo_sign_offs(stdout):
    """Published demo pages show who signed them off, as if they went through review."""
    recorded = 0
    for model in organisation_page_models():
        for page in (
            model.objects.live().filter(live_revision__isnull=False).prefetch_related("organisations")
        ):
            for organisation in page.organisations.all():
                reviewer = (
                    Membership.objects.filter(
                        organisation=organisation,
                        role=Membership.Role.REVIEWER,
                        status=Membership.Status.APPROVED,
                    )
                    .select_related("user")
                    .first()
                )
                if reviewer is None:
                    continue
                _sign_off, created = SignOff.objects.get_or_create(
                    page=page,
                    revision_id=page.live_revision_id,
                    organisation=organisation,
                    defaults={"reviewer": reviewer.user},
                )
                recorded += created
    stdout.write(f"  sign-offs recorded on published pages: {recorded} new")


def load(stdout):
    people = load_people(stdout)
    assign_workflow(stdout)
    record_demo_sign_offs(stdout)
    stdout.write("  Demo accounts (demonstration only; all share one password):")
    for role, user in people:
        stdout.write(f"    {role:<40} {user.email}")
    stdout.write(f"  Password for every demo account: {DEMO_PASSWORD}")
    stdout.write("  Editors, reviewers, organisation administrators, moderators and the site administrator")
    stdout.write("  are asked to set up an authenticator app (TOTP) the first time they open the admin.")


def summary():
    return [
        ("people", get_user_model().objects.count()),
        ("approved memberships", Membership.objects.filter(status=Membership.Status.APPROVED).count()),
        ("join requests waiting", Membership.objects.filter(status=Membership.Status.REQUESTED).count()),
    ]
