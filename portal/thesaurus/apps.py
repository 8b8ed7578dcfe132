from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ThesaurusConfig(AppConfig):
    name = "portal.thesaurus"
    label = "thesaurus"
    verbose_name = _("Thesaurus")

    def ready(self):
        from portal.thesaurus import receivers  # noqa: F401 - connects the signal receivers
