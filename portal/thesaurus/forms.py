from django.core.exceptions import ValidationError
from wagtail.admin.forms import WagtailAdminModelForm

from portal.text import single_line
from portal.thesaurus.models import preferred_label_problem


class ConceptForm(WagtailAdminModelForm):
    """A concept with its labels, checked together: the database keeps one preferred
    label per language, and this form says so before it would refuse."""

    def clean(self):
        cleaned = super().clean()
        labels = self.formsets["labels"]
        if labels.is_valid():
            kept = [
                (
                    form.cleaned_data["language"],
                    form.cleaned_data["kind"],
                    single_line(form.cleaned_data["text"]),
                )
                for form in labels.forms
                if form.cleaned_data and not labels._should_delete_form(form)
            ]
            problem = preferred_label_problem(kept)
            if problem:
                raise ValidationError(problem)
        return cleaned
