"""Forms of the moderation queue."""

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.accounts.models import TrustLevel

SUSPENSION_CHOICES = [
    (1, _("1 day")),
    (3, _("3 days")),
    (7, _("1 week")),
    (30, _("30 days")),
    (365, _("1 year")),
]


class HideForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is it hidden?"),
        help_text=_("The author and the public log see this."),
        max_length=500,
    )


class DeleteForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is it deleted?"), help_text=_("The public log sees this."), max_length=500
    )


class RestoreForm(forms.Form):
    reason = forms.CharField(label=_("Reason (optional)"), max_length=500, required=False)


class ModeratorEditForm(forms.Form):
    body = forms.CharField(label=_("Text"), max_length=20_000, widget=forms.Textarea(attrs={"rows": 10}))
    reason = forms.CharField(label=_("Why was it edited?"), max_length=500)


class SuspendForm(forms.Form):
    days = forms.TypedChoiceField(label=_("For how long"), choices=SUSPENSION_CHOICES, coerce=int)
    reason = forms.CharField(label=_("Reason (the person sees this)"), max_length=500)


class TrustLevelForm(forms.Form):
    level = forms.TypedChoiceField(
        label=_("Trust level"),
        choices=[("", _("As computed from membership, account age and contributions")), *TrustLevel.choices],
        coerce=int,
        empty_value=None,
        required=False,
    )
    reason = forms.CharField(label=_("Why? (moderators see this)"), max_length=500, required=False)
