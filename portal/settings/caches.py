"""The caches production runs with, in one place so query budgets can be measured
under them too.

State that every worker process must share (allauth's rate limits, sessions if
configured) goes to the database cache. Wagtail's rendition lookups go to a
per-process memory cache: they are cheap to rebuild, read on every page with
images, and would otherwise write to the database cache on every read.
Anonymous readers' pages go to a database table of their own, shared by every
worker (a purge in one reaches all), where culling them never drops a rate limit.
"""


def production_caches(max_renditions: int = 5000, *, max_pages: int = 20000) -> dict:
    return {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "portal_cache",
        },
        "renditions": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "portal-renditions",
            "TIMEOUT": 60 * 60 * 24,
            "OPTIONS": {"MAX_ENTRIES": max_renditions},
        },
        "pages": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "portal_page_cache",
            "OPTIONS": {"MAX_ENTRIES": max_pages},
        },
    }
