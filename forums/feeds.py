"""An RSS feed of each public forum's latest posts."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.translation import gettext as _

from forums import permissions
from forums.models import Forum, Post, Topic
from portal import audience

FEED_LENGTH = 30


class ForumFeed(Feed):
    def get_object(self, request, slug):
        forum = Forum.objects.filter(slug=slug).first()
        # Feed readers are anonymous: partners-only forums have no feed at all.
        if forum is None or not permissions.can_read_feed(forum):
            raise Http404
        return forum

    def title(self, forum):
        return _("%(forum)s · Partnership Portal forums") % {"forum": forum.label}

    def link(self, forum):
        return forum.get_absolute_url()

    def description(self, forum):
        return forum.description_label

    def items(self, forum):
        # Feed readers are anonymous: what an anonymous reader may read, text included.
        topics = audience.filter_topics(Topic.objects.filter(forum=forum), None)
        return (
            Post.objects.filter(topic__in=topics, status=Post.Status.VISIBLE)
            .select_related("topic", "author")
            .order_by("-created_at")[:FEED_LENGTH]
        )

    def item_title(self, post):
        return post.topic.title if post.is_first else _("Re: %(topic)s") % {"topic": post.topic.title}

    def item_description(self, post):
        return post.body_html

    def item_link(self, post):
        return post.get_absolute_url()

    def item_pubdate(self, post):
        return post.created_at
