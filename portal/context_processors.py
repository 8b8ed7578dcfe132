from django.utils.functional import SimpleLazyObject

from portal import site_structure


def _menu(request):
    """The reader's home page and its pages shown in menus, in the active language."""
    menu = site_structure.current(request).menu()
    if menu.home is None:
        return {"home_url": "/", "items": []}
    return {
        "home_url": menu.home.get_url(request),
        "items": [(page.title, page.get_url(request)) for page in menu.items],
    }


def navigation(request):
    """Main navigation, computed only when a template asks for it."""
    return {"navigation": SimpleLazyObject(lambda: _menu(request))}
