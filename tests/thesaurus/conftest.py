"""Thesaurus fixtures: the three demo thematic areas, the shipped file loaded, and
SKOS files written for a test."""

import io
from pathlib import Path

import pytest
from django.core.management import call_command

from portal.thesaurus.demo import SHIPPED
from tests.factories import ThematicAreaFactory
from tests.knowledge.conftest import homes, indexes  # noqa: F401 (fixtures for pages about topics)

PREFIXES = """@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix portal: <https://partnership-portal.org/thesaurus/ns#> .
@prefix c: <https://example.org/c/> .
"""


@pytest.fixture
def areas(db):
    """The thematic areas the shipped thesaurus names, as the demo creates them."""
    return {
        slug: ThematicAreaFactory(slug=slug, name=name, name_ar=name_ar, name_fr=name_fr)
        for slug, name, name_ar, name_fr in (
            ("health", "Health", "الصحة", "Santé"),
            ("labour", "Labour", "العمل", "Travail"),
            ("social-cohesion", "Social cohesion", "التماسك الاجتماعي", "Cohésion sociale"),
        )
    }


@pytest.fixture
def shipped(areas):
    """The shipped thesaurus, loaded."""
    call_command("thesaurus_import", str(SHIPPED), stdout=io.StringIO())


@pytest.fixture
def skos_file(tmp_path):
    """Write a Turtle file from a body (prefixes ``skos``, ``portal``, ``c``)."""

    def write(body: str, name: str = "test.ttl") -> Path:
        path = tmp_path / name
        path.write_text(PREFIXES + body, encoding="utf-8")
        return path

    return write
