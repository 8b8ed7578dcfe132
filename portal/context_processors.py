from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale

from portal.models import HomePage


def _active_home():
    # Joined on the language code, so the usual case costs one query, not one
    # for the locale and one for the page.
    try:
        language = get_supported_content_language_variant(get_language())
    except LookupError:
        language = None
    home = HomePage.objects.live().filter(locale__language_code=language).first() if language else None
    if home is None:
        # Locale.get_active() falls back to the default locale when the active
        # language has none.
        home = HomePage.objects.live().filter(locale=Locale.get_active()).first()
    return home


def _menu(request):
    """The reader's home page and its pages shown in menus, in the active language."""
    home = _active_home()
    if home is None:
        return {"home_url": "/", "items": []}
    items = [(page.title, page.get_url(request)) for page in home.get_children().live().in_menu()]
    return {"home_url": home.get_url(request), "items": items}


def navigation(request):
    """Main navigation, computed only when a template asks for it."""
    return {"navigation": SimpleLazyObject(lambda: _menu(request))}
