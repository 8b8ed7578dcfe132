from django.db import transaction
from django.db.models.signals import post_delete, post_migrate, post_save
from django.dispatch import receiver
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from portal import site_structure
from portal.models import Country, Organisation, ThematicArea
from portal.pagecache.showing import NAVIGATION_DEPTH
from portal.site_address import wagtail_site_sync


@receiver(post_migrate, dispatch_uid="portal_wagtail_site_sync")
def keep_wagtail_site_at_the_configured_address(sender, using="default", **kwargs):
    """Each ``migrate`` (every deployment runs one) brings Wagtail's default Site to
    ``PORTAL_BASE_URL``, so a changed address never leaves the two apart."""
    if sender.name == "portal":
        wagtail_site_sync(using=using)


def _forget_site_structure(**kwargs) -> None:
    # At once, so this process and tests see the change; and again once committed,
    # so a reader that rebuilt the structure from the data before the commit does
    # not keep it.
    site_structure.forget()
    transaction.on_commit(site_structure.forget, robust=True)


def _page_saved_or_deleted(sender, instance, **kwargs):
    # Home pages (the sites' roots) and their children (the menus) make up the structure.
    if isinstance(instance, Page) and instance.depth is not None and instance.depth <= NAVIGATION_DEPTH:
        _forget_site_structure()


post_save.connect(_page_saved_or_deleted, dispatch_uid="portal_site_structure_page_saved")
post_delete.connect(_page_saved_or_deleted, dispatch_uid="portal_site_structure_page_deleted")
post_page_move.connect(_forget_site_structure, dispatch_uid="portal_site_structure_page_moved")
# A brief's body kept with the structure links other pages, whose addresses and
# titles change when they are published.
page_published.connect(_forget_site_structure, dispatch_uid="portal_site_structure_page_published")
page_unpublished.connect(_forget_site_structure, dispatch_uid="portal_site_structure_page_unpublished")
# Root pages carry their view restrictions, theme pages their thematic area; the
# partner list kept with the structure shows organisations, countries and logos, a
# brief's body its images and documents.
for model in (
    Site,
    Locale,
    PageViewRestriction,
    ThematicArea,
    Organisation,
    Country,
    get_image_model(),
    get_document_model(),
):
    post_save.connect(
        _forget_site_structure, sender=model, dispatch_uid=f"portal_site_structure_{model.__name__}"
    )
    post_delete.connect(
        _forget_site_structure, sender=model, dispatch_uid=f"portal_site_structure_{model.__name__}_deleted"
    )
