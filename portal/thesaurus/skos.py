"""SKOS files read into plain data, checked, and the thesaurus written back.

Thematic areas are ``skos:Collection``s whose ``skos:notation`` has the datatype
``portal:ThematicArea`` and names a thematic area by its slug; their members are
the area's concepts. Other collections are left alone, so a published thesaurus
with collections of its own loads too. Labels in languages other than English,
Arabic and French are skipped.
"""

from dataclasses import dataclass, field

from django.utils.text import slugify
from rdflib import RDF, SKOS, Graph, Literal, Namespace, URIRef

from portal.text import single_line
from portal.thesaurus.models import LANGUAGES, ConceptLabel, preferred_label_problem

PORTAL = Namespace("https://partnership-portal.org/thesaurus/ns#")
AREA_DATATYPE = PORTAL.ThematicArea
FORMATS = {"turtle": "turtle", "xml": "xml"}
LABEL_KINDS = {
    SKOS.prefLabel: ConceptLabel.Kind.PREFERRED,
    SKOS.altLabel: ConceptLabel.Kind.ALTERNATIVE,
    SKOS.hiddenLabel: ConceptLabel.Kind.HIDDEN,
}
KIND_PROPERTIES = {kind: prop for prop, kind in LABEL_KINDS.items()}
LABEL_MAX_LENGTH = ConceptLabel._meta.get_field("text").max_length


class SkosError(ValueError):
    """The file cannot be loaded as it is; the message names the problem."""


@dataclass
class ParsedConcept:
    uri: str
    notation: str = ""
    labels: set[tuple[str, str, str]] = field(default_factory=set)
    scope_notes: dict[str, str] = field(default_factory=dict)
    broader: set[str] = field(default_factory=set)
    area: str | None = None


@dataclass
class ParsedScheme:
    concepts: dict[str, ParsedConcept]
    skipped_labels: int = 0


def read(source, format_name: str) -> Graph:
    """The graph in ``source`` (a path or a file object)."""
    graph = Graph()
    try:
        graph.parse(source, format=FORMATS[format_name])
    except Exception as error:
        # rdflib's parsers report malformed input in no one class: SyntaxError for
        # Turtle, the XML parser's errors for RDF/XML, and whatever their code hits
        # on a truncated file (an IndexError on Turtle cut mid-statement).
        raise SkosError(f"The file is not valid {format_name}: {error}") from error
    return graph


def _language(literal) -> str | None:
    language = (getattr(literal, "language", None) or "").split("-")[0].lower()
    return language if language in LANGUAGES else None


def _areas(graph: Graph) -> dict[str, str]:
    """Concept URI -> thematic area slug, from the area collections."""
    areas: dict[str, str] = {}
    for collection in graph.subjects(RDF.type, SKOS.Collection):
        slugs = [
            str(notation)
            for notation in graph.objects(collection, SKOS.notation)
            if isinstance(notation, Literal) and notation.datatype == AREA_DATATYPE
        ]
        if not slugs:
            continue
        for member in graph.objects(collection, SKOS.member):
            if str(member) in areas and areas[str(member)] != slugs[0]:
                raise SkosError(
                    f"Concept {member} belongs to two thematic areas: {areas[str(member)]} and {slugs[0]}."
                )
            areas[str(member)] = slugs[0]
    return areas


def parse(graph: Graph) -> ParsedScheme:
    """The concepts of ``graph``, checked: each has one preferred label per language
    and an English one."""
    uris = {str(subject) for subject in graph.subjects(RDF.type, SKOS.Concept) if isinstance(subject, URIRef)}
    if not uris:
        raise SkosError("The file holds no skos:Concept.")
    areas = _areas(graph)
    concepts = {uri: ParsedConcept(uri=uri, area=areas.get(uri)) for uri in uris}
    skipped = 0
    for uri, concept in concepts.items():
        subject = URIRef(uri)
        notations = sorted(str(notation) for notation in graph.objects(subject, SKOS.notation))
        concept.notation = notations[0] if notations else ""
        for prop, kind in LABEL_KINDS.items():
            for literal in graph.objects(subject, prop):
                language = _language(literal)
                text = single_line(str(literal))
                if language is None or not text:
                    skipped += 1
                    continue
                if len(text) > LABEL_MAX_LENGTH:
                    raise SkosError(
                        f"A label of {uri} is longer than {LABEL_MAX_LENGTH} characters: {text[:60]}…"
                    )
                concept.labels.add((language, kind, text))
        for literal in graph.objects(subject, SKOS.scopeNote):
            language = _language(literal)
            if language is not None:
                notes = [concept.scope_notes.get(language, ""), str(literal).strip()]
                concept.scope_notes[language] = "\n\n".join(sorted(note for note in notes if note))
        concept.broader |= {str(target) for target in graph.objects(subject, SKOS.broader)}
        for narrower in graph.objects(subject, SKOS.narrower):
            if str(narrower) in concepts:
                concepts[str(narrower)].broader.add(uri)
        _check_labels(concept)
    for concept in concepts.values():
        concept.broader.discard(concept.uri)
    return ParsedScheme(concepts=concepts, skipped_labels=skipped)


def _check_labels(concept: ParsedConcept) -> None:
    problem = preferred_label_problem(concept.labels)
    if problem:
        raise SkosError(f"Concept {concept.uri}: {problem}")


def find_cycle(edges: dict[str, set[str]]) -> list[str] | None:
    """A chain of broader links that comes back to its start, if there is one."""
    state: dict[str, int] = {}
    for root in edges:
        if state.get(root):
            continue
        path, stack = [], [(root, iter(sorted(edges.get(root, ()))))]
        state[root] = 1
        path.append(root)
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                state[node] = 2
                stack.pop()
                path.pop()
            elif state.get(child) == 1:
                return path[path.index(child) :] + [child]
            elif not state.get(child):
                state[child] = 1
                path.append(child)
                stack.append((child, iter(sorted(edges.get(child, ())))))
    return None


def slug_for(concept: ParsedConcept) -> str:
    tail = concept.uri.rstrip("/#").replace("#", "/").rsplit("/", 1)[-1]
    return slugify(concept.notation or tail)[:100] or "concept"
