"""Forms for writing in the forums; validation only, the rules live in services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from forums.models import Forum
from portal.moderation.models import Report
from portal.text import single_line

BODY_MAX_LENGTH = 20_000
TITLE_MAX_LENGTH = 200
BODY_HELP = _(
    "You can use a little Markdown: **bold**, *italic*, [link text](https://…), lists with -, "
    "quotes with >, code with `backticks`. Mention someone with @username."
)


def _body_field(label=None):
    return forms.CharField(
        label=label or _("Message"),
        max_length=BODY_MAX_LENGTH,
        help_text=BODY_HELP,
        widget=forms.Textarea(attrs={"rows": 8, "dir": "auto", "data-markdown-preview": ""}),
    )


class TopicForm(forms.Form):
    title = forms.CharField(
        label=_("Title"),
        max_length=TITLE_MAX_LENGTH,
        widget=forms.TextInput(attrs={"dir": "auto", "autocomplete": "off"}),
    )
    body = _body_field()

    def clean_title(self):
        title = single_line(self.cleaned_data["title"])
        if not title:
            raise forms.ValidationError(_("A topic needs a title."))
        return title


class PostForm(forms.Form):
    body = _body_field(_("Your reply"))
    reply_to = forms.IntegerField(required=False, widget=forms.HiddenInput, min_value=1)
    quoted = forms.IntegerField(required=False, widget=forms.HiddenInput, min_value=1)


class PostEditForm(forms.Form):
    title = forms.CharField(
        label=_("Title"),
        max_length=TITLE_MAX_LENGTH,
        required=False,
        widget=forms.TextInput(attrs={"dir": "auto"}),
    )
    body = _body_field()

    def clean_title(self):
        return single_line(self.cleaned_data["title"])


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


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (shown in the public moderation log)"),
        required=False,
        max_length=500,
        widget=forms.TextInput(attrs={"dir": "auto"}),
    )


class MoveForm(ReasonForm):
    forum = forms.ModelChoiceField(label=_("Move to forum"), queryset=Forum.objects.all(), empty_label=None)


class PreviewForm(forms.Form):
    body = forms.CharField(max_length=BODY_MAX_LENGTH, required=False)


class LessonDraftForm(forms.Form):
    quote = forms.BooleanField(
        label=_(
            "Quote the discussion's title and posts in the draft. I understand that the lesson "
            "will be public once published."
        ),
        required=False,
    )
