"""What organisation pages (briefs, lessons, joint actions) take from the accounts
app: their admin form and the words for their sign-off status."""

from django.utils.translation import pgettext
from wagtail.admin.forms import WagtailAdminPageForm


class OrganisationPageForm(WagtailAdminPageForm):
    """Wagtail's page form, judging what changed against the page as it was opened.

    Django gives a field whose model default is callable (a publication date that
    defaults to today) a hidden copy of its initial value to compare with; Wagtail's
    panels never render that copy, so such a field always looked changed, and a
    reviewer signing off from the editor saved a new revision of an unchanged page,
    which restarted the sign-off. Compared with the instance, an untouched page is
    unchanged.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.show_hidden_initial = False


class SignOffStatusMixin:
    """Says "awaiting sign-off" where Wagtail says "in moderation": for partners,
    moderation is what happens to forum posts, and these pages wait for sign-off."""

    @property
    def status_string(self):
        # The same precedence as Wagtail's: expiry and an approved schedule first.
        if self.workflow_in_progress and not self.approved_schedule:
            if self.live:
                return pgettext("page status", "live + awaiting sign-off")
            if not self.expired:
                return pgettext("page status", "awaiting sign-off")
        return super().status_string
