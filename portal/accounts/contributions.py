"""What a person has written across the portal.

Content apps keep their author as a foreign key named ``author`` to the user model
(the moderation base model does). Finding those models here keeps the accounts app
free of imports from the content apps, so it works whichever of them are installed.
"""

from django.apps import apps
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.urls import NoReverseMatch
from wagtail.models import Page

LISTED_PER_KIND = 50


def authored_models():
    """Concrete models with an ``author`` foreign key to the user model."""
    found = []
    for model in apps.get_models():
        try:
            field = model._meta.get_field("author")
        except FieldDoesNotExist:
            continue
        if (
            getattr(field, "many_to_one", False)
            and field.related_model._meta.label == settings.AUTH_USER_MODEL
        ):
            found.append(model)
    return sorted(found, key=lambda model: model._meta.label)


def _date(obj):
    for name in ("created_at", "created", "first_published_at", "latest_revision_created_at"):
        value = getattr(obj, name, None)
        if value is not None:
            return value
    return None


def _url(obj):
    get_url = getattr(obj, "get_absolute_url", None)
    if get_url is None:
        return ""
    try:
        return get_url() or ""
    except NoReverseMatch:
        # A link is a convenience; the row is still listed without it.
        return ""


def contributions(user) -> list[dict]:
    """Groups of the person's contributions, one per kind, newest first; a bounded
    number of queries (one per kind)."""
    groups = []
    pages = Page.objects.filter(owner=user).specific().order_by("-latest_revision_created_at")
    page_items = [
        {"title": page.title, "url": page.url or "", "date": _date(page), "live": page.live}
        for page in pages[:LISTED_PER_KIND]
    ]
    if page_items:
        groups.append({"kind": Page._meta.verbose_name_plural, "items": page_items})
    for model in authored_models():
        rows = model._default_manager.filter(author=user).order_by("-pk")[:LISTED_PER_KIND]
        items = [{"title": str(row), "url": _url(row), "date": _date(row), "live": True} for row in rows]
        if items:
            groups.append({"kind": model._meta.verbose_name_plural, "items": items})
    return groups


def _plain(value):
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def authored_rows_export(user) -> dict[str, list[dict]]:
    """Every row the person authored, as plain field values, keyed by model label."""
    exported = {}
    for model in authored_models():
        fields = [
            field for field in model._meta.concrete_fields if not field.is_relation or field.name == "author"
        ]
        rows = model._default_manager.filter(author=user).order_by("pk")
        exported[model._meta.label] = [
            {field.attname: _plain(getattr(row, field.attname)) for field in fields} for row in rows
        ]
    return exported


def authored_rows_remove(user) -> int:
    """Remove what the person wrote in moderated content (posts, comments): marked
    deleted with its text erased, the way a moderator's deletion works, so replies by
    others and counters stay consistent. Returns how many were removed."""
    from django.contrib.contenttypes.models import ContentType

    from portal.moderation.models import EditRevision, ModeratedContent

    removed = 0
    for model in authored_models():
        if not issubclass(model, ModeratedContent):
            continue
        deleted = ModeratedContent.Status.DELETED
        for row in model._default_manager.filter(author=user).exclude(status=deleted):
            previous = row.status
            row.status, row.body_source, row.body_html = deleted, "", ""
            row.save(update_fields=["status", "body_source", "body_html"])
            row.moderation_status_changed(previous=previous)
            # Earlier versions of the text go too.
            EditRevision.objects.filter(
                content_type=ContentType.objects.get_for_model(row), object_id=row.pk
            ).delete()
            removed += 1
    return removed
