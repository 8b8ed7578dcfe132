"""The demo loader: realistic content in three languages, safe to run twice."""

import io

import pytest
from django.core.management import call_command
from pypdf import PdfReader
from wagtail.documents import get_document_model

from knowledge.models import JointActionPage, LessonLearnedPage, PolicyBriefPage
from portal.models import HomePage, Organisation, ThematicArea, ThemePage
from portal.thesaurus.models import Concept

pytestmark = pytest.mark.django_db


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (
            ThematicArea,
            Organisation,
            HomePage,
            ThemePage,
            PolicyBriefPage,
            LessonLearnedPage,
            JointActionPage,
            get_document_model(),
            Concept,
        )
    }


def test_load_demo_is_idempotent_and_complete(client, countries):
    output = io.StringIO()
    call_command("load_demo", stdout=output)
    first = counts()
    assert "Demo content is ready." in output.getvalue()
    assert "joint actions: 4 (4 new)" in output.getvalue()
    assert "thesaurus concepts: 328 (328 new)" in output.getvalue()

    second_output = io.StringIO()
    call_command("load_demo", stdout=second_output)
    assert counts() == first
    assert "(0 new)" in second_output.getvalue()

    assert first["ThematicArea"] == 3 and first["Organisation"] == 10
    assert first["HomePage"] == 3 and first["ThemePage"] == 9
    assert len(set(PolicyBriefPage.objects.values_list("translation_key", flat=True))) >= 8
    assert LessonLearnedPage.objects.count() >= 8 and JointActionPage.objects.count() >= 4
    assert all(organisation.logo_id for organisation in Organisation.objects.all())

    languages = set(PolicyBriefPage.objects.live().values_list("locale__language_code", flat=True))
    assert languages == {"en", "ar", "fr"}
    translated = PolicyBriefPage.objects.get(
        slug="health-coverage-migrant-workers", locale__language_code="en"
    )
    assert {page.locale.language_code for page in translated.get_translations(inclusive=True).live()} == {
        "en",
        "ar",
        "fr",
    }
    assert translated.documents.count() == 1

    for url in (
        "/en/",
        "/ar/",
        "/fr/",
        translated.url,
        "/ar/policy-briefs/",
        "/fr/health/",
        "/en/partners/who/",
    ):
        assert client.get(url).status_code == 200, url


def test_demo_pdf_has_extractable_text(countries):
    call_command("load_demo", stdout=io.StringIO())
    document = get_document_model().objects.get(title__startswith="Keeping migrant workers covered")
    with document.file.open("rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert "fixed consultation fee" in text
    assert "World Health Organization" in text
