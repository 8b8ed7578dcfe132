from django.db.models.signals import post_migrate
from django.dispatch import receiver

from portal.site_address import wagtail_site_sync


@receiver(post_migrate, dispatch_uid="portal_wagtail_site_sync")
def keep_wagtail_site_at_the_configured_address(sender, using="default", **kwargs):
    """Each ``migrate`` (every deployment runs one) brings Wagtail's default Site to
    ``PORTAL_BASE_URL``, so a changed address never leaves the two apart."""
    if sender.name == "portal":
        wagtail_site_sync(using=using)
