"""Trust levels: the one place that says how far the portal trusts what a person
writes. Every decision that depends on it (holding a new contribution for a
moderator, the posting rate limit, the moderation screens) asks here.

Three levels, in the spirit of Discourse's:

- **new**: an account that no partner organisation vouches for and that has not yet
  shown ``PORTAL_TRUST_MEMBER_AFTER_POSTS`` approved contributions over at least
  ``PORTAL_TRUST_MEMBER_AFTER_DAYS`` days. What it writes waits for a moderator.
- **member**: approved members of a partner organisation (their organisation's
  administrators vouched for them), staff and moderators from the start; anyone
  else once past those thresholds. Published at once.
- **trusted**: a member with ``PORTAL_TRUST_TRUSTED_AFTER_POSTS`` approved
  contributions over at least ``PORTAL_TRUST_TRUSTED_AFTER_DAYS`` days. The posting
  rate limit, which is there to slow down bursts of spam, no longer applies: a
  modest privilege, since everything they write is still reported and moderated.

Approved contributions are posts and comments readers can see: held, hidden and
deleted ones do not count. A level set by a moderator replaces the computed one, so a
partner member who misbehaves can be held again; staff and moderators stay at least
members whatever is set, so their words are never held.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models import Count, Exists, F, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from portal.accounts.models import Membership, TrustLevel
from portal.accounts.selectors import MODERATORS_GROUP
from portal.moderation import app_settings
from portal.moderation.models import ModeratedContent
from portal.moderation.registry import moderated_models

VISIBLE = ModeratedContent.Status.VISIBLE


@dataclass(frozen=True)
class Trust:
    """A person's trust level, and what it was computed from."""

    level: TrustLevel
    computed: TrustLevel
    set_by_moderator: bool
    approved_contributions: int
    partner_member: bool

    @property
    def writes_held(self) -> bool:
        return self.level == TrustLevel.NEW


_NOBODY = Trust(
    level=TrustLevel.NEW,
    computed=TrustLevel.NEW,
    set_by_moderator=False,
    approved_contributions=0,
    partner_member=False,
)


def _approved_count(model):
    """Visible contributions of the outer person in ``model``: a subquery, so one
    query answers for any number of people."""
    counted = (
        model.objects.filter(author=OuterRef("pk"), status=VISIBLE)
        .order_by()
        .values("author")
        .annotate(total=Count("pk"))
        .values("total")
    )
    return Coalesce(Subquery(counted), 0)


def _reached(*, approved: int, age: timedelta, days: int, posts: int) -> bool:
    return approved >= posts and age >= timedelta(days=days)


def _computed(*, approved: int, age: timedelta, vouched: bool) -> TrustLevel:
    member = vouched or _reached(
        approved=approved,
        age=age,
        days=app_settings.trust_member_after_days(),
        posts=app_settings.trust_member_after_posts(),
    )
    if not member:
        return TrustLevel.NEW
    trusted = _reached(
        approved=approved,
        age=age,
        days=app_settings.trust_trusted_after_days(),
        posts=app_settings.trust_trusted_after_posts(),
    )
    return TrustLevel.TRUSTED if trusted else TrustLevel.MEMBER


def trust_of_many(users) -> dict[int, Trust]:
    """Person id -> ``Trust`` for every saved person in ``users``, in one query
    whatever their number (for the moderation lists)."""
    ids = {user.pk for user in users if user is not None and user.pk is not None}
    if not ids:
        return {}
    person = OuterRef("pk")
    annotations = {
        "partner_member": Exists(Membership.objects.filter(user=person, status=Membership.Status.APPROVED)),
        "moderator": Exists(Group.objects.filter(user=person, name=MODERATORS_GROUP)),
        "override": F("profile__trust_level"),
    }
    counts = {f"approved_{index}": _approved_count(model) for index, model in enumerate(moderated_models())}
    annotations.update(counts)
    rows = (
        get_user_model()
        .objects.filter(pk__in=ids)
        .annotate(**annotations)
        .values("pk", "is_staff", "is_superuser", "date_joined", *annotations)
    )
    now = timezone.now()
    found = {}
    for row in rows:
        approved = sum(row[name] for name in counts)
        staff = row["is_staff"] or row["is_superuser"] or row["moderator"]
        computed = _computed(
            approved=approved, age=now - row["date_joined"], vouched=staff or row["partner_member"]
        )
        override = row["override"]
        level = TrustLevel(override) if override is not None else computed
        if staff:
            level = max(level, TrustLevel.MEMBER)
        found[row["pk"]] = Trust(
            level=TrustLevel(level),
            computed=computed,
            set_by_moderator=override is not None,
            approved_contributions=approved,
            partner_member=row["partner_member"],
        )
    return found


def trust_of(user) -> Trust:
    """The trust of one person, read afresh (anonymous people are new)."""
    if user is None or not user.is_authenticated:
        return _NOBODY
    return trust_of_many([user]).get(user.pk, _NOBODY)


def writes_held(user) -> bool:
    """Whether what ``user`` writes now waits for a moderator before readers see it."""
    return trust_of(user).writes_held


def exempt_from_rate_limit(user) -> bool:
    """Whether the posting rate limit spares ``user`` (trusted people)."""
    return trust_of(user).level >= TrustLevel.TRUSTED
