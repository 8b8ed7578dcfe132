"""Signal wiring: which content events rewrite which search documents.

Pages: publish, unpublish, move, delete and view-restriction changes (visibility).
Organisations: save and delete; deleting an organisation or thematic area also
moves the version of the documents linked to it, so the engine drops the link.
Attached documents: a replaced file reindexes the pages it is attached to.
Forum topics/posts and comments: save (create, edit, moderation hide/restore,
moves) and delete, connected by app label once those models exist.
Thesaurus: a change to concepts or their labels re-tags, in the background, the
documents it may tag or untag (``search.retagging``).
"""

from importlib import import_module

from django.apps import apps
from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from search.indexing import (
    document_remove,
    documents_relabel,
    index_instance,
    index_with_dependents,
    remove_instance,
)
from search.models import SearchDocument
from search.projections import dependents_of, document_key, projector_for
from search.projections.pages import register_page_types
from search.retagging import retag_after_commit

DISPATCH = "search.signals"


def reindex_pages(pages) -> None:
    """Reindex searchable pages among ``pages`` (a queryset), e.g. after a move."""
    for page in pages.specific():
        if projector_for(page) is not None:
            index_with_dependents(page)


def _fresh(page):
    # Wagtail may send a cached ``specific`` object from before the change.
    return Page.objects.get(pk=page.pk).specific


def _page_published(sender, instance, **kwargs):
    instance = _fresh(instance)
    key = document_key(instance)
    old_url = SearchDocument.objects.filter(key=key).values_list("url", flat=True).first()
    document = index_with_dependents(instance)
    if old_url and document is not None and document.url != old_url:
        # A new slug moves every page below: their addresses changed too.
        reindex_pages(instance.get_descendants().live())


def _page_unpublished(sender, instance, **kwargs):
    document_remove(document_key(instance))
    for dependent in dependents_of(_fresh(instance)):
        index_instance(dependent)


def _page_moved(sender, instance, **kwargs):
    reindex_pages(instance.get_descendants(inclusive=True))


def _page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        document_remove(document_key(instance))


def _restriction_changed(sender, instance, **kwargs):
    try:
        page = instance.page
    except Page.DoesNotExist:
        return
    reindex_pages(page.get_descendants(inclusive=True))


def _instance_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        index_with_dependents(instance)


def _instance_deleted(sender, instance, **kwargs):
    remove_instance(instance)


def _linked_vocabulary_deleted(sender, instance, **kwargs):
    # The links vanish from the rows by cascade, leaving the rows' versions alone;
    # counted up here (before the links go) so the engine drops the id too.
    # An organisation's own document is removed with it, not relabelled.
    relation = "organisations" if sender._meta.label_lower == "portal.organisation" else "themes"
    documents_relabel(
        SearchDocument.objects.filter(**{relation: instance.pk}).exclude(key=document_key(instance))
    )


def _document_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    page_ids = set()
    for model in apps.get_models():
        field = next(
            (
                f
                for f in model._meta.get_fields()
                if f.name == "document" and f.is_relation and f.related_model is sender
            ),
            None,
        )
        page_field = next((f for f in model._meta.get_fields() if f.name == "page" and f.many_to_one), None)
        if field is not None and page_field is not None:
            page_ids.update(model.objects.filter(document=instance).values_list("page_id", flat=True))
    if page_ids:
        reindex_pages(Page.objects.filter(pk__in=page_ids).live())


def _concepts_changed(sender, concepts=None, **kwargs):
    # Without ids (an import) any document may change: ``search_rebuild`` re-tags.
    if concepts:
        retag_after_commit(concept_ids=concepts)


def _concept_deleting(sender, instance, **kwargs):
    # Read now: the links to the documents are deleted with the concept.
    tagged = SearchDocument.objects.filter(concepts=instance).values_list("key", flat=True)
    retag_after_commit(keys=list(tagged))


def connect_content_model(model) -> None:
    """Reindex ``model``'s rows when they are saved or deleted."""
    post_save.connect(_instance_saved, sender=model, dispatch_uid=f"{DISPATCH}.save.{model._meta.label}")
    post_delete.connect(
        _instance_deleted, sender=model, dispatch_uid=f"{DISPATCH}.delete.{model._meta.label}"
    )


# Apps built alongside search: connected when their models exist.
OPTIONAL_APPS = {
    "forums": ("search.projections.forums", ("Forum", "Topic", "Post")),
    "comments": ("search.projections.comments", ("Comment",)),
}


def _connect_optional_apps() -> None:
    for app_label, (module, model_names) in OPTIONAL_APPS.items():
        try:
            models = [apps.get_model(app_label, name) for name in model_names]
        except LookupError:
            continue
        import_module(module)
        for model in models:
            connect_content_model(model)


def connect_signals() -> None:
    from portal.models import Organisation, ThematicArea
    from portal.thesaurus.models import Concept
    from portal.thesaurus.signals import concepts_changed
    from search.projections import organisations  # noqa: F401  (registers the projector)

    register_page_types()
    page_published.connect(_page_published, dispatch_uid=f"{DISPATCH}.published")
    page_unpublished.connect(_page_unpublished, dispatch_uid=f"{DISPATCH}.unpublished")
    post_page_move.connect(_page_moved, dispatch_uid=f"{DISPATCH}.moved")
    post_delete.connect(_page_deleted, dispatch_uid=f"{DISPATCH}.page_deleted")
    for signal in (post_save, post_delete):
        signal.connect(
            _restriction_changed, sender=PageViewRestriction, dispatch_uid=f"{DISPATCH}.restriction.{signal}"
        )
    connect_content_model(Organisation)
    for model in (Organisation, ThematicArea):
        pre_delete.connect(
            _linked_vocabulary_deleted,
            sender=model,
            dispatch_uid=f"{DISPATCH}.vocabulary_deleted.{model._meta.label}",
        )
    concepts_changed.connect(_concepts_changed, dispatch_uid=f"{DISPATCH}.concepts_changed")
    pre_delete.connect(_concept_deleting, sender=Concept, dispatch_uid=f"{DISPATCH}.concept_deleting")
    _connect_optional_apps()
    if apps.is_installed("wagtail.documents"):
        from wagtail.documents import get_document_model

        post_save.connect(_document_saved, sender=get_document_model(), dispatch_uid=f"{DISPATCH}.document")
