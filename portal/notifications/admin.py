from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.notifications.models import EmailOutbox


@admin.register(EmailOutbox)
class EmailOutboxAdmin(admin.ModelAdmin):
    """Operators see what is stuck and why, and can send it again sooner."""

    list_display = ["to_address", "subject", "status", "attempts", "next_attempt_at", "created_at"]
    list_filter = ["status"]
    search_fields = ["to_address", "subject"]
    readonly_fields = [f.name for f in EmailOutbox._meta.fields]
    actions = ["retry_now"]

    @admin.action(description=_("Retry now"))
    def retry_now(self, request, queryset):
        queryset.exclude(status=EmailOutbox.Status.SENT).update(
            status=EmailOutbox.Status.PENDING, next_attempt_at=timezone.now()
        )

    def has_add_permission(self, request):
        return False
