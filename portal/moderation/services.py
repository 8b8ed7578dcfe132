"""The moderation pipeline shared by forum posts and comments.

Apps call ``posting_allowed`` and ``moderation_initial_status`` before saving a new
contribution, ``content_revise`` when its author edits it, and readers' reports and
moderators' decisions go through the functions below, each of which leaves a
``ModerationAction`` behind.
"""

from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import formats, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal import audience
from portal.accounts.models import Profile, TrustLevel
from portal.accounts.selectors import is_moderator
from portal.moderation import app_settings, trust
from portal.moderation.models import (
    EditRevision,
    ModeratedContent,
    ModerationAction,
    Report,
    Suspension,
)
from portal.moderation.registry import moderated_models
from portal.text import strip_controls

Status = ModeratedContent.Status
Kind = ModerationAction.Kind


class PostingNotAllowed(Exception):
    """The person may not write right now; ``message`` says why, for them to read."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class Suspended(PostingNotAllowed):
    """The person is suspended: they may read, but write nothing until ``until``."""

    def __init__(self, suspension: Suspension):
        super().__init__(
            _("Your account is suspended until %(date)s, so you cannot write for now. Reason: %(reason)s")
            % {
                "date": formats.date_format(timezone.localtime(suspension.ends_at), "DATETIME_FORMAT"),
                "reason": suspension.reason,
            }
        )
        self.until = suspension.ends_at


class AlreadyReported(Exception):
    """The person already has an open report on this content."""


def moderator_role(user) -> str:
    """The role shown publicly for a moderator's decision (never their name)."""
    if user is not None and user.is_superuser:
        return ModerationAction.Role.ADMINISTRATOR
    return ModerationAction.Role.MODERATOR


def _require_moderator(user) -> None:
    if not is_moderator(user):
        raise PermissionDenied(_("Only moderators may do this."))


def _contributions(author):
    for model in moderated_models():
        yield model.objects.filter(author=author)


def active_suspension(user) -> Suspension | None:
    """The suspension that currently stops ``user`` from writing, if any."""
    if user is None or not user.is_authenticated:
        return None
    now = timezone.now()
    return (
        Suspension.objects.filter(user=user, lifted_at__isnull=True, starts_at__lte=now, ends_at__gt=now)
        .order_by("-ends_at")
        .first()
    )


def writing_allowed(*, user) -> None:
    """Raise ``Suspended`` when ``user`` is suspended. Every service that writes on
    someone's behalf asks the database again: the permission rules read a copy of
    the person's facts taken once per request, before a suspension may have begun."""
    suspension = active_suspension(user)
    if suspension is not None:
        raise Suspended(suspension)


def posting_allowed(*, author) -> None:
    """Raise ``Suspended`` when ``author`` is suspended, ``PostingNotAllowed`` when they
    write faster than ``PORTAL_POSTING_RATE_LIMIT`` allows; return quietly otherwise
    (anonymous people too: the permission rules refuse them)."""
    if author is None or not author.is_authenticated:
        return
    writing_allowed(user=author)
    limit = app_settings.posting_rate_limit()
    if limit is None or is_moderator(author):
        return
    count, period = limit
    since = timezone.now() - period
    recent = sum(queryset.filter(created_at__gte=since).count() for queryset in _contributions(author))
    # Trust is asked only when the limit would refuse: most writes stay one query cheaper.
    if recent >= count and not trust.exempt_from_rate_limit(author):
        raise PostingNotAllowed(
            _("You are writing faster than the portal allows. Please wait a little and try again.")
        )


def moderation_initial_status(*, author) -> str:
    """``visible``, or ``held`` while the author's trust level is "new" (see
    ``portal.moderation.trust``): their words wait for a moderator."""
    return Status.HELD if trust.writes_held(author) else Status.VISIBLE


def action_record(
    *,
    kind: str,
    moderator,
    target=None,
    label: str = "",
    scope: str | None = None,
    subject_user=None,
    reason: str = "",
) -> ModerationAction:
    """Write one entry of the audit trail; kinds readers can notice also reach the
    public log (which shows the role, never the moderator's name or hidden text)."""
    if target is not None:
        label = label or target.moderation_label()
        scope = scope or audience.scope_of(target)
        subject_user = subject_user or getattr(target, "author", None)
    return ModerationAction.objects.create(
        kind=kind,
        content_type=ContentType.objects.get_for_model(target) if target is not None else None,
        object_id=target.pk if target is not None else None,
        moderator=moderator,
        moderator_role=moderator_role(moderator),
        subject_user=subject_user,
        target_label=str(label)[:300],
        scope=scope or audience.PUBLIC_SCOPE,
        reason=strip_controls(reason),
        is_public=kind in ModerationAction.PUBLIC_KINDS,
    )


def _locked(content: ModeratedContent) -> ModeratedContent:
    return type(content).objects.select_for_update().get(pk=content.pk)


def _set_status(content: ModeratedContent, status: str, *, reason: str = "") -> str:
    previous = content.status
    content.status = status
    content.hidden_reason = reason if status == Status.HIDDEN else ""
    content.save(update_fields=["status", "hidden_reason"])
    if previous != status:
        content.moderation_status_changed(previous=previous)
    return previous


def _resolve_reports(content: ModeratedContent, moderator) -> int:
    return Report.objects.filter(
        content_type=ContentType.objects.get_for_model(content),
        object_id=content.pk,
        resolved_at__isnull=True,
    ).update(resolved_at=timezone.now(), resolved_by=moderator)


def _tell_author(content: ModeratedContent, verb: str, summary: str) -> None:
    from portal.notifications.services import notification_create

    if content.author_id is None:
        return
    notification_create(
        recipients=[content.author],
        verb=verb,
        summary=summary[:300],
        url=content.get_absolute_url(),
        actor=None,
        # Hidden content is unreadable to everyone but moderators; its author still
        # hears what happened to it (the fan-out lets a target's author through).
        target=content,
    )


@transaction.atomic
def content_report(*, content: ModeratedContent, reporter, reason: str, details: str = "") -> Report:
    """File a reader's report; raises ``AlreadyReported`` if they have one open on it."""
    writing_allowed(user=reporter)
    if reason not in Report.Reason.values:
        raise ValueError(f"Unknown report reason {reason!r}")
    content_type = ContentType.objects.get_for_model(content)
    if Report.objects.filter(
        content_type=content_type, object_id=content.pk, reporter=reporter, resolved_at__isnull=True
    ).exists():
        raise AlreadyReported
    try:
        with transaction.atomic():
            return Report.objects.create(
                content_type=content_type,
                object_id=content.pk,
                reporter=reporter,
                reason=reason,
                details=strip_controls(details).strip()[:1000],
            )
    except IntegrityError as error:
        raise AlreadyReported from error


@transaction.atomic
def content_hide(*, content: ModeratedContent, moderator, reason: str) -> ModeratedContent:
    """Hide content from readers, tell its author why, and log the decision."""
    _require_moderator(moderator)
    reason = reason.strip()
    if not reason:
        raise ValueError("A reason is required to hide content.")
    content = _locked(content)
    _set_status(content, Status.HIDDEN, reason=reason)
    _resolve_reports(content, moderator)
    action_record(kind=Kind.HIDE, moderator=moderator, target=content, reason=reason)
    _tell_author(
        content,
        "content_hidden",
        gettext("“%(what)s” was hidden. Reason: %(reason)s")
        % {"what": content.moderation_label(), "reason": reason},
    )
    return content


@transaction.atomic
def content_restore(*, content: ModeratedContent, moderator, reason: str = "") -> ModeratedContent:
    """Show hidden or deleted content again."""
    _require_moderator(moderator)
    content = _locked(content)
    _set_status(content, Status.VISIBLE)
    action_record(kind=Kind.RESTORE, moderator=moderator, target=content, reason=reason)
    _tell_author(content, "content_restored", str(content.moderation_label()))
    return content


@transaction.atomic
def content_approve(*, content: ModeratedContent, moderator) -> ModeratedContent:
    """Publish content that was held for approval (or clear reports on visible content)."""
    _require_moderator(moderator)
    content = _locked(content)
    was_held = content.status == Status.HELD
    _set_status(content, Status.VISIBLE)
    _resolve_reports(content, moderator)
    action_record(kind=Kind.APPROVE if was_held else Kind.DISMISS, moderator=moderator, target=content)
    if was_held:
        _tell_author(content, "content_approved", str(content.moderation_label()))
    return content


@transaction.atomic
def content_delete(*, content: ModeratedContent, moderator, reason: str) -> ModeratedContent:
    """Remove content for good from every reader (kept in the database for the record)."""
    _require_moderator(moderator)
    content = _locked(content)
    _set_status(content, Status.DELETED)
    _resolve_reports(content, moderator)
    action_record(kind=Kind.DELETE, moderator=moderator, target=content, reason=reason.strip())
    return content


@transaction.atomic
def content_revise(*, content: ModeratedContent, editor, source: str) -> ModeratedContent:
    """Replace the text, keeping the previous version for moderators and counting the
    edit so readers see an "edited" marker."""
    writing_allowed(user=editor)
    content = _locked(content)
    if source == content.body_source:
        return content
    EditRevision.objects.create(
        content_type=ContentType.objects.get_for_model(content),
        object_id=content.pk,
        body_source=content.body_source,
        edited_by=editor,
    )
    content.set_body(source)
    content.edited_at = timezone.now()
    content.edit_count = F("edit_count") + 1
    content.save(update_fields=["body_source", "body_html", "edited_at", "edit_count"])
    content.refresh_from_db(fields=["edit_count"])
    return content


@transaction.atomic
def content_moderator_edit(
    *, content: ModeratedContent, moderator, source: str, reason: str
) -> ModeratedContent:
    """A moderator's correction of someone's text (for example removing personal data)."""
    _require_moderator(moderator)
    content = content_revise(content=content, editor=moderator, source=source)
    action_record(kind=Kind.EDIT, moderator=moderator, target=content, reason=reason.strip())
    return content


@transaction.atomic
def user_suspend(*, user, moderator, ends_at: datetime, reason: str) -> Suspension:
    """Stop ``user`` from writing until ``ends_at``; they can still read."""
    _require_moderator(moderator)
    if ends_at <= timezone.now():
        raise ValueError("A suspension must end in the future.")
    if is_moderator(user):
        raise PermissionDenied(_("Moderators cannot be suspended here."))
    suspension = Suspension.objects.create(
        user=user, ends_at=ends_at, reason=reason.strip(), created_by=moderator
    )
    action_record(
        kind=Kind.SUSPEND,
        moderator=moderator,
        subject_user=user,
        label=gettext("A person's account"),
        reason=reason.strip(),
    )
    return suspension


@transaction.atomic
def suspension_lift(*, suspension: Suspension, moderator) -> Suspension:
    """End a suspension early."""
    _require_moderator(moderator)
    suspension.lifted_at = timezone.now()
    suspension.save(update_fields=["lifted_at"])
    action_record(
        kind=Kind.UNSUSPEND,
        moderator=moderator,
        subject_user=suspension.user,
        label=gettext("A person's account"),
    )
    return suspension


@transaction.atomic
def user_trust_level_set(*, user, moderator, level: int | None, reason: str = "") -> Profile:
    """Set the trust level of ``user`` (``None``: computed again from their membership,
    age and contributions), remembering who set it and when, in the audit log too."""
    _require_moderator(moderator)
    if is_moderator(user) or user.is_staff:
        raise PermissionDenied(_("The trust level of staff and moderators cannot be changed here."))
    if level is not None:
        level = TrustLevel(level)
    profile, _created = Profile.objects.select_for_update().get_or_create(user=user)
    profile.trust_level = level
    profile.trust_level_set_by = moderator if level is not None else None
    profile.trust_level_set_at = timezone.now() if level is not None else None
    profile.save(update_fields=["trust_level", "trust_level_set_by", "trust_level_set_at", "updated_at"])
    shown = TrustLevel(level).label if level is not None else gettext("computed again")
    action_record(
        kind=Kind.TRUST,
        moderator=moderator,
        subject_user=user,
        label=gettext("Trust level: %(level)s") % {"level": shown},
        reason=reason.strip(),
    )
    return profile


@transaction.atomic
def content_withdraw(*, content: ModeratedContent, author) -> ModeratedContent:
    """Its author deletes their own contribution: readers see that something was
    removed; moderators can still read it."""
    if author is None or content.author_id != author.pk:
        raise PermissionDenied(_("You can only delete what you wrote."))
    writing_allowed(user=author)
    content = _locked(content)
    _set_status(content, Status.DELETED)
    return content
