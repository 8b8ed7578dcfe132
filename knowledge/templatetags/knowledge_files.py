"""``{{ document|document_size }}``: the size in bytes of a Wagtail document's file.

Documents uploaded in the admin record their size; those created otherwise (imports,
demonstration content) do not, so the size is read from the stored file, without
writing it back (a page view writes nothing). A file missing from storage gives
``None``: the link then shows its format only.
"""

from django import template

register = template.Library()


@register.filter
def document_size(document):
    if document.file_size:
        return document.file_size
    try:
        return document.file.size
    except (OSError, ValueError):
        return None
