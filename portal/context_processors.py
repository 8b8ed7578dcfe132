from django.utils.functional import SimpleLazyObject
from wagtail.models import Locale

from portal.models import HomePage


def _menu(request):
    """The reader's home page and its pages shown in menus, in the active language."""
    home = HomePage.objects.live().filter(locale=Locale.get_active()).first()
    if home is None:
        return {"home_url": "/", "items": []}
    items = [(page.title, page.get_url(request)) for page in home.get_children().live().in_menu()]
    return {"home_url": home.get_url(request), "items": items}


def navigation(request):
    """Main navigation, computed only when a template asks for it."""
    return {"navigation": SimpleLazyObject(lambda: _menu(request))}
