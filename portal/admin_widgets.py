"""Chooser widgets that the admin's Content-Security-Policy lets start.

Wagtail's chooser widgets (pages, documents, images, snippets) print an inline
``<script>`` that starts them, which the policy refuses. These print a
``<template data-portal-init>`` marker with the same arguments instead, which
``portal/static/portal/admin/csp-init.js`` starts.
"""

import json

from django.db import models
from django.utils.html import format_html
from wagtail.admin.forms.models import register_form_field_override, registry
from wagtail.admin.widgets.chooser import AdminPageChooser, BaseChooser
from wagtail.models import AbstractPage


class ScriptlessChooserMixin:
    def render(self, name, value, attrs=None, renderer=None):
        if not attrs or "id" not in attrs:
            raise TypeError("A chooser cannot be rendered without an 'id' attribute")
        value_data = self.get_value_data(value)
        options = self.get_js_init_options(attrs["id"], name, value_data)
        return format_html(
            '{}<template data-portal-init="Chooser" data-constructor="{}" data-id="{}" data-options="{}">'
            "</template>",
            self.render_html(name, value_data, attrs),
            self.js_constructor,
            attrs["id"],
            json.dumps(options),
        )


class ScriptlessPageChooser(ScriptlessChooserMixin, AdminPageChooser):
    pass


def _scriptless(widget_class):
    return type(widget_class.__name__, (ScriptlessChooserMixin, widget_class), {"__module__": __name__})


def use_scriptless_choosers() -> None:
    """Replace the chooser widgets Wagtail's admin forms use for foreign keys (as
    its chooser viewsets registered them) with ones that start without a script."""
    for model, override in list(registry.values_by_fk_related_model.items()):
        widget = override.get("widget") if isinstance(override, dict) else None
        if (
            isinstance(widget, type)
            and issubclass(widget, BaseChooser)
            and not issubclass(widget, ScriptlessChooserMixin)
        ):
            registry.values_by_fk_related_model[model] = {**override, "widget": _scriptless(widget)}
    register_form_field_override(
        models.ForeignKey,
        to=AbstractPage,
        override=lambda db_field: {
            "widget": ScriptlessPageChooser(target_models=[db_field.remote_field.model])
        },
    )
