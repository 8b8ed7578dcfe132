"""The IATI activity file of the joint actions.

No maintained package on PyPI ships the IATI 2.03 schemas (pyIATI, which bundles
them, pins lxml 4.2 and PyYAML 3.13 and cannot be installed beside this project),
so the structure is tested here against the rules of the 2.03 activity schema:
the order of the elements, the required ones, and the formats of their attributes.
"""

import datetime
import re
from decimal import Decimal
from xml.etree import ElementTree as ET

import pytest

from knowledge.models import JointActionPage
from portal.opendata.iati import DEFAULT_SECTOR, SECTORS
from tests.opendata.conftest import PARTNER, api_client, token_for

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# The iati-activity sequence of iati-activities-schema.xsd (2.03).
ACTIVITY_ORDER = [
    "iati-identifier",
    "reporting-org",
    "title",
    "description",
    "participating-org",
    "other-identifier",
    "activity-status",
    "activity-date",
    "contact-info",
    "activity-scope",
    "recipient-country",
    "recipient-region",
    "location",
    "sector",
    "tag",
    "country-budget-items",
    "humanitarian-scope",
    "policy-marker",
    "collaboration-type",
    "default-flow-type",
    "default-finance-type",
    "default-aid-type",
    "default-tied-status",
    "budget",
    "planned-disbursement",
    "capital-spend",
    "transaction",
    "document-link",
    "related-activity",
    "legacy-data",
    "conditions",
    "result",
    "crs-add",
    "fss",
]
REQUIRED = {"iati-identifier", "reporting-org", "title", "description", "participating-org", "activity-date"}
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ACTIVITY_STATUS = {"1", "2", "3", "4", "5", "6"}
DATE_TYPES = {"1", "2", "3", "4"}
ROLES = {"1", "2", "3", "4"}


def _activities(client):
    response = client.get("/iati/activities.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    assert root.tag == "iati-activities" and root.get("version") == "2.03"
    datetime.datetime.fromisoformat(root.get("generated-datetime"))
    return root.findall("iati-activity")


def _narratives_ok(element):
    narratives = element.findall("narrative")
    assert narratives and all((narrative.text or "").strip() for narrative in narratives)
    languages = [narrative.get(XML_LANG) for narrative in narratives]
    assert len(set(languages)) == len(languages), "one narrative per language"


def _check_activity(activity, reporting_ref):
    tags = [child.tag for child in activity]
    assert set(tags) >= REQUIRED
    positions = [ACTIVITY_ORDER.index(tag) for tag in tags]
    assert positions == sorted(positions), f"out of schema order: {tags}"
    assert activity.findtext("iati-identifier").startswith(reporting_ref + "-")
    assert activity.get(XML_LANG) in ("en", "ar", "fr")
    datetime.datetime.fromisoformat(activity.get("last-updated-datetime"))
    reporting = activity.find("reporting-org")
    assert reporting.get("ref") == reporting_ref and reporting.get("type")
    _narratives_ok(reporting)
    _narratives_ok(activity.find("title"))
    for description in activity.findall("description"):
        assert description.get("type") in ("1", "2")
        _narratives_ok(description)
    organisations = activity.findall("participating-org")
    assert {organisation.get("role") for organisation in organisations} <= ROLES
    assert "1" in {organisation.get("role") for organisation in organisations}
    assert activity.find("activity-status").get("code") in ACTIVITY_STATUS
    for date in activity.findall("activity-date"):
        assert date.get("type") in DATE_TYPES and ISO_DATE.match(date.get("iso-date"))
    for group in (("recipient-country", "recipient-region"), ("sector",)):
        elements = [element for tag in group for element in activity.findall(tag)]
        if len(elements) > 1:
            assert sum(Decimal(element.get("percentage")) for element in elements) == 100
    for country in activity.findall("recipient-country"):
        assert re.match(r"^[A-Z]{2}$", country.get("code"))
    for sector in activity.findall("sector"):
        assert sector.get("vocabulary") == "1" and sector.get("code") in {*SECTORS.values(), DEFAULT_SECTOR}
    for budget in activity.findall("budget"):
        assert [child.tag for child in budget] == ["period-start", "period-end", "value"]
        value = budget.find("value")
        assert re.match(r"^[A-Z]{3}$", value.get("currency")) and ISO_DATE.match(value.get("value-date"))
        Decimal(value.text)
    for link in activity.findall("document-link"):
        assert link.get("url").startswith("http") and link.get("format") == "text/html"
        children = [child.tag for child in link]
        assert children[0] == "title" and "category" in children
        _narratives_ok(link.find("title"))


def test_every_activity_keeps_the_structure_of_the_standard(settings):
    activities = _activities(api_client())
    assert len(activities) == JointActionPage.objects.live().values("translation_key").distinct().count()
    for activity in activities:
        _check_activity(activity, settings.PORTAL_IATI_REPORTING_ORG)


def test_an_activity_carries_its_translations_budget_sectors_and_documents():
    action = (
        JointActionPage.objects.live()
        .filter(locale__language_code="en", budget_amount__isnull=False, period_start__isnull=False)
        .exclude(period_end=None)
        .first()
    )
    versions = JointActionPage.objects.live().filter(translation_key=action.translation_key)
    activity = next(
        activity
        for activity in _activities(api_client())
        if activity.findtext("iati-identifier").endswith(str(action.translation_key))
    )
    titles = {narrative.get(XML_LANG) or "en": narrative.text for narrative in activity.find("title")}
    assert titles == {version.locale.language_code: version.title for version in versions}
    value = activity.find("budget/value")
    assert Decimal(value.text) == action.budget_amount and value.get("currency") == action.budget_currency
    assert {sector.get("code") for sector in activity.findall("sector")} == {
        SECTORS.get(theme.slug, DEFAULT_SECTOR) for theme in action.themes.all()
    }
    urls = {link.get("url") for link in activity.findall("document-link")}
    assert any("/lessons-learned/" in url for url in urls) or not action.lessons.exists()
    assert any(url.endswith(action.url) for url in urls)


def test_a_partner_token_gets_its_own_file_of_the_same_shape(restricted, settings):
    activities = _activities(api_client(token_for(PARTNER)))
    assert len(activities) == len(_activities(api_client())) + 1
    for activity in activities:
        _check_activity(activity, settings.PORTAL_IATI_REPORTING_ORG)
