"""A write is answered as it happened, once: each form carries a fresh token, and the
answer to its first successful submission is kept to give again to any retry."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class WriteToken(models.Model):
    """A form submission that wrote something, and where its answer sent the person."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.CASCADE, related_name="+"
    )
    token = models.UUIDField(_("token"))
    created_at = models.DateTimeField(_("sent at"), default=timezone.now, db_index=True)
    redirect_url = models.CharField(_("redirected to"), max_length=2000, blank=True)

    class Meta:
        verbose_name = _("form submission")
        verbose_name_plural = _("form submissions")
        constraints = [
            models.UniqueConstraint(fields=["user", "token"], name="idempotency_one_use_per_person")
        ]

    def __str__(self):
        return f"{self.token} → {self.redirect_url}"
