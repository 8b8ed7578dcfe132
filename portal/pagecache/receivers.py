"""The changes that purge cached pages, connected to the signals of the writes
that make them: Wagtail's page signals, the saves and deletions of posts,
topics, reactions and comments (every service and moderation decision saves the
row it changes), the vocabulary, and the thesaurus.

Purges run once the change is committed: a reader who renders in between stamps
the page with the tokens read before, which the purge then retires. Wagtail
purges a published or unpublished page's own addresses itself; the receivers
here add the pages that list it.
"""

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.dispatch import receiver
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from forums.models import Forum, Post, Reaction, Topic
from portal.accounts.signals import account_deleting
from portal.comments.models import Comment, PageCommentSettings
from portal.models import Country, Organisation, ThematicArea
from portal.pagecache import showing, store
from portal.thesaurus.signals import concepts_changed


def _on_commit(purge) -> None:
    if store.enabled():
        transaction.on_commit(purge, robust=True)


def _purge_page(page_id: int) -> None:
    page = Page.objects.filter(pk=page_id).first()
    if page is None or showing.in_navigation(page):
        store.purge_everything()
    else:
        showing.page_batch(page).purge()


@receiver(page_published)
@receiver(page_unpublished)
def page_changed(sender, instance, **kwargs):
    _on_commit(lambda: _purge_page(instance.pk))


@receiver(post_page_move)
@receiver(pre_delete, sender=Page)
def page_addresses_changed(sender, instance, **kwargs):
    """A move or a deletion changes the addresses of a page and all its descendants."""
    _on_commit(store.purge_everything)


def _purge_post(post_id: int, topic_id: int | None = None) -> None:
    post = Post.objects.select_related("topic__forum").filter(pk=post_id).first()
    if post is not None:
        showing.post_batch(post).purge()
        return
    topic = Topic.objects.filter(pk=topic_id).first()
    if topic is not None:
        showing.topic_batch(topic).purge()


@receiver(post_save, sender=Post)
@receiver(post_delete, sender=Post)
def post_changed(sender, instance, **kwargs):
    post_id, topic_id = instance.pk, instance.topic_id
    _on_commit(lambda: _purge_post(post_id, topic_id))


@receiver(post_save, sender=Reaction)
@receiver(post_delete, sender=Reaction)
def reaction_changed(sender, instance, **kwargs):
    post_id = instance.post_id
    _on_commit(lambda: _purge_post(post_id))


@receiver(post_save, sender=Topic)
@receiver(post_delete, sender=Topic)
def topic_changed(sender, instance, **kwargs):
    topic = instance
    _on_commit(lambda: showing.topic_batch(topic).purge())


@receiver(post_save, sender=Comment)
@receiver(post_delete, sender=Comment)
@receiver(post_save, sender=PageCommentSettings)
def comments_changed(sender, instance, **kwargs):
    page_id = instance.page_id
    _on_commit(lambda: _purge_page(page_id))


def vocabulary_changed(sender, **kwargs):
    """Themes, partners, countries, forums, sites and languages show on most pages
    (menus, cards, filters): a change to one purges everything."""
    _on_commit(store.purge_everything)


for model in (ThematicArea, Organisation, Country, Forum, Site, Locale):
    post_save.connect(vocabulary_changed, sender=model)
    post_delete.connect(vocabulary_changed, sender=model)
# A concept's labels show on its own page, its neighbours' and the topics index.
concepts_changed.connect(vocabulary_changed)


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
@receiver(m2m_changed, sender=PageViewRestriction.groups.through)
def view_restriction_changed(sender, **kwargs):
    """Who may read a page decides the lists it is in, on every page that lists it
    (and the bodies kept for each audience)."""
    _on_commit(store.purge_everything)


@receiver(account_deleting)
def account_deleted(sender, **kwargs):
    """A deleted account's name (and content, when removed) leaves every page."""
    _on_commit(store.purge_everything)
