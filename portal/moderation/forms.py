"""Forms of the moderation queue."""

from django import forms
from django.utils.translation import gettext_lazy as _

SUSPENSION_CHOICES = [
    (1, _("1 day")),
    (3, _("3 days")),
    (7, _("1 week")),
    (30, _("30 days")),
    (365, _("1 year")),
]


class HideForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is it hidden? (the author and the public log see this)"), max_length=500
    )


class DeleteForm(HideForm):
    pass


class RestoreForm(forms.Form):
    reason = forms.CharField(label=_("Reason (optional)"), max_length=500, required=False)


class ModeratorEditForm(forms.Form):
    body = forms.CharField(label=_("Text"), max_length=20_000, widget=forms.Textarea(attrs={"rows": 10}))
    reason = forms.CharField(label=_("Why was it edited?"), max_length=500)


class SuspendForm(forms.Form):
    days = forms.TypedChoiceField(label=_("For how long"), choices=SUSPENSION_CHOICES, coerce=int)
    reason = forms.CharField(label=_("Reason (the person sees this)"), max_length=500)
