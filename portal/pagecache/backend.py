"""The shared page cache as a Wagtail frontend cache backend.

Wagtail purges a page's addresses when it is published or unpublished (and
``purge_page_from_cache`` or ``PurgeBatch`` when asked), in every content language;
this backend forgets the entries of those paths, whatever their host or query.
"""

from urllib.parse import unquote, urlsplit

from wagtail.contrib.frontend_cache.backends.base import BaseBackend

from portal.pagecache import store


class PageCacheBackend(BaseBackend):
    def purge(self, url) -> None:
        self.purge_batch([url])

    def purge_batch(self, urls) -> None:
        # Addresses come percent-encoded (Arabic slugs); requests' paths decoded.
        store.purge_paths({unquote(urlsplit(url).path) or "/" for url in urls})
