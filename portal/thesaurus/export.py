"""The thesaurus as a SKOS graph, as ``skos`` reads it back."""

from django.conf import settings
from rdflib import DCTERMS, RDF, SKOS, Graph, Literal, URIRef

from portal.models import ThematicArea
from portal.thesaurus.models import Concept
from portal.thesaurus.skos import AREA_DATATYPE, KIND_PROPERTIES, PORTAL

SCHEME_TITLES = {
    "en": "Thesaurus of the Migration Multi-Partner Trust Fund",
    "ar": "مكنز الصندوق الاستئماني المتعدد الشركاء للهجرة",
    "fr": "Thésaurus du Fonds d'affectation spéciale pluripartenaires pour les migrations",
}


def scheme_uri() -> str:
    return settings.PORTAL_THESAURUS_SCHEME_URI


def thesaurus_graph() -> Graph:
    """Every concept with its labels, scope notes, broader and narrower concepts,
    and the thematic areas as collections."""
    graph = Graph()
    graph.bind("skos", SKOS)
    graph.bind("dct", DCTERMS)
    graph.bind("portal", PORTAL)
    scheme = URIRef(scheme_uri())
    graph.add((scheme, RDF.type, SKOS.ConceptScheme))
    for language, title in SCHEME_TITLES.items():
        graph.add((scheme, DCTERMS.title, Literal(title, lang=language)))
    concepts = Concept.objects.select_related("thematic_area").prefetch_related("labels", "broader")
    members: dict[int, list[URIRef]] = {}
    for concept in concepts:
        subject = URIRef(concept.uri)
        graph.add((subject, RDF.type, SKOS.Concept))
        graph.add((subject, SKOS.inScheme, scheme))
        if concept.notation:
            graph.add((subject, SKOS.notation, Literal(concept.notation)))
        for label in concept.labels.all():
            graph.add((subject, KIND_PROPERTIES[label.kind], Literal(label.text, lang=label.language)))
        for language, note in (
            ("en", concept.scope_note),
            ("ar", concept.scope_note_ar),
            ("fr", concept.scope_note_fr),
        ):
            if note:
                graph.add((subject, SKOS.scopeNote, Literal(note, lang=language)))
        broader = list(concept.broader.all())
        for parent in broader:
            graph.add((subject, SKOS.broader, URIRef(parent.uri)))
            graph.add((URIRef(parent.uri), SKOS.narrower, subject))
        if not broader:
            graph.add((subject, SKOS.topConceptOf, scheme))
            graph.add((scheme, SKOS.hasTopConcept, subject))
        if concept.thematic_area_id:
            members.setdefault(concept.thematic_area_id, []).append(subject)
    for area in ThematicArea.objects.filter(pk__in=members):
        collection = URIRef(f"{scheme_uri().rstrip('/#')}/area/{area.slug}")
        graph.add((collection, RDF.type, SKOS.Collection))
        graph.add((collection, SKOS.notation, Literal(area.slug, datatype=AREA_DATATYPE)))
        for language, name in (("en", area.name), ("ar", area.name_ar), ("fr", area.name_fr)):
            if name:
                graph.add((collection, SKOS.prefLabel, Literal(name, lang=language)))
        for member in members[area.pk]:
            graph.add((collection, SKOS.member, member))
    return graph
