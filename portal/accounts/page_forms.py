"""The admin form of organisation pages."""

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
