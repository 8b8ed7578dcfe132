"""Forms for comments; validation only, the rules live in services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.comments.services import BODY_MAX_LENGTH
from portal.moderation.models import Report

BODY_HELP = _(
    "You can use a little Markdown: **bold**, *italic*, [link text](https://…), lists with -, "
    "quotes with >. Mention someone with @username."
)


def body_field(label):
    return forms.CharField(
        label=label,
        max_length=BODY_MAX_LENGTH,
        help_text=BODY_HELP,
        widget=forms.Textarea(attrs={"rows": 5, "dir": "auto"}),
    )


class CommentForm(forms.Form):
    body = body_field(_("Your comment"))
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput, min_value=1)


class CommentEditForm(forms.Form):
    body = body_field(_("Your comment"))
    reason = forms.CharField(
        label=_("Reason for the change (required when editing someone else's comment)"),
        required=False,
        max_length=500,
        widget=forms.TextInput(attrs={"dir": "auto"}),
    )


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("What is wrong with it?"), choices=Report.Reason.choices, widget=forms.RadioSelect
    )
    details = forms.CharField(
        label=_("Anything the moderators should know (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
    )


class ModerateForm(forms.Form):
    action = forms.ChoiceField(
        choices=[("hide", "hide"), ("restore", "restore"), ("approve", "approve"), ("delete", "delete")]
    )
    reason = forms.CharField(
        label=_("Reason (shown to the author and in the moderation log)"),
        required=False,
        max_length=500,
        widget=forms.TextInput(attrs={"dir": "auto"}),
    )
