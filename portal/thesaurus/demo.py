"""The thesaurus shipped with the portal, loaded as demonstration content (an
operator may load a published thesaurus instead, with ``thesaurus_import``)."""

from pathlib import Path

from portal.thesaurus import services, skos
from portal.thesaurus.models import Concept, ConceptLabel

SHIPPED = Path(__file__).resolve().parent / "data" / "thesaurus.ttl"


def load(stdout):
    result = services.thesaurus_import(scheme=skos.parse(skos.read(str(SHIPPED), "turtle")))
    stdout.write(f"  thesaurus concepts: {result.created + result.updated} ({result.created} new)")


def summary():
    return [
        ("thesaurus concepts", Concept.objects.count()),
        ("thesaurus labels", ConceptLabel.objects.count()),
    ]
