from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page

from portal.models import HomePage


def _home_and_menu(locale_filter):
    """The live home page of a locale and its live children shown in menus, in one
    query: both are read on every page, for the header."""
    home_type = ContentType.objects.get_for_model(HomePage)
    pages = list(
        Page.objects.live()
        .filter(**locale_filter)
        .filter(Q(content_type=home_type) | Q(show_in_menus=True))
        .order_by("path")
    )
    home = next((page for page in pages if page.content_type_id == home_type.pk), None)
    if home is None:
        return None, []
    items = [page for page in pages if page.depth == home.depth + 1 and page.path.startswith(home.path)]
    return home, items


def _menu(request):
    """The reader's home page and its pages shown in menus, in the active language."""
    try:
        language = get_supported_content_language_variant(get_language())
    except LookupError:
        language = None
    home, items = _home_and_menu({"locale__language_code": language}) if language else (None, [])
    if home is None:
        # Locale.get_active() falls back to the default locale when the active
        # language has none.
        home, items = _home_and_menu({"locale": Locale.get_active()})
    if home is None:
        return {"home_url": "/", "items": []}
    return {
        "home_url": home.get_url(request),
        "items": [(page.title, page.get_url(request)) for page in items],
    }


def navigation(request):
    """Main navigation, computed only when a template asks for it."""
    return {"navigation": SimpleLazyObject(lambda: _menu(request))}
