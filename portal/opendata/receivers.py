"""Changes that retire every kept open data answer: what is published, the vocabulary
and the forums' topics. Retired once the change is committed."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from forums.models import Forum, Topic
from portal.models import Country, Organisation, ThematicArea
from portal.opendata import app_settings, cache

WATCHED = (Forum, Topic, Country, Organisation, ThematicArea)


def _retire(**kwargs):
    if app_settings.cache_seconds():
        transaction.on_commit(cache.retire_everything, robust=True)


def _page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        _retire()


for signal in (page_published, page_unpublished, post_page_move):
    signal.connect(_retire, dispatch_uid=f"opendata-retire-{id(signal)}")
post_delete.connect(_page_deleted, dispatch_uid="opendata-retire-page-delete")
for model in WATCHED:
    post_save.connect(_retire, sender=model, dispatch_uid=f"opendata-retire-save-{model.__name__}")
    post_delete.connect(_retire, sender=model, dispatch_uid=f"opendata-retire-delete-{model.__name__}")
