from django import forms
from django.core.exceptions import ValidationError
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from portal.accounts.avatars import MAX_UPLOAD_BYTES, avatar_prepare
from portal.accounts.models import Membership
from portal.models import Organisation
from portal.text import single_line


class ProfileForm(forms.Form):
    display_name = forms.CharField(
        label=_("Display name"),
        max_length=80,
        required=False,
        help_text=_("Shown beside what you write. Leave empty to use your name."),
    )
    avatar = forms.FileField(
        label=_("Avatar"),
        required=False,
        # Formatted when shown, so that it reads in the reader's language.
        help_text=lazy(
            lambda: (
                _("A JPEG, PNG, GIF or WebP picture of at most %(size)s MB.")
                % {"size": MAX_UPLOAD_BYTES // (1024 * 1024)}
            ),
            str,
        )(),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/gif,image/webp"}),
    )
    remove_avatar = forms.BooleanField(label=_("Remove my avatar"), required=False)

    def clean_display_name(self):
        return single_line(self.cleaned_data["display_name"])

    def clean_avatar(self):
        upload = self.cleaned_data.get("avatar")
        if not upload:
            return None
        return avatar_prepare(upload)


class JoinRequestForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.all(),
        empty_label=pgettext_lazy("organisation choice", "Choose an organisation"),
        error_messages={"invalid_choice": _("Choose one of the listed organisations.")},
    )
    message = forms.CharField(
        label=_("Message to the organisation's administrators"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Say who you are and what you work on, so they can recognise you."),
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("approve", _("Approve")), ("decline", _("Decline"))],
    )
    role = forms.ChoiceField(label=_("Role"), choices=Membership.Role.choices, initial=Membership.Role.MEMBER)


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Membership.Role.choices)


class AccountDeleteForm(forms.Form):
    KEEP = "keep"
    REMOVE = "remove"
    contributions = forms.ChoiceField(
        label=_("What happens to what you wrote"),
        widget=forms.RadioSelect,
        choices=[
            (KEEP, _('Keep my posts and comments, shown as written by "former member"')),
            (REMOVE, _("Remove my posts and comments")),
        ],
    )
    password = forms.CharField(
        label=_("Your password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        required=False,
    )
    confirm = forms.BooleanField(label=_("I understand that my account cannot be restored"))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if not user.has_usable_password():
            del self.fields["password"]

    def clean_password(self):
        password = self.cleaned_data.get("password", "")
        if not self.user.check_password(password):
            raise ValidationError(_("This is not your password."))
        return password
