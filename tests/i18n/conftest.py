"""A small site in three languages: an English home with an Arabic translation, a
thematic area page translated into Arabic and French, and one left in English."""

import pytest

from portal.models import ThemePage
from tests.factories import ThematicAreaFactory
from tests.i18n.catalogues import compile_catalogues
from tests.i18n.scenario import build_scenario


@pytest.fixture(scope="session")
def compiled_locale(tmp_path_factory):
    """Today's catalogues compiled into a private directory (never the source tree)."""
    return compile_catalogues(tmp_path_factory.mktemp("locale"))


@pytest.fixture
def catalogues(settings, compiled_locale):
    """Interface strings translated from the catalogues as they are now in locale/."""
    settings.LOCALE_PATHS = [compiled_locale]


def _translate(page, parent, locale, **fields):
    fields.setdefault("slug", page.slug)
    translation = page.__class__(translation_key=page.translation_key, locale=locale, **fields)
    return parent.add_child(instance=translation)


@pytest.fixture
def site_pages(home_page, locales):
    root = home_page.get_parent()
    home_ar = _translate(home_page, root, locales["ar"], title="بوابة الشراكة", slug="home-ar")
    health = ThematicAreaFactory(name="Health", name_ar="الصحة", name_fr="Santé", slug="health")
    labour = ThematicAreaFactory(name="Labour", name_ar="العمل", name_fr="Travail", slug="labour")
    health_en = home_page.add_child(instance=ThemePage(title="Health", slug="health", theme=health))
    health_ar = _translate(health_en, home_ar, locales["ar"], title="الصحة", theme=health)
    labour_en = home_page.add_child(instance=ThemePage(title="Labour", slug="labour", theme=labour))
    return {
        "home_en": home_page,
        "home_ar": home_ar,
        "health_en": health_en,
        "health_ar": health_ar,
        "labour_en": labour_en,
    }


@pytest.fixture
def french_home(site_pages, locales):
    root = site_pages["home_en"].get_parent()
    return _translate(
        site_pages["home_en"], root, locales["fr"], title="Portail du partenariat", slug="home-fr"
    )


@pytest.fixture
def scenario(home_page, locales, countries):
    """The portal with content in the three languages, as the key pages show it."""
    return build_scenario(home_page, locales, countries)
