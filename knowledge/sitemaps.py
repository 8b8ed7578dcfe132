"""The sitemap of every language tree.

Wagtail's sitemap lists the descendants of the site's root page, which is the
English home page; the Arabic and French home pages are its translations, beside
it in the page tree, so their pages would be missing. This one lists the pages
under the root page and under each of its translations, at the portal's configured
address."""

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from portal import audience
from portal.site_address import rebased_url


class PortalSitemap(Sitemap):
    def items(self):
        site = self.get_wagtail_site()
        roots = site.root_page.get_translations(inclusive=True)
        in_a_tree = Q(pk__in=[])
        for root in roots:
            in_a_tree |= Q(path__startswith=root.path)
        # Crawlers read anonymously: only pages anybody may open are listed.
        pages = audience.filter_pages(Page.objects.filter(in_a_tree), None)
        return pages.order_by("path").defer_streamfields().specific()

    def _urls(self, page, protocol, domain):
        # Wagtail writes each page's address from its Site (host name, port and a
        # scheme guessed from the port); crawlers get the configured address.
        urls = super()._urls(page, protocol, domain)
        for url in urls:
            url["location"] = rebased_url(url["location"])
        return urls
