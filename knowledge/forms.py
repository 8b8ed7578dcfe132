"""Editor forms of the knowledge pages."""

from django.utils.translation import gettext_lazy as _

from portal.accounts.organisation_page import OrganisationPageForm

EMPTY_BODY_MESSAGE = _("A policy brief cannot be published without a body: add at least one paragraph.")


class PolicyBriefPageForm(OrganisationPageForm):
    """Refuses to publish (or submit for review, or approve) a brief without a body,
    which would show readers a blank gap. Saving a draft is allowed: Wagtail defers
    required content to the moment the page goes out."""

    def clean(self):
        cleaned_data = super().clean()
        if not self.is_deferred_validation and not cleaned_data.get("body"):
            self.add_error("body", EMPTY_BODY_MESSAGE)
        return cleaned_data
