"""Which addresses show a page, a topic, a post or a comment, for purging.

What the templates show, read from them:

- a knowledge page (brief, lesson, joint action): itself and its translations
  (which link to each other), its address as an original offered in another
  language (``page_in_language``), its index page in every language (readers of
  a language without a translation find the original there), every home page
  and theme page (the latest pages, with comment counts), every partner profile
  (its contributions); a lesson also shows on its joint action, at each of the
  joint action's addresses;
- a topic or post of a public forum: the topic, its forum, the forum index and
  every home page (latest discussions); a topic (title, flags, forum) also shows
  on every forum page, since a moved topic leaves one forum for another;
- a comment: its page, and wherever that page is listed with its comment count.

Addresses are built in English; Wagtail's purge repeats each in every content
language. Home pages and their children are in every page's navigation, so
changes to them, moves and deletions purge everything instead.
"""

from django.urls import reverse
from django.utils import translation
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page

from forums.models import Forum
from portal import audience
from portal.models import HomePage, Organisation, ThemePage
from portal.pagecache.public import PUBLIC

NAVIGATION_DEPTH = 3


def _url(name, **kwargs) -> str:
    with translation.override("en"):
        return reverse(name, kwargs=kwargs)


def in_navigation(page) -> bool:
    """Home pages and their children: every page's menu shows them."""
    return page.depth <= NAVIGATION_DEPTH


def _add_versions(batch: PurgeBatch, page) -> None:
    """``page`` and its translations, at their own addresses and as originals."""
    versions = list(page.get_translations(inclusive=True).specific())
    batch.add_pages(versions)
    batch.add_urls(_url("page_in_language", page_id=version.pk) for version in versions)


def page_batch(page) -> PurgeBatch:
    """The addresses that show ``page`` (live or just unpublished)."""
    batch = PurgeBatch()
    _add_versions(batch, page)
    parent = page.get_parent()
    if parent is not None:
        batch.add_pages(parent.get_translations(inclusive=True))
    joint_action = getattr(page.specific_deferred, "related_joint_action", None)
    if joint_action is not None:
        _add_versions(batch, joint_action)
    batch.add_pages(HomePage.objects.all())
    batch.add_pages(ThemePage.objects.all())
    batch.add_urls(
        _url("organisation_detail", slug=slug) for slug in Organisation.objects.values_list("slug", flat=True)
    )
    return batch


def _discussions(batch: PurgeBatch) -> None:
    batch.add_url(_url("forums:index"))
    batch.add_pages(HomePage.objects.all())


def topic_batch(topic) -> PurgeBatch:
    """The addresses that show ``topic`` itself: its title, flags and forum."""
    batch = PurgeBatch()
    batch.add_url(_url("forums:topic_detail", pk=topic.pk))
    batch.add_urls(
        _url("forums:forum_detail", slug=slug) for slug in Forum.objects.values_list("slug", flat=True)
    )
    _discussions(batch)
    return batch


def post_batch(post) -> PurgeBatch:
    """The addresses that show ``post``: nothing when its forum is not public, since
    anonymous readers are never shown it."""
    batch = PurgeBatch()
    topic = post.topic
    if audience.forum_audience(topic.forum) != PUBLIC:
        return batch
    batch.add_url(_url("forums:topic_detail", pk=topic.pk))
    batch.add_url(_url("forums:forum_detail", slug=topic.forum.slug))
    _discussions(batch)
    return batch


def comment_batch(comment) -> PurgeBatch:
    return page_batch(Page.objects.get(pk=comment.page_id))
