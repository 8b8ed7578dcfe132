"""Who may see what: the one audience policy of the portal.

Every surface asks this module: knowledge listings, page serving, comments, forums,
search projections and scopes, feeds, the sitemap, notifications and the moderation
screens. Nothing else decides whether a person may read a thing.

The vocabulary is ``Audience``: everyone, signed-in people, partners (approved
members of any partner organisation), one organisation, staff (moderators). Search
documents and moderation records carry the matching *scope* string ("public",
"signed_in", "partners", "org:<id>", "staff"), and ``scopes_for`` turns a person
into the scopes they may see.

Pages follow Wagtail's view restrictions, with one meaning everywhere:

- restricted to signed-in people: every signed-in person reads it, finds it in
  listings, search and comments; anonymous readers never do;
- restricted to groups: members of those groups (and site administrators);
- behind a password: only a browser session that gave the password may open it,
  so it is never listed, searched, fed or put in the sitemap;
- a draft or an expired page: only editors and reviewers of its organisations.

Answers about a person are kept on the user object, answers about a page's
restrictions on the page object, so asking per item adds no queries.
"""

from dataclasses import dataclass

from django.db import models
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Length, Substr
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.models import BaseViewRestriction, Page, PageViewRestriction

from portal.accounts.pages import DRAFT_READING_ROLES, can_work_on_page
from portal.accounts.selectors import is_moderator, partner_organisation_ids
from portal.models import Organisation
from portal.moderation.models import ModeratedContent
from portal.page_serving import load_view_restrictions

Status = ModeratedContent.Status


class Audience(models.TextChoices):
    """Who a thing is for."""

    PUBLIC = "public", pgettext_lazy("visibility", "Public")
    SIGNED_IN = "signed_in", pgettext_lazy("visibility", "Signed-in people")
    PARTNERS = "partners", pgettext_lazy("visibility", "Partners only")
    ORGANISATION = "organisation", _("One organisation")
    STAFF = "staff", pgettext_lazy("visibility", "Moderators only")


PUBLIC_SCOPE = Audience.PUBLIC.value
SIGNED_IN_SCOPE = Audience.SIGNED_IN.value
PARTNERS_SCOPE = Audience.PARTNERS.value
STAFF_SCOPE = Audience.STAFF.value
# What readers see of a post or comment: its text, or a marker saying it was hidden or deleted.
SHOWN_STATUSES = (Status.VISIBLE, Status.HIDDEN, Status.DELETED)
# Authors keep reading their own words while they wait for approval or after a
# moderator hid them (they are told why).
OWN_READABLE_STATUSES = (Status.HELD, Status.HIDDEN)

_SCOPES_CACHE = "_audience_scopes"
_GROUPS_CACHE = "_audience_group_ids"


def organisation_scope(organisation_id: int) -> str:
    """The scope of content for the members of one organisation."""
    return f"org:{int(organisation_id)}"


@dataclass(frozen=True)
class Reach:
    """The audience of one thing (and its organisation, for organisation-only things)."""

    audience: str
    organisation_id: int | None = None

    @property
    def scope(self) -> str:
        if self.audience == Audience.ORGANISATION:
            # An organisation-only thing that names no organisation is for staff alone.
            return STAFF_SCOPE if self.organisation_id is None else organisation_scope(self.organisation_id)
        return str(self.audience)


# People


def signed_in(user) -> bool:
    return user is not None and user.is_authenticated and user.is_active


def _base_scopes(user) -> frozenset[str]:
    if not signed_in(user):
        return frozenset({PUBLIC_SCOPE})
    cached = getattr(user, _SCOPES_CACHE, None)
    if cached is None:
        scopes = {PUBLIC_SCOPE, SIGNED_IN_SCOPE}
        organisation_ids = partner_organisation_ids(user)
        if organisation_ids or is_moderator(user):
            scopes.add(PARTNERS_SCOPE)
        scopes.update(organisation_scope(pk) for pk in organisation_ids)
        if is_moderator(user):
            scopes.add(STAFF_SCOPE)
        cached = frozenset(scopes)
        setattr(user, _SCOPES_CACHE, cached)
    return cached


def scopes_for(user) -> frozenset[str]:
    """The scopes of everything ``user`` may find: what search and the public
    moderation log filter on. Moderators moderate every audience, so they also
    get every organisation's scope (one query, only for them)."""
    scopes = _base_scopes(user)
    if STAFF_SCOPE in scopes:
        organisations = Organisation.objects.values_list("pk", flat=True)
        scopes = scopes | {organisation_scope(pk) for pk in organisations}
    return scopes


def audience_key(user) -> str:
    """What decides everything ``user`` finds in lists (pages through their view
    restrictions, topics, posts, comments and documents through their scopes): two
    people with the same key are shown the same lists, so a rendered list may be
    shared between them and no one else."""
    if not signed_in(user):
        return PUBLIC_SCOPE
    parts = [*sorted(_base_scopes(user)), *(f"group:{pk}" for pk in sorted(_group_ids(user)))]
    if user.is_superuser:
        parts.append("superuser")
    return ",".join(parts)


def reaches(user, reach: Reach | None) -> bool:
    """Whether ``user`` belongs to the audience ``reach`` (``None``: nobody but staff)."""
    if signed_in(user) and is_moderator(user):
        return True
    return reach is not None and reach.scope in _base_scopes(user)


def stricter_scope(*scopes: str) -> str:
    """The narrowest of ``scopes``: who may read about something seen by all of them.
    Two different organisations have only the staff in common."""
    order = [PUBLIC_SCOPE, SIGNED_IN_SCOPE, PARTNERS_SCOPE]
    organisations = {scope for scope in scopes if scope.startswith("org:")}
    if STAFF_SCOPE in scopes or len(organisations) > 1:
        return STAFF_SCOPE
    if organisations:
        return organisations.pop()
    return max(scopes, key=order.index, default=PUBLIC_SCOPE)


def _group_ids(user) -> frozenset[int]:
    cached = getattr(user, _GROUPS_CACHE, None)
    if cached is None:
        cached = frozenset(user.groups.values_list("pk", flat=True))
        setattr(user, _GROUPS_CACHE, cached)
    return cached


# Pages


def _is_current(page) -> bool:
    return page.live and not page.expired


def page_audience(page) -> Reach | None:
    """Who may find ``page`` in listings, search, feeds and the sitemap: everyone,
    signed-in people, or ``None`` (a draft, an expired page, or a page behind a
    password or a group restriction, which a list cannot check for a reader)."""
    if not _is_current(page):
        return None
    kinds = {kind for kind, _groups, _pk in load_view_restrictions(page)}
    if kinds - {BaseViewRestriction.LOGIN}:
        return None
    return Reach(Audience.SIGNED_IN) if kinds else Reach(Audience.PUBLIC)


def _passes(user, restriction, request) -> bool:
    kind, group_ids, pk = restriction
    if kind == BaseViewRestriction.PASSWORD:
        session = getattr(request, "session", None) or {}
        return pk in session.get(PageViewRestriction.passed_view_restrictions_session_key, [])
    if not signed_in(user):
        return False
    if kind == BaseViewRestriction.GROUPS:
        return user.is_superuser or bool(group_ids & _group_ids(user))
    return True


def can_view_page(user, page, *, request=None) -> bool:
    """Whether ``user`` may open ``page``. A password restriction is passed only by
    a ``request`` whose session gave the password."""
    if not _is_current(page):
        return signed_in(user) and can_work_on_page(user, page, DRAFT_READING_ROLES)
    return all(_passes(user, restriction, request) for restriction in load_view_restrictions(page))


def needs_password(page) -> bool:
    """Whether ``page`` is behind a password (which a browser session may still give)."""
    return any(kind == BaseViewRestriction.PASSWORD for kind, _groups, _pk in load_view_restrictions(page))


def can_change_page(user, page) -> bool:
    """Whether ``user`` may change ``page``: the organisations' editing roles decide."""
    return can_work_on_page(user, page)


def filter_pages(queryset: QuerySet, user) -> QuerySet:
    """The live pages of ``queryset`` that ``user`` may open, for listings, feeds and
    the sitemap; one subquery, no extra query."""
    blocking = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
    if signed_in(user):
        blocking = blocking.exclude(restriction_type=BaseViewRestriction.LOGIN)
        if user.is_superuser:
            blocking = blocking.exclude(restriction_type=BaseViewRestriction.GROUPS)
        else:
            member = PageViewRestriction.groups.through.objects.filter(
                pageviewrestriction_id=OuterRef("pk"), group__user=user
            )
            blocking = blocking.exclude(Q(restriction_type=BaseViewRestriction.GROUPS) & Exists(member))
    return queryset.live().filter(expired=False).filter(~Exists(blocking))


# Forums


def forum_audience(forum) -> Reach:
    return Reach(
        forum.visibility, forum.organisation_id if forum.visibility == Audience.ORGANISATION else None
    )


def can_view_forum(user, forum) -> bool:
    return reaches(user, forum_audience(forum))


def filter_forums(queryset: QuerySet, user) -> QuerySet:
    """Only the forums ``user`` may read: the others do not exist for them."""
    if signed_in(user) and is_moderator(user):
        return queryset
    scopes = _base_scopes(user)
    plain = [audience for audience in (PUBLIC_SCOPE, SIGNED_IN_SCOPE, PARTNERS_SCOPE) if audience in scopes]
    return queryset.filter(
        Q(visibility__in=plain)
        | Q(visibility=Audience.ORGANISATION, organisation_id__in=partner_organisation_ids(user))
    )


def _own(user, item) -> bool:
    return signed_in(user) and item.author_id == user.pk


def _filter_shown(queryset: QuerySet, user, statuses) -> QuerySet:
    if signed_in(user) and is_moderator(user):
        return queryset
    shown = Q(status__in=statuses)
    if signed_in(user):
        shown |= Q(status=Status.HELD, author=user)
    return queryset.filter(shown)


def filter_topics(queryset: QuerySet, user) -> QuerySet:
    """Topics ``user`` may see in a list: visible ones, their own held ones; moderators all.
    The forums are checked by the caller (a forum page) or with ``filter_forums``."""
    return _filter_shown(queryset, user, (Status.VISIBLE,))


def can_view_topic(user, topic) -> bool:
    if not can_view_forum(user, topic.forum):
        return False
    if topic.status == Status.VISIBLE or is_moderator(user):
        return True
    return topic.status == Status.HELD and _own(user, topic)


def filter_posts(queryset: QuerySet, user) -> QuerySet:
    """Posts (or comments) shown in a thread: visible ones and markers for hidden or
    deleted ones, plus the reader's own held ones; moderators see everything."""
    return _filter_shown(queryset, user, SHOWN_STATUSES)


def _can_read_text(user, item) -> bool:
    if item.status == Status.VISIBLE or (signed_in(user) and is_moderator(user)):
        return True
    return item.status in OWN_READABLE_STATUSES and _own(user, item)


def can_view_post(user, post) -> bool:
    """Whether ``user`` may read this post's text."""
    return can_view_topic(user, post.topic) and _can_read_text(user, post)


# Comments follow their page.


def can_see_comments_of(user, page) -> bool:
    """Whether ``user`` may see the comments on ``page``: whoever may open the page,
    and moderators, who read every comment to moderate it."""
    return (signed_in(user) and is_moderator(user)) or can_view_page(user, page)


def can_view_comment(user, comment) -> bool:
    """Whether ``user`` may read the text of ``comment``."""
    return can_see_comments_of(user, comment.page) and _can_read_text(user, comment)


filter_comments = filter_posts


# Any object


def audience_of(obj) -> Reach | None:
    """The audience of a page, forum, topic, post, comment or organisation;
    ``None`` when no audience may find it (only staff and page workers)."""
    if isinstance(obj, Page):
        return page_audience(obj)
    label = obj._meta.label_lower
    if label == "forums.forum":
        return forum_audience(obj)
    if label == "forums.topic":
        return forum_audience(obj.forum)
    if label == "forums.post":
        return forum_audience(obj.topic.forum)
    if label == "comments.comment":
        return page_audience(obj.page)
    if label == "portal.organisation":
        return Reach(Audience.PUBLIC)
    raise TypeError(f"No audience rule for {label}")


def scope_of(obj) -> str:
    """The scope of records about ``obj`` (moderation log entries)."""
    reach = audience_of(obj)
    return reach.scope if reach is not None else STAFF_SCOPE


def can_view(user, obj) -> bool:
    """Whether ``user`` may see ``obj``: what decides who hears about it too."""
    if isinstance(obj, Page):
        return can_view_page(user, obj)
    rules = {
        "forums.forum": can_view_forum,
        "forums.topic": can_view_topic,
        "forums.post": can_view_post,
        "comments.comment": can_view_comment,
    }
    rule = rules.get(obj._meta.label_lower)
    if rule is None:
        return reaches(user, audience_of(obj))
    return rule(user, obj)
