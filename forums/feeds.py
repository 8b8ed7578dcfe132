"""An RSS feed of each public forum's latest posts, its links built from the
portal's configured address."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _

from forums import permissions
from forums.models import Forum, Post, Topic
from portal import audience
from portal.site_address import absolute_url

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
        return absolute_url(forum.get_absolute_url())

    def feed_url(self, forum):
        return absolute_url(reverse("forums:forum_feed", args=[forum.slug]))

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
        return absolute_url(post.get_absolute_url())

    def item_pubdate(self, post):
        return post.created_at
