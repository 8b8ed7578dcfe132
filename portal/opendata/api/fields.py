"""Serializer fields of the API: vocabulary as slugs and names in the reader's
language, and each page's translations."""

from rest_framework.fields import Field

from portal.site_address import rebased_url


class _Related(Field):
    def to_representation(self, manager):
        return [self.describe(item) for item in manager.all()]


class ThemesField(_Related):
    @staticmethod
    def describe(theme):
        return {"slug": theme.slug, "name": str(theme.label)}


class CountriesField(_Related):
    @staticmethod
    def describe(country):
        return {"code": country.code, "name": str(country.label)}


class OrganisationsField(_Related):
    @staticmethod
    def describe(organisation):
        return {"slug": organisation.slug, "name": str(organisation.label), "acronym": organisation.acronym}


def page_link(page) -> str | None:
    url = page.get_url()
    return rebased_url(url) if url else None


class TranslationsField(Field):
    """The other language versions of a page the reader may open (attached in bulk
    by the endpoint as ``api_translations``)."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        return [
            {
                "locale": other.locale.language_code,
                "id": other.pk,
                "title": other.title,
                "html_url": page_link(other),
            }
            for other in getattr(page, "api_translations", [])
        ]


class HtmlUrlField(Field):
    """The page's address on the configured portal address, not the request's host."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        return page_link(page)
