from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "portal.accounts"
    label = "accounts"
    verbose_name = _("Accounts and membership")

    def ready(self):
        from portal.accounts import receivers  # noqa: F401 - connects the signal receivers
        from portal.accounts.admin_policies import register_policies

        register_policies()
