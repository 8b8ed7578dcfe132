"""Wagtail pages: knowledge (briefs, lessons learned, joint actions) and theme pages.

Only the live version of a page is searchable; drafts, expired pages and pages
behind a password or group restriction are not. A page restricted to signed-in
people is found by every signed-in person (``portal.audience.page_audience``).
"""

from django.apps import apps
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from portal.audience import page_audience
from search.attachments import attachment_text
from search.projections import (
    Projection,
    as_datetime,
    audience_fields,
    document_key,
    html_to_text,
    projector,
    register_type,
)

# Model label -> (doc_type, label). The knowledge types are registered once that
# app defines them.
PAGE_TYPES = {
    "knowledge.policybriefpage": ("policy_brief", _("Policy brief")),
    "knowledge.lessonlearnedpage": ("lesson_learned", _("Lesson learned")),
    "knowledge.jointactionpage": ("joint_action", _("Joint action")),
    "portal.themepage": ("theme", _("Thematic area")),
}


def _searchable_text(page) -> str:
    parts = []
    for search_field in page.search_fields:
        if type(search_field) is not index.SearchField or search_field.field_name == "title":
            continue
        value = search_field.get_value(page)
        if value:
            parts.append(html_to_text(value))
    return " ".join(parts)


def _ids(page, name) -> list[int]:
    manager = getattr(page, name, None)
    return [item.pk for item in manager.all()] if manager is not None else []


def project_page(page) -> Projection | None:
    page = page.specific
    reach = page_audience(page)
    url = page.get_url()
    if reach is None or not url:
        return None
    doc_type, _label = PAGE_TYPES[page._meta.label_lower]
    themes = [page.theme_id] if getattr(page, "theme_id", None) else _ids(page, "themes")
    return Projection(
        key=document_key(page),
        doc_type=doc_type,
        title=page.title,
        url=url,
        date=as_datetime(getattr(page, "publication_date", None) or page.first_published_at),
        body=_searchable_text(page),
        attachment_text=attachment_text(page),
        language=page.locale.language_code[:2],
        author_id=page.owner_id,
        themes=themes,
        countries=_ids(page, "countries"),
        organisations=_ids(page, "organisations"),
        concepts=_ids(page, "concepts"),
        concepts_excluded=_ids(page, "concepts_excluded"),
        translation_group=f"page:{page.translation_key}",
        # Translations are copies made after the original, so the original has the lowest id.
        translation_order=page.pk,
        **audience_fields(reach),
    )


def register_page_types() -> list[type]:
    """Register the projector of every page type whose model exists; returns them."""
    models = []
    for label, (doc_type, type_label) in PAGE_TYPES.items():
        app_label, model_name = label.split(".")
        if not apps.is_installed(app_label) and app_label != "portal":
            continue
        try:
            model = apps.get_model(app_label, model_name)
        except LookupError:
            continue
        register_type(doc_type, type_label)
        related = [
            name
            for name in ("themes", "countries", "organisations", "concepts", "concepts_excluded")
            if hasattr(model, name)
        ]
        projector(label, select_related=("locale",), prefetch_related=related)(project_page)
        models.append(model)
    return models
