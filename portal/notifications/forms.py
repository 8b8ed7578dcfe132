from django import forms
from django.utils.translation import gettext_lazy as _

from portal.notifications.models import NotificationPreference


class PreferenceForm(forms.ModelForm):
    class Meta:
        model = NotificationPreference
        fields = [
            "email_mode",
            "email_watched",
            "email_replies",
            "email_moderation",
            "email_membership",
            "email_answers",
            "email_sign_off",
            "language",
        ]
        widgets = {"email_mode": forms.RadioSelect}
        labels = {"email_mode": _("How should we email you?")}
        help_texts = {"language": _("Emails are in English unless you choose another language.")}
