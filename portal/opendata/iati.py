"""Joint actions as an IATI 2.03 activity file (https://iatistandard.org/en/iati-standard/203/).

One ``iati-activity`` per joint action (all its language versions together: the
title and descriptions carry a narrative per language), with the reader's audience
deciding which joint actions and which versions are in it. Elements follow the
order of the 2.03 activity schema; codes come from the IATI code lists named below.
"""

from xml.etree import ElementTree as ET

from django.utils import timezone

from knowledge.models import JointActionPage, LessonLearnedPage, PolicyBriefPage
from knowledge.selectors import LISTING_RELATIONS
from portal import audience
from portal.markup import html_to_text
from portal.opendata import app_settings
from portal.opendata.api.fields import page_link

VERSION = "2.03"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
REPORTING_ORG_NAME = "Migration Multi-Partner Trust Fund"
# OrganisationType code list: 10 government, 22 national NGO, 40 multilateral.
ORGANISATION_TYPES = {"government": "10", "un_agency": "40", "civil_society": "22", "donor": "10"}
REPORTING_ORG_TYPE = "40"
# OrganisationRole: 1 funding, 4 implementing.
ROLE_FUNDING, ROLE_IMPLEMENTING = "1", "4"
# ActivityStatus: 1 pipeline, 2 implementation, 3 finalisation.
ACTIVITY_STATUS = {"planned": "1", "ongoing": "2", "completed": "3"}
# ActivityDateType: 1 planned start, 2 actual start, 3 planned end, 4 actual end.
START_DATE_TYPE = {"planned": "1", "ongoing": "2", "completed": "2"}
END_DATE_TYPE = {"planned": "3", "ongoing": "3", "completed": "4"}
# Thematic areas as OECD DAC 5-digit purpose codes (sector vocabulary 1). A theme
# not listed is reported under the fund's own purpose, orderly and safe migration.
SECTOR_VOCABULARY = "1"
SECTORS = {
    "health": "12110",  # Health policy and administrative management
    "labour": "16020",  # Employment creation
    "social-cohesion": "15220",  # Civilian peace-building, conflict prevention and resolution
    "disaster-risk": "43060",  # Disaster risk reduction
    "education": "11110",  # Education policy and administrative management
}
DEFAULT_SECTOR = "15190"  # Facilitation of orderly, safe, regular and responsible migration and mobility
# The region as a whole: OECD DAC region 589, "Middle East, regional".
REGION_CODE, REGION_VOCABULARY = "589", "1"
REGION_COUNTRY = "RG"
# DocumentCategory: A07 review and evaluation (lessons), A08 results and outputs
# (briefs), A12 the activity's web page.
LESSON_CATEGORY, BRIEF_CATEGORY, WEB_PAGE_CATEGORY = "A07", "A08", "A12"


def sector_of(theme) -> str:
    return SECTORS.get(theme.slug, DEFAULT_SECTOR)


def _sub(parent, tag, text=None, **attributes):
    element = ET.SubElement(
        parent, tag, {key.replace("_", "-"): str(value) for key, value in attributes.items()}
    )
    if text is not None:
        element.text = text
    return element


def _narratives(parent, texts, language):
    for code, text in texts:
        narrative = _sub(parent, "narrative", text)
        if code != language:
            narrative.set(XML_LANG, code)


def _shares(count: int) -> list[str]:
    """Percentages that add up to 100 for ``count`` equal parts."""
    if count < 2:
        return []
    share = round(100 / count, 2)
    return [f"{share:.2f}"] * (count - 1) + [f"{100 - share * (count - 1):.2f}"]


def _add_shared(activity, items):
    """Elements given as (tag, attributes) whose percentages add up to 100 together."""
    shares = _shares(len(items))
    for index, (tag, attributes) in enumerate(items):
        element = _sub(activity, tag, **attributes)
        if shares:
            element.set("percentage", shares[index])


def _document_link(activity, page, category, language):
    link = _sub(activity, "document-link", format="text/html", url=page_link(page) or "")
    _narratives(_sub(link, "title"), [(page.locale.language_code, page.title)], language)
    _sub(link, "category", code=category)
    _sub(link, "language", code=page.locale.language_code)
    _sub(link, "document-date", iso_date=page.publication_date.isoformat())


def _related_documents(actions, user):
    """Lessons learned from each joint action, and the briefs sharing one of its
    themes and one of its organisations, keyed by the joint action's translation key."""
    keys = {action.translation_key for action in actions}
    lessons = audience.filter_pages(LessonLearnedPage.objects.all(), user).filter(
        related_joint_action__translation_key__in=keys
    )
    found = {key: [] for key in keys}
    for lesson in lessons.select_related("locale", "related_joint_action").order_by("pk"):
        found[lesson.related_joint_action.translation_key].append((lesson, LESSON_CATEGORY))
    briefs = list(
        audience.filter_pages(PolicyBriefPage.objects.all(), user)
        .select_related("locale")
        .prefetch_related("themes", "organisations")
        .order_by("pk")
    )
    for action in actions:
        themes = {theme.pk for theme in action.themes.all()}
        organisations = {organisation.pk for organisation in action.organisations.all()}
        for brief in briefs:
            if themes & {t.pk for t in brief.themes.all()} and organisations & {
                o.pk for o in brief.organisations.all()
            }:
                found[action.translation_key].append((brief, BRIEF_CATEGORY))
    return found


def _dates(activity, action):
    start = action.period_start or action.publication_date
    _sub(activity, "activity-date", type=START_DATE_TYPE[action.status], iso_date=start.isoformat())
    if action.period_end:
        _sub(
            activity,
            "activity-date",
            type=END_DATE_TYPE[action.status],
            iso_date=action.period_end.isoformat(),
        )


def _budget(activity, action):
    if action.budget_amount is None or not (action.period_start and action.period_end):
        return
    # BudgetType 1 original, BudgetStatus 1 indicative.
    budget = _sub(activity, "budget", type="1", status="1")
    _sub(budget, "period-start", iso_date=action.period_start.isoformat())
    _sub(budget, "period-end", iso_date=action.period_end.isoformat())
    _sub(
        budget,
        "value",
        f"{action.budget_amount:.2f}",
        currency=action.budget_currency,
        value_date=action.period_start.isoformat(),
    )


def _activity(root, versions, documents, reporting_ref):
    action = versions[0]
    language = action.locale.language_code
    texts = [(page.locale.language_code, page) for page in versions]
    last_updated = max((page.last_published_at or timezone.now()) for page in versions)
    activity = _sub(
        root,
        "iati-activity",
        last_updated_datetime=last_updated.isoformat(timespec="seconds"),
        default_currency=action.budget_currency,
    )
    activity.set(XML_LANG, language)
    _sub(activity, "iati-identifier", f"{reporting_ref}-{action.translation_key}")
    reporting = _sub(activity, "reporting-org", ref=reporting_ref, type=REPORTING_ORG_TYPE)
    _narratives(reporting, [(language, REPORTING_ORG_NAME)], language)
    _narratives(_sub(activity, "title"), [(code, page.title) for code, page in texts], language)
    _narratives(
        _sub(activity, "description", type="1"), [(code, page.summary) for code, page in texts], language
    )
    objectives = [(code, html_to_text(page.objectives)) for code, page in texts]
    objectives = [(code, text) for code, text in objectives if text]
    if objectives:
        _narratives(_sub(activity, "description", type="2"), objectives, language)
    funder = _sub(
        activity, "participating-org", ref=reporting_ref, type=REPORTING_ORG_TYPE, role=ROLE_FUNDING
    )
    _narratives(funder, [(language, REPORTING_ORG_NAME)], language)
    for organisation in action.organisations.all():
        participant = _sub(
            activity,
            "participating-org",
            type=ORGANISATION_TYPES.get(organisation.kind, "10"),
            role=ROLE_IMPLEMENTING,
        )
        _narratives(participant, [(language, organisation.name)], language)
    _sub(activity, "activity-status", code=ACTIVITY_STATUS[action.status])
    _dates(activity, action)
    countries = [country.code for country in action.countries.all()]
    places = [("recipient-country", {"code": code}) for code in countries if code != REGION_COUNTRY]
    if REGION_COUNTRY in countries:
        places.append(("recipient-region", {"code": REGION_CODE, "vocabulary": REGION_VOCABULARY}))
    _add_shared(activity, places)
    sectors = sorted({sector_of(theme) for theme in action.themes.all()}) or [DEFAULT_SECTOR]
    _add_shared(activity, [("sector", {"vocabulary": SECTOR_VOCABULARY, "code": code}) for code in sectors])
    _budget(activity, action)
    for page in versions:
        _document_link(activity, page, WEB_PAGE_CATEGORY, language)
    for page, category in documents:
        _document_link(activity, page, category, language)


def joint_action_versions(user) -> list[list[JointActionPage]]:
    """The joint actions ``user`` may read, each as its language versions (the
    original first), newest first."""
    pages = (
        audience.filter_pages(JointActionPage.objects.all(), user)
        .select_related("locale")
        .prefetch_related(*LISTING_RELATIONS)
        .order_by("pk")
    )
    grouped = {}
    for page in pages:
        grouped.setdefault(page.translation_key, []).append(page)
    return sorted(
        grouped.values(), key=lambda versions: (versions[0].publication_date, versions[0].pk), reverse=True
    )


def activities_xml(user) -> bytes:
    """The IATI activity file of the joint actions ``user`` may read."""
    grouped = joint_action_versions(user)
    documents = _related_documents([versions[0] for versions in grouped], user)
    reporting_ref = app_settings.iati_reporting_org()
    root = ET.Element(
        "iati-activities",
        {"version": VERSION, "generated-datetime": timezone.now().isoformat(timespec="seconds")},
    )
    for versions in grouped:
        _activity(root, versions, documents.get(versions[0].translation_key, []), reporting_ref)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)
