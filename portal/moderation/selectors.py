"""Reads for moderators (the queue, the audit trail) and for everyone (the public log)."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q, QuerySet
from django.http import Http404

from portal import audience
from portal.accounts.models import Profile
from portal.moderation.models import EditRevision, ModeratedContent, ModerationAction, Report, Suspension
from portal.moderation.registry import moderated_models
from portal.moderation.trust import Trust, trust_of, trust_of_many

Status = ModeratedContent.Status


@dataclass
class QueueItem:
    """One piece of content waiting for a moderator, with the reports filed on it."""

    content: ModeratedContent
    content_type: ContentType
    reports: list = field(default_factory=list)
    trust: Trust | None = None

    @property
    def waiting_since(self):
        times = [self.content.created_at] if self.content.status == Status.HELD else []
        times += [report.created_at for report in self.reports]
        return min(times) if times else self.content.created_at


@dataclass
class ThreadContext:
    """Where an item sits: its thread (topic or page) and its neighbours there."""

    title: str
    url: str
    previous: ModeratedContent | None
    following: ModeratedContent | None


@dataclass
class AuthorHistory:
    """What a moderator weighs about the author of an item."""

    trust: Trust
    profile: Profile | None
    counts: dict[str, int]
    decisions: list[ModerationAction]
    suspension: Suspension | None
    suspension_count: int


# Decisions about a person's earlier contributions that a moderator weighs.
HISTORY_KINDS = (
    ModerationAction.Kind.HIDE,
    ModerationAction.Kind.DELETE,
    ModerationAction.Kind.EDIT,
    ModerationAction.Kind.SUSPEND,
    ModerationAction.Kind.TRUST,
)
HISTORY_LENGTH = 10


def _select_related(model):
    return model.objects.select_related(
        "author", "author__profile", *getattr(model, "moderation_select_related", ())
    )


def public_log(*, user) -> QuerySet[ModerationAction]:
    """Hidden, deleted, locked, closed and moved content, newest first; each entry
    only for the audience of the content it is about. Shows roles, never names."""
    actions = ModerationAction.objects.filter(is_public=True, scope__in=audience.scopes_for(user))
    return actions.order_by("-created_at", "-pk")


def audit_log() -> QuerySet[ModerationAction]:
    """Every moderator action with who took it, for moderators."""
    return ModerationAction.objects.select_related(
        "moderator", "moderator__profile", "subject_user", "subject_user__profile"
    )


def moderation_queue(*, user) -> list[QueueItem]:
    """Content held for approval or reported and not yet dealt with, oldest first,
    as far as ``user`` may read it (moderators read every audience).

    A fixed number of queries: one for open reports, one per moderated model and one
    for the authors' trust levels."""
    open_reports = defaultdict(list)
    for report in Report.objects.filter(resolved_at__isnull=True).select_related("reporter"):
        open_reports[(report.content_type_id, report.object_id)].append(report)
    items = []
    for model in moderated_models():
        content_type = ContentType.objects.get_for_model(model)
        reported_ids = [object_id for (type_id, object_id) in open_reports if type_id == content_type.pk]
        waiting = _select_related(model).filter(Q(status=Status.HELD) | Q(pk__in=reported_ids))
        for content in waiting:
            if not audience.can_view(user, content):
                continue
            reports = open_reports.get((content_type.pk, content.pk), [])
            items.append(QueueItem(content=content, content_type=content_type, reports=reports))
    levels = trust_of_many(item.content.author for item in items)
    for item in items:
        item.trust = levels.get(item.content.author_id)
    return sorted(items, key=lambda item: item.waiting_since)


def queue_size() -> int:
    """How many items wait in the queue (for the admin menu)."""
    reported = Report.objects.filter(resolved_at__isnull=True).values("content_type", "object_id").distinct()
    held = sum(model.objects.filter(status=Status.HELD).count() for model in moderated_models())
    return held + reported.count()


def moderated_object(*, content_type_id: int, object_id: int) -> tuple[ContentType, ModeratedContent]:
    """A moderated object by its content type and id, or 404 (never another model)."""
    content_type = ContentType.objects.filter(pk=content_type_id).first()
    model = content_type.model_class() if content_type else None
    if model is None or model not in moderated_models():
        raise Http404
    content = _select_related(model).filter(pk=object_id).first()
    if content is None:
        raise Http404
    return content_type, content


def reports_for(content: ModeratedContent) -> QuerySet[Report]:
    return Report.objects.filter(
        content_type=ContentType.objects.get_for_model(content), object_id=content.pk
    ).select_related("reporter", "reporter__profile", "resolved_by")


def revisions_for(content: ModeratedContent) -> QuerySet[EditRevision]:
    return EditRevision.objects.filter(
        content_type=ContentType.objects.get_for_model(content), object_id=content.pk
    ).select_related("edited_by", "edited_by__profile")


def actions_for(content: ModeratedContent) -> QuerySet[ModerationAction]:
    return ModerationAction.objects.filter(
        content_type=ContentType.objects.get_for_model(content), object_id=content.pk
    ).select_related("moderator", "moderator__profile")


def suspension_list() -> QuerySet[Suspension]:
    return Suspension.objects.select_related("user", "created_by").order_by("-starts_at")


def thread_context(content: ModeratedContent) -> ThreadContext | None:
    """The thread of ``content`` and the items just before and after it there,
    whatever their status (moderators read everything): two queries."""
    model = type(content)
    if model.moderation_thread is None:
        return None
    parent_name, order = model.moderation_thread
    parent = getattr(content, parent_name)
    value = getattr(content, order)
    siblings = _select_related(model).filter(**{parent_name: parent})
    earlier = Q(**{f"{order}__lt": value}) | Q(**{order: value, "pk__lt": content.pk})
    later = Q(**{f"{order}__gt": value}) | Q(**{order: value, "pk__gt": content.pk})
    # Wagtail pages know their address through their site; topics have their own.
    url = parent.get_url() if hasattr(parent, "get_url") else parent.get_absolute_url()
    return ThreadContext(
        title=str(parent),
        url=url or "",
        previous=siblings.filter(earlier).order_by(f"-{order}", "-pk").first(),
        following=siblings.filter(later).order_by(order, "pk").first(),
    )


def author_history(author) -> AuthorHistory | None:
    """The author's trust level (and who set it), how many of their contributions
    are visible, held, hidden or deleted, moderators' latest decisions about them and
    their suspensions: a fixed number of queries."""
    if author is None:
        return None
    counts = dict.fromkeys(Status.values, 0)
    for model in moderated_models():
        for row in (
            model.objects.filter(author=author).order_by().values("status").annotate(total=Count("pk"))
        ):
            counts[row["status"]] += row["total"]
    decisions = list(
        ModerationAction.objects.filter(subject_user=author, kind__in=HISTORY_KINDS)
        .select_related("moderator", "moderator__profile")
        .order_by("-created_at", "-pk")[:HISTORY_LENGTH]
    )
    suspensions = list(Suspension.objects.filter(user=author))
    return AuthorHistory(
        trust=trust_of(author),
        profile=Profile.objects.filter(user=author)
        .select_related("trust_level_set_by", "trust_level_set_by__profile")
        .first(),
        counts=counts,
        decisions=decisions,
        suspension=next((suspension for suspension in suspensions if suspension.is_active), None),
        suspension_count=len(suspensions),
    )
