"""What a notification says happened, and which kind of email it belongs to.

Callers pass one of these verbs to ``notification_create``. The sentence shown to
the recipient is translated when it is shown (in the recipient's language for
emails), while the caller's ``summary`` (a title or excerpt written by a person) is
shown as written.
"""

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal.accounts.selectors import display_name as accounts_display_name


class Kind(models.TextChoices):
    """The groups a person can switch emails on and off for."""

    WATCHED = "watched", _("New activity in forums, topics and pages I watch")
    REPLIES = "replies", _("Replies to what I wrote and mentions of me")
    MODERATION = "moderation", _("Moderation decisions about what I wrote")
    MEMBERSHIP = "membership", _("Decisions on my requests to join an organisation")
    ANSWERS = "answers", _("My posts marked as the answer")
    SIGN_OFF = "sign_off", _("Sign-off of pages I wrote or review")


class Verb(models.TextChoices):
    TOPIC_CREATED = "topic_created", _("New topic")
    POST_CREATED = "post_created", _("New post")
    POST_REPLY = "post_reply", _("Reply to a post")
    MENTION = "mention", _("Mention")
    COMMENT_CREATED = "comment_created", _("New comment")
    COMMENT_REPLY = "comment_reply", _("Reply to a comment")
    CONTENT_HIDDEN = "content_hidden", _("Content hidden")
    CONTENT_RESTORED = "content_restored", _("Content restored")
    CONTENT_APPROVED = "content_approved", _("Content approved")
    CONTENT_REPORTED = "content_reported", _("Content reported")
    MEMBERSHIP_APPROVED = "membership_approved", _("Membership approved")
    MEMBERSHIP_DECLINED = "membership_declined", _("Membership declined")
    POST_ANSWER = "post_answer", _("Post marked as the answer")
    SIGN_OFF_AWAITED = "sign_off_awaited", _("Sign-off awaited")
    PAGE_SIGNED_OFF = "page_signed_off", _("Page signed off")
    PAGE_PUBLISHED = "page_published", _("Page published")


VERB_KINDS = {
    Verb.TOPIC_CREATED: Kind.WATCHED,
    Verb.POST_CREATED: Kind.WATCHED,
    Verb.COMMENT_CREATED: Kind.WATCHED,
    Verb.POST_REPLY: Kind.REPLIES,
    Verb.MENTION: Kind.REPLIES,
    Verb.COMMENT_REPLY: Kind.REPLIES,
    Verb.CONTENT_HIDDEN: Kind.MODERATION,
    Verb.CONTENT_RESTORED: Kind.MODERATION,
    Verb.CONTENT_APPROVED: Kind.MODERATION,
    Verb.CONTENT_REPORTED: Kind.MODERATION,
    Verb.MEMBERSHIP_APPROVED: Kind.MEMBERSHIP,
    Verb.MEMBERSHIP_DECLINED: Kind.MEMBERSHIP,
    Verb.POST_ANSWER: Kind.ANSWERS,
    Verb.SIGN_OFF_AWAITED: Kind.SIGN_OFF,
    Verb.PAGE_SIGNED_OFF: Kind.SIGN_OFF,
    Verb.PAGE_PUBLISHED: Kind.SIGN_OFF,
}

# Whole sentences, so that each language can order the words its own way.
_SENTENCES = {
    Verb.TOPIC_CREATED: _("%(actor)s started a topic in a forum you watch"),
    Verb.POST_CREATED: _("%(actor)s posted in a topic you watch"),
    Verb.POST_REPLY: _("%(actor)s replied to your post"),
    Verb.MENTION: _("%(actor)s mentioned you"),
    Verb.COMMENT_CREATED: _("%(actor)s commented on a page you follow"),
    Verb.COMMENT_REPLY: _("%(actor)s replied to your comment"),
    Verb.CONTENT_REPORTED: _("%(actor)s reported content for moderation"),
    Verb.POST_ANSWER: _("%(actor)s marked your post as the answer"),
    Verb.SIGN_OFF_AWAITED: _("%(actor)s submitted a page for your sign-off"),
    Verb.PAGE_SIGNED_OFF: _("%(actor)s signed off your page"),
}
# Moderation decisions are the team's, not one moderator's.
_UNSIGNED_SENTENCES = {
    Verb.CONTENT_HIDDEN: _("Moderators hid something you wrote"),
    Verb.CONTENT_RESTORED: _("Moderators restored something you wrote"),
    Verb.CONTENT_APPROVED: _("Moderators approved something you wrote"),
    # An organisation's administrators decide together, and a page is published by
    # its sign-off, not by whoever gave the last one.
    Verb.MEMBERSHIP_APPROVED: _("Your request to join an organisation was approved"),
    Verb.MEMBERSHIP_DECLINED: _("Your request to join an organisation was declined"),
    Verb.PAGE_PUBLISHED: _("Your page is published"),
}


def kind_for_verb(verb: str) -> str:
    """The email kind of a verb; verbs this module does not know count as activity."""
    return VERB_KINDS.get(verb, Kind.WATCHED)


def display_name(user) -> str:
    if user is None:
        return gettext("Someone")
    return accounts_display_name(user)


def sentence(verb: str, actor) -> str:
    """The translated sentence for a verb, in the active language."""
    if verb in _UNSIGNED_SENTENCES:
        return str(_UNSIGNED_SENTENCES[verb])
    if verb in _SENTENCES:
        return str(_SENTENCES[verb]) % {"actor": display_name(actor)}
    return gettext("%(actor)s has news for you") % {"actor": display_name(actor)}
