"""Writes with rules for the forums: starting topics, posting, editing, reacting,
and the moderators' topic decisions. Counters change here, with ``F()`` updates."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.db.models.functions import Greatest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from forums import permissions
from forums.models import Forum, Post, Reaction, Topic, TopicReadState
from portal import audience
from portal.markup import extract_mentions, guess_language, html_to_text
from portal.moderation import services as moderation
from portal.moderation.models import ModerationAction
from portal.notifications import services as notifications
from portal.notifications.selectors import watchers
from portal.notifications.verbs import Verb
from portal.text import single_line

Status = Post.Status
MAX_MENTIONS = 20


def _now():
    return timezone.now()


@transaction.atomic
def topic_create(
    *, forum: Forum, author, title: str, body: str, linked_page=None, language: str = ""
) -> Topic:
    """Start a topic with its opening post; it waits for approval when the author is
    new, and watchers of the forum hear about it once it is visible. Raises
    moderation's ``PostingNotAllowed`` (suspended, or writing too fast) first."""
    moderation.posting_allowed(author=author)
    if not permissions.can_post_in_forum(author, forum):
        raise PermissionDenied(_("You cannot start a topic in this forum."))
    title = single_line(title)
    if not title:
        raise ValidationError(_("A topic needs a title."))
    status = moderation.moderation_initial_status(author=author)
    now = _now()
    topic = Topic.objects.create(
        forum=forum,
        title=title,
        author=author,
        status=status,
        created_at=now,
        last_activity_at=now,
        linked_page=linked_page,
        last_number=1,
    )
    post = Post(topic=topic, number=1, author=author, status=status, created_at=now)
    post.set_body(body)
    post.language = guess_language(body, language)
    post.save()
    notifications.watch_start(user=author, target=topic)
    if status == Status.VISIBLE:
        _count_visible(post, +1)
        _announce(post)
    return topic


@transaction.atomic
def post_create(
    *, topic: Topic, author, body: str, reply_to: Post | None = None, quoted: Post | None = None, language=""
) -> Post:
    """Reply in a topic, optionally to or quoting an earlier post of the same topic."""
    moderation.posting_allowed(author=author)
    topic = Topic.objects.select_for_update().select_related("forum").get(pk=topic.pk)
    if not permissions.can_reply(author, topic):
        raise PermissionDenied(_("You cannot reply in this topic."))
    for related in (reply_to, quoted):
        if related is not None and (
            related.topic_id != topic.pk or not permissions.can_view_post(author, related)
        ):
            raise ValidationError(_("You can only reply to or quote a post of this topic."))
    status = moderation.moderation_initial_status(author=author)
    Topic.objects.filter(pk=topic.pk).update(last_number=F("last_number") + 1)
    topic.refresh_from_db(fields=["last_number"])
    post = Post(
        topic=topic,
        number=topic.last_number,
        author=author,
        status=status,
        reply_to=reply_to,
        quoted=quoted,
        created_at=_now(),
    )
    post.set_body(body)
    post.language = guess_language(body, language)
    post.save()
    notifications.watch_start(user=author, target=topic)
    if status == Status.VISIBLE:
        _count_visible(post, +1)
        _announce(post)
    topic_mark_read(user=author, topic=topic, number=post.number)
    return post


@transaction.atomic
def post_edit(*, post: Post, editor, body: str) -> Post:
    """Change a post's text; the previous text is kept for moderators."""
    if not permissions.can_edit_post(editor, post):
        raise PermissionDenied(_("You cannot edit this post."))
    post = moderation.content_revise(content=post, editor=editor, source=body)
    post.language = guess_language(body, post.language)
    post.save(update_fields=["language"])
    return post


@transaction.atomic
def topic_edit_title(*, topic: Topic, editor, title: str) -> Topic:
    """Rename a topic (its author, through editing the opening post, or a moderator)."""
    first = topic.posts.get(number=1)
    if not permissions.can_edit_post(editor, first):
        raise PermissionDenied(_("You cannot edit this topic."))
    moderation.writing_allowed(user=editor)
    title = single_line(title)
    if not title:
        raise ValidationError(_("A topic needs a title."))
    # Saved through the model (not a queryset update) so the topic's search
    # document and its replies' follow the new title in this transaction.
    topic.title = title
    topic.save(update_fields=["title"])
    return topic


@transaction.atomic
def post_delete(*, post: Post, user) -> Post:
    """Its author removes their own post; a marker stays in the topic."""
    if not permissions.can_delete_post(user, post):
        raise PermissionDenied(_("You cannot delete this post."))
    return moderation.content_withdraw(content=post, author=user)


def post_status_changed(*, post: Post, previous: str) -> None:
    """Keep counters, the topic's own status and announcements in step with a post's
    moderation status (called by the moderation pipeline)."""
    was_visible, is_visible = previous == Status.VISIBLE, post.status == Status.VISIBLE
    if post.is_first:
        Topic.objects.filter(pk=post.topic_id).update(status=post.status)
        post.topic.status = post.status
    if was_visible != is_visible:
        _count_visible(post, +1 if is_visible else -1)
    if previous == Status.HELD and is_visible:
        _announce(post)


def _count_visible(post: Post, delta: int) -> None:
    topic_changes = {"post_count": Greatest(F("post_count") + delta, 0)}
    forum_changes = {"post_count": Greatest(F("post_count") + delta, 0)}
    if delta > 0:
        now = _now()
        topic_changes["last_activity_at"] = now
        forum_changes["last_activity_at"] = now
    if post.is_first:
        forum_changes["topic_count"] = Greatest(F("topic_count") + delta, 0)
    Topic.objects.filter(pk=post.topic_id).update(**topic_changes)
    Forum.objects.filter(pk=post.topic.forum_id).update(**forum_changes)


def _announce(post: Post) -> None:
    """Tell the people who should hear about a newly visible post, each once, and
    only those who may read it."""
    topic = post.topic
    summary = topic.title
    told = set()

    def tell(users, verb):
        users = [user for user in users if user.pk not in told]
        told.update(user.pk for user in users)
        if users:
            notifications.notification_create(
                recipients=users,
                verb=verb,
                summary=summary,
                excerpt=html_to_text(post.body_html),
                url=post.get_absolute_url(),
                actor=post.author,
                target=post,
            )

    told.add(post.author_id)
    mentioned = list(extract_mentions(post.body_source))[:MAX_MENTIONS]
    if mentioned:
        tell(get_user_model().objects.filter(username__in=mentioned, is_active=True), "mention")
    replied = [p.author for p in (post.reply_to, post.quoted) if p is not None and p.author_id]
    tell(replied, "post_reply")
    if post.is_first:
        tell(watchers(topic.forum), "topic_created")
    else:
        tell(watchers(topic), "post_created")


def topic_mark_read(*, user, topic: Topic, number: int, already_read: int | None = None) -> None:
    """Remember that ``user`` has read ``topic`` up to post ``number`` (never backwards).

    ``already_read`` is the position the caller loaded with the topic, if any: when it
    covers ``number`` nothing is written, so reading a page again writes nothing."""
    if not user.is_authenticated or (already_read is not None and already_read >= number):
        return
    TopicReadState.objects.bulk_create(
        [TopicReadState(user=user, topic=topic, last_read_number=number)], ignore_conflicts=True
    )
    TopicReadState.objects.filter(user=user, topic=topic, last_read_number__lt=number).update(
        last_read_number=number, updated_at=_now()
    )


@transaction.atomic
def post_mark_answer(*, post: Post, user) -> Topic:
    """Mark (or unmark) a post as the answer or outcome of its topic; its author
    hears that it was marked."""
    topic = post.topic
    if not permissions.can_mark_answer(user, topic):
        raise PermissionDenied(_("Only the person who started the topic or a moderator can do this."))
    moderation.writing_allowed(user=user)
    if post.status != Status.VISIBLE or post.is_first:
        raise ValidationError(_("Only a visible reply can be marked as the answer."))
    topic.answer = None if topic.answer_id == post.pk else post
    topic.save(update_fields=["answer"])
    if topic.answer_id is not None:
        notifications.notification_create(
            recipients=[post.author],
            verb=Verb.POST_ANSWER,
            summary=topic.title,
            excerpt=html_to_text(post.body_html),
            url=post.get_absolute_url(),
            actor=user,
            target=post,
        )
    return topic


@transaction.atomic
def reaction_toggle(*, post: Post, user, kind: str = Reaction.Kind.HELPFUL) -> bool:
    """Add or remove the person's reaction; returns whether it is now on."""
    if not permissions.can_react(user, post):
        raise PermissionDenied(_("You cannot react to this post."))
    moderation.writing_allowed(user=user)
    deleted, _details = Reaction.objects.filter(post=post, user=user, kind=kind).delete()
    if deleted:
        Post.objects.filter(pk=post.pk).update(helpful_count=Greatest(F("helpful_count") - 1, 0))
        return False
    Reaction.objects.create(post=post, user=user, kind=kind)
    Post.objects.filter(pk=post.pk).update(helpful_count=F("helpful_count") + 1)
    return True


@transaction.atomic
def subscription_toggle(*, user, target: Forum | Topic) -> bool:
    """Start or stop watching a forum or topic; returns whether the person now watches."""
    forum = target if isinstance(target, Forum) else target.forum
    if not permissions.can_watch(user, forum):
        raise PermissionDenied(_("You cannot follow this."))
    if user.pk in set(watchers(target).filter(pk=user.pk).values_list("pk", flat=True)):
        notifications.watch_stop(user=user, target=target)
        return False
    notifications.watch_start(user=user, target=target)
    return True


# Moderators' decisions on whole topics

FLAG_ACTIONS = {
    ("pinned", True): ModerationAction.Kind.PIN,
    ("pinned", False): ModerationAction.Kind.UNPIN,
    ("locked", True): ModerationAction.Kind.LOCK,
    ("locked", False): ModerationAction.Kind.UNLOCK,
    ("closed", True): ModerationAction.Kind.CLOSE,
    ("closed", False): ModerationAction.Kind.REOPEN,
}


@transaction.atomic
def topic_set_flag(*, topic: Topic, moderator, flag: str, value: bool, reason: str = "") -> Topic:
    """Pin, lock or close a topic (or undo it), recorded in the moderation log."""
    if not permissions.can_moderate(moderator):
        raise PermissionDenied(_("Only moderators may do this."))
    kind = FLAG_ACTIONS[(flag, bool(value))]
    if getattr(topic, flag) == bool(value):
        return topic
    setattr(topic, flag, bool(value))
    topic.save(update_fields=[flag])
    moderation.action_record(kind=kind, moderator=moderator, target=topic, reason=reason.strip())
    return topic


def topic_pin(*, topic, moderator, pinned=True, reason=""):
    return topic_set_flag(topic=topic, moderator=moderator, flag="pinned", value=pinned, reason=reason)


def topic_lock(*, topic, moderator, locked=True, reason=""):
    return topic_set_flag(topic=topic, moderator=moderator, flag="locked", value=locked, reason=reason)


def topic_close(*, topic, moderator, closed=True, reason=""):
    return topic_set_flag(topic=topic, moderator=moderator, flag="closed", value=closed, reason=reason)


@transaction.atomic
def topic_move(*, topic: Topic, forum: Forum, moderator, reason: str = "") -> Topic:
    """Move a topic to another forum, carrying its counts along."""
    if not permissions.can_moderate(moderator):
        raise PermissionDenied(_("Only moderators may do this."))
    source = topic.forum
    if source.pk == forum.pk:
        return topic
    if topic.status == Status.VISIBLE:
        Forum.objects.filter(pk=source.pk).update(
            topic_count=Greatest(F("topic_count") - 1, 0),
            post_count=Greatest(F("post_count") - topic.post_count, 0),
        )
        Forum.objects.filter(pk=forum.pk).update(
            topic_count=F("topic_count") + 1, post_count=F("post_count") + topic.post_count
        )
    topic.forum = forum
    topic.save(update_fields=["forum"])
    # The stricter audience of the two decides who may read about the move.
    moderation.action_record(
        kind=ModerationAction.Kind.MOVE,
        moderator=moderator,
        target=topic,
        scope=audience.stricter_scope(audience.scope_of(source), audience.scope_of(forum)),
        label=_("%(topic)s, from “%(source)s” to “%(forum)s”")
        % {"topic": topic.moderation_label(), "source": source.name, "forum": forum.name},
        reason=reason.strip(),
    )
    return topic
