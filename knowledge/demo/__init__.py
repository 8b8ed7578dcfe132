"""Demonstration content of the knowledge base: joint actions, lessons learned
and policy briefs in English, Arabic and French, one brief translated into all
three with a figure, a table and a PDF. Run after ``portal.demo``; running it
again changes nothing."""

import datetime
import io
from decimal import Decimal

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from PIL import ImageDraw, ImageFont
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale

from knowledge.demo import brief_health_coverage as translated_brief
from knowledge.demo.briefs import BRIEFS
from knowledge.demo.joint_actions import JOINT_ACTIONS
from knowledge.demo.lessons import LESSONS
from knowledge.demo.pdf import text_pdf
from knowledge.models import (
    JointActionIndexPage,
    JointActionPage,
    LessonLearnedIndexPage,
    LessonLearnedPage,
    PolicyBriefDocument,
    PolicyBriefIndexPage,
    PolicyBriefPage,
)
from portal.demo import ensure_child, ensure_translation
from portal.models import Country, Organisation, ThematicArea

LESSON_SECTIONS = (
    "context",
    "what_was_tried",
    "what_worked",
    "what_did_not_work",
    "recommendations",
    "evidence",
)


def _date(value):
    return datetime.date.fromisoformat(value) if value else None


class Vocabulary:
    """Themes, countries and organisations by their demo keys, read once."""

    def __init__(self):
        self.themes = {theme.slug: theme for theme in ThematicArea.objects.all()}
        self.countries = {country.code: country for country in Country.objects.all()}
        self.organisations = {organisation.slug: organisation for organisation in Organisation.objects.all()}

    def relations(self, data):
        return {
            "themes": [self.themes[slug] for slug in data["themes"]],
            "countries": [self.countries[code] for code in data["countries"]],
            "organisations": [self.organisations[slug] for slug in data["organisations"]],
        }


def _indexes(model):
    return {page.locale.language_code: page for page in model.objects.select_related("locale")}


def _recommendations(items):
    return [
        {"type": "recommendation", "value": {"title": title, "detail": detail}} for title, detail in items
    ]


def _simple_body(entries):
    body = []
    for entry in entries:
        if isinstance(entry, str):
            body.append({"type": "paragraph", "value": entry})
        else:
            body.append({"type": entry[0], "value": entry[1]})
    return body


def load_joint_actions(vocabulary, stdout):
    indexes = _indexes(JointActionIndexPage)
    created = 0
    for data in JOINT_ACTIONS:
        _page, was_created = ensure_child(
            indexes[data["language"]],
            JointActionPage,
            slug=data["slug"],
            title=data["title"],
            summary=data["summary"],
            publication_date=_date(data["publication_date"]),
            status=data["status"],
            period_start=_date(data["period_start"]),
            period_end=_date(data["period_end"]),
            budget_amount=Decimal(data["budget_amount"]),
            budget_currency=data["budget_currency"],
            objectives=data["objectives"],
            results=data["results"],
            relations=vocabulary.relations(data),
        )
        created += was_created
    stdout.write(f"  joint actions: {len(JOINT_ACTIONS)} ({created} new)")


def load_lessons(vocabulary, stdout):
    indexes = _indexes(LessonLearnedIndexPage)
    joint_actions = {page.slug: page for page in JointActionPage.objects.filter(locale__language_code="en")}
    created = 0
    for data in LESSONS:
        _page, was_created = ensure_child(
            indexes[data["language"]],
            LessonLearnedPage,
            slug=data["slug"],
            title=data["title"],
            summary=data["summary"],
            publication_date=_date(data["publication_date"]),
            related_joint_action=joint_actions.get(data["joint_action"]),
            relations=vocabulary.relations(data),
            **{name: data[name] for name in LESSON_SECTIONS},
        )
        created += was_created
    stdout.write(f"  lessons learned: {len(LESSONS)} ({created} new)")


def load_briefs(vocabulary, stdout):
    indexes = _indexes(PolicyBriefIndexPage)
    created = 0
    for data in BRIEFS:
        _page, was_created = ensure_child(
            indexes[data["language"]],
            PolicyBriefPage,
            slug=data["slug"],
            title=data["title"],
            summary=data["summary"],
            publication_date=_date(data["publication_date"]),
            body=_simple_body(data["body"]),
            key_recommendations=_recommendations(data["recommendations"]),
            relations=vocabulary.relations(data),
        )
        created += was_created
    stdout.write(f"  single-language policy briefs: {len(BRIEFS)} ({created} new)")


def chart_file(title, bars):
    """A bar chart (PNG) of ``bars``: (label, percentage) pairs."""
    width, height = 1200, 630
    image = PillowImage.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    title_font = ImageFont.load_default(size=34)
    label_font = ImageFont.load_default(size=24)
    draw.text((60, 40), title, fill="#1b1f24", font=title_font)
    base, top = height - 110, 140
    slot = (width - 120) // len(bars)
    for position, (label, value) in enumerate(bars):
        left = 60 + position * slot + 40
        bar_top = base - (base - top) * value // 100
        draw.rectangle((left, bar_top, left + slot - 80, base), fill="#0b5394")
        draw.text(
            (left + (slot - 80) // 2, bar_top - 12), f"{value}%", fill="#1b1f24", font=label_font, anchor="md"
        )
        draw.text((left + (slot - 80) // 2, base + 20), label, fill="#1b1f24", font=label_font, anchor="ma")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return ImageFile(buffer, name="chart-health-coverage.png")


def _figure_image():
    image_model = get_image_model()
    title = translated_brief.FIGURE["title"]
    image = image_model.objects.filter(title=title).first()
    if image is None:
        image = image_model.objects.create(
            title=title, file=chart_file(title, translated_brief.FIGURE["bars"])
        )
    return image


def _pdf_document():
    document_model = get_document_model()
    title = translated_brief.PDF_TITLE
    document = document_model.objects.filter(title=title).first()
    if document is None:
        pdf = text_pdf(title, translated_brief.PDF_PARAGRAPHS)
        document = document_model.objects.create(
            title=title, file=ContentFile(pdf, name="health-coverage-migrant-workers.pdf")
        )
    return document


def _translated_body(language, image, document):
    text = translated_brief.TEXT[language]
    table = translated_brief.TABLE[language]
    values = {
        "figure": {"image": image.pk, "alt_text": text["figure_alt"], "caption": text["figure_caption"]},
        "table": {
            "data": table["data"],
            "first_row_is_table_header": True,
            "first_col_is_header": True,
            "table_caption": table["caption"],
        },
        "document": {"document": document.pk, "title": text["document_title"]},
    }
    body = []
    for kind, value in text["body"]:
        body.append({"type": kind, "value": values.get(kind, value)})
    return body


def load_translated_brief(vocabulary, stdout):
    indexes = _indexes(PolicyBriefIndexPage)
    image, document = _figure_image(), _pdf_document()
    meta = translated_brief.META
    english = translated_brief.TEXT["en"]
    page, created = ensure_child(
        indexes["en"],
        PolicyBriefPage,
        slug=translated_brief.KEY,
        title=english["title"],
        summary=english["summary"],
        publication_date=_date(meta["publication_date"]),
        body=_translated_body("en", image, document),
        key_recommendations=_recommendations(english["recommendations"]),
        documents=[PolicyBriefDocument(document=document)],
        relations=vocabulary.relations(meta),
    )
    for language in ("ar", "fr"):
        text = translated_brief.TEXT[language]
        created += ensure_translation(
            page,
            Locale.objects.get(language_code=language),
            title=text["title"],
            summary=text["summary"],
            body=_translated_body(language, image, document),
            key_recommendations=_recommendations(text["recommendations"]),
        )[1]
    stdout.write(f"  policy brief in English, Arabic and French with its PDF ({created} new pages)")


def load(stdout):
    vocabulary = Vocabulary()
    load_joint_actions(vocabulary, stdout)
    load_lessons(vocabulary, stdout)
    load_briefs(vocabulary, stdout)
    load_translated_brief(vocabulary, stdout)


def summary():
    rows = []
    for model in (PolicyBriefPage, LessonLearnedPage, JointActionPage):
        per_language = {
            code: model.objects.live().filter(locale__language_code=code).count()
            for code in ("en", "ar", "fr")
        }
        detail = ", ".join(f"{code} {count}" for code, count in per_language.items())
        rows.append((str(model._meta.verbose_name_plural), f"{sum(per_language.values())} ({detail})"))
    return rows
