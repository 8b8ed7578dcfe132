"""Every save or deletion of a concept, a label or a broader link is a change to
the thesaurus; the matcher of every process is then stale. A request reads which
version of the thesaurus is current once, however often it matches."""

from django.core.signals import request_finished, request_started
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from portal.thesaurus import matching
from portal.thesaurus.models import Concept, ConceptLabel
from portal.thesaurus.signals import concepts_changed


def _concept_changed(sender, instance, **kwargs):
    concepts_changed.send(sender=Concept, concepts=[instance.pk])


def _label_changed(sender, instance, **kwargs):
    concepts_changed.send(sender=Concept, concepts=[instance.concept_id])


post_save.connect(_concept_changed, sender=Concept)
post_delete.connect(_concept_changed, sender=Concept)
post_save.connect(_label_changed, sender=ConceptLabel)
post_delete.connect(_label_changed, sender=ConceptLabel)


@receiver(m2m_changed, sender=Concept.broader.through)
def _links_changed(sender, action, **kwargs):
    if action.startswith("post_"):
        # No concept is named or removed: what a document is about stays the same.
        concepts_changed.send(sender=Concept, concepts=[])


@receiver(concepts_changed)
def matcher_stale(sender, **kwargs):
    matching.thesaurus_changed()


@receiver(request_started)
def request_began(sender, **kwargs):
    matching.request_began()


@receiver(request_finished)
def request_ended(sender, **kwargs):
    matching.request_ended()
