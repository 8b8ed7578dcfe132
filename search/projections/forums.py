"""Forum topics (title and opening post) and replies.

A topic is found while its opening post is visible; a reply while it and its
topic are; by the audience of their forum (``portal.audience.forum_audience``). Addresses are stored
in the default language and shown in the reader's.
"""

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from portal.accounts.selectors import display_name
from portal.audience import forum_audience
from portal.moderation.models import ModeratedContent
from search.projections import Projection, audience_fields, dependents, html_to_text, projector, register_type

VISIBLE = ModeratedContent.Status.VISIBLE

register_type("topic", _("Forum topic"))
register_type("post", _("Forum reply"))


def _url(instance) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return instance.get_absolute_url()


def _author(user) -> tuple[int | None, str]:
    return (user.pk, display_name(user)) if user is not None else (None, "")


@projector("forums.Topic", select_related=("forum", "author__profile"))
def project_topic(topic) -> Projection | None:
    first = topic.posts.filter(number=1).first()
    if first is None or first.status != VISIBLE:
        return None
    forum = topic.forum
    author_id, author_name = _author(topic.author)
    return Projection(
        key=f"forums.topic:{topic.pk}",
        doc_type="topic",
        title=topic.title,
        url=_url(topic),
        date=topic.created_at,
        body=html_to_text(first.body_html),
        language=first.language,
        author_id=author_id,
        author_name=author_name,
        themes=[forum.theme_id] if forum.theme_id else [],
        **audience_fields(forum_audience(forum)),
    )


@projector("forums.Post", select_related=("topic__forum", "author__profile"))
def project_post(post) -> Projection | None:
    # The opening post is searched as part of its topic.
    if post.number == 1 or post.status != VISIBLE:
        return None
    topic = post.topic
    first_visible = topic.posts.filter(number=1, status=VISIBLE).exists()
    if not first_visible:
        return None
    forum = topic.forum
    author_id, author_name = _author(post.author)
    return Projection(
        key=f"forums.post:{post.pk}",
        doc_type="post",
        title=topic.title,
        url=_url(post),
        date=post.created_at,
        body=html_to_text(post.body_html),
        language=post.language,
        author_id=author_id,
        author_name=author_name,
        themes=[forum.theme_id] if forum.theme_id else [],
        **audience_fields(forum_audience(forum)),
    )


@dependents("forums.Post")
def _topic_of_opening_post(post):
    # Editing, hiding or restoring the opening post changes its topic (and the replies).
    if post.number != 1:
        return []
    topic = type(post.topic).objects.get(pk=post.topic_id)
    return [topic, *topic.posts.filter(number__gt=1)]


@dependents("forums.Topic")
def _posts_of_topic(topic):
    return list(topic.posts.filter(number__gt=1).select_related("topic__forum"))


@dependents("forums.Forum")
def _topics_of_forum(forum):
    topics = list(forum.topics.all())
    posts = [post for topic in topics for post in topic.posts.filter(number__gt=1)]
    return [*topics, *posts]
