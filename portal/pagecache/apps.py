from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    name = "portal.pagecache"
    label = "pagecache"

    def ready(self):
        from portal.pagecache import receivers  # noqa: F401 - connects the signal receivers
