from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language

from portal import site_structure


def _menu(request, site):
    """The reader's home page and its pages shown in menus, in the active language,
    with the site whose addresses they are (``site``: its id)."""
    menu = site_structure.current(request).menu()
    if menu.home is None:
        return {"site": site, "home_url": "/", "items": []}
    return {
        "site": site,
        "home_url": menu.home.get_url(request),
        "items": [(page.title, page.get_url(request)) for page in menu.items],
    }


def _kept_menu(request):
    # Addresses are relative to the site the request is for, which reading the
    # structure finds.
    site_structure.current(request)
    site = getattr(getattr(request, "_wagtail_site", None), "pk", None)
    return site_structure.derived(request, ("menu", get_language(), site), lambda: _menu(request, site))


def navigation(request):
    """Main navigation, computed only when a template asks for it, and built once per
    process, language and site until the structure changes."""
    return {"navigation": SimpleLazyObject(lambda: _kept_menu(request))}
