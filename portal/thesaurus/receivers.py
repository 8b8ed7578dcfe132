"""Every save or deletion of a concept, a label or a broader link is a change to
the thesaurus; the matcher of every process is then stale."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from portal.thesaurus import matching
from portal.thesaurus.models import Concept, ConceptLabel
from portal.thesaurus.signals import concepts_changed


def _row_changed(sender, **kwargs):
    concepts_changed.send(sender=Concept)


for model in (Concept, ConceptLabel):
    post_save.connect(_row_changed, sender=model)
    post_delete.connect(_row_changed, sender=model)


@receiver(m2m_changed, sender=Concept.broader.through)
def _links_changed(sender, action, **kwargs):
    if action.startswith("post_"):
        concepts_changed.send(sender=Concept)


@receiver(concepts_changed)
def matcher_stale(sender, **kwargs):
    matching.thesaurus_changed()
