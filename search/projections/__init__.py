"""What each kind of content projects to: one ``Projection`` per searchable object.

A projector is registered per model (``@projector("portal.Organisation")``) and
returns a ``Projection``, or ``None`` when the object must not be found (a draft,
hidden content, a page behind a password). Who may find it is the audience the
portal's one policy (``portal.audience.audience_of``) gives it. Projectors for apps written by other parts of
the portal are registered only when those apps' models exist.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal import markup
from portal.audience import Audience, Reach

MAX_BODY_CHARS = 200_000


@dataclass
class Projection:
    key: str
    doc_type: str
    title: str
    url: str
    date: datetime.datetime | None = None
    body: str = ""
    attachment_text: str = ""
    language: str = ""
    author_id: int | None = None
    author_name: str = ""
    themes: list[int] = field(default_factory=list)
    countries: list[int] = field(default_factory=list)
    organisations: list[int] = field(default_factory=list)
    # Thesaurus concepts its editors picked, and those they said it is not about;
    # the concepts its text names are found when it is indexed.
    concepts: list[int] = field(default_factory=list)
    concepts_excluded: list[int] = field(default_factory=list)
    visibility: str = Audience.PUBLIC
    visibility_organisation_id: int | None = None
    # Translations of one page: the same group, ordered oldest (the original) first.
    translation_group: str = ""
    translation_order: int = 0

    @property
    def scope(self) -> str:
        return Reach(self.visibility, self.visibility_organisation_id).scope


def audience_fields(reach: Reach) -> dict:
    """The ``Projection`` fields that say who may find it."""
    return {"visibility": reach.audience, "visibility_organisation_id": reach.organisation_id}


# doc_type -> label shown in the "content type" facet and on results.
TYPE_LABELS = {}
_projectors: dict[str, Callable] = {}
# Model label -> the relations (select_related, prefetch_related) a projector reads,
# loaded with the objects when many are projected at once (a rebuild).
_relations_read: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
_dependents: dict[str, list[Callable]] = {}


def register_type(doc_type: str, label) -> None:
    TYPE_LABELS[doc_type] = label


def projector(label: str, *, select_related=(), prefetch_related=()):
    """Register the decorated function as the projector of model ``label``, which
    reads the relations named here from each object."""

    def decorate(function):
        _projectors[label.lower()] = function
        _relations_read[label.lower()] = (tuple(select_related), tuple(prefetch_related))
        return function

    return decorate


def relations_read(label: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(select_related, prefetch_related) of the projector of model ``label``."""
    return _relations_read.get(label.lower(), ((), ()))


def registered_labels() -> list[str]:
    """Labels of the models that have a projector."""
    return list(_projectors)


def dependents(label: str):
    """Register the decorated function as giving the objects whose documents
    depend on an instance of model ``label`` (a topic's posts, a page's comments)."""

    def decorate(function):
        _dependents.setdefault(label.lower(), []).append(function)
        return function

    return decorate


def dependents_of(instance) -> list:
    found = []
    for model in type(instance).__mro__:
        meta = getattr(model, "_meta", None)
        if meta is not None and not meta.abstract:
            for function in _dependents.get(meta.label_lower, []):
                found.extend(function(instance))
    return found


def projector_for(instance) -> Callable | None:
    for model in type(instance).__mro__:
        meta = getattr(model, "_meta", None)
        if meta is not None and not meta.abstract and meta.label_lower in _projectors:
            return _projectors[meta.label_lower]
    return None


def project(instance) -> Projection | None:
    """The projection of ``instance``, or ``None`` when it must not be found."""
    function = projector_for(instance)
    return function(instance) if function else None


def document_key(instance) -> str:
    """The stable key of an object's search document. Every page shares one
    namespace so a generic ``Page`` and its specific class give the same key."""
    from wagtail.models import Page

    if isinstance(instance, Page):
        return f"wagtailcore.page:{instance.pk}"
    return f"{instance._meta.label_lower}:{instance.pk}"


def html_to_text(value) -> str:
    """Plain text of a piece of HTML (or of a list of them), tags removed."""
    if isinstance(value, (list, tuple)):
        value = " ".join(str(part) for part in value)
    return markup.html_to_text(value)[:MAX_BODY_CHARS]


def as_datetime(value) -> datetime.datetime | None:
    if value is None or isinstance(value, datetime.datetime):
        return value
    return timezone.make_aware(datetime.datetime.combine(value, datetime.time(12)))


register_type("organisation", _("Partner organisation"))
