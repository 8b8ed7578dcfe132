"""Fixtures of the search suite.

``search_backend`` runs a test against every backend: "database" always (SQLite or
PostgreSQL, whichever DATABASE_URL gives), and the "opensearch" and
"elasticsearch" flavours of the engine backend. For those it calls
``tests.search.engine_backend.engine_under_test(flavour, settings, url)``, which points
the settings at a running engine, empties its index and returns a ``refresh()``
function that pushes the pending search rows and makes them searchable (it skips
naming ``make search-engine`` when no engine runs, and fails when CI=true).
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.utils import timezone

from portal.audience import Audience
from portal.models import Country
from search.indexing import document_save
from search.projections import Projection
from tests.accounts.factories import MembershipFactory, VerifiedUserFactory
from tests.factories import OrganisationFactory, ThematicAreaFactory, UserFactory
from tests.search.engine_backend import (  # noqa: F401  (fixtures)
    engine_under_test,
    search_engine_proxy_url,
    search_engine_url,
)

ENGINE_FLAVOURS = ("opensearch", "elasticsearch")


@dataclass
class BackendUnderTest:
    name: str
    refresh: Callable[[], None]


# Engine flavours carry the `engine` mark, so a run can leave them out (-m "not engine").
@pytest.fixture(
    params=["database", *(pytest.param(flavour, marks=pytest.mark.engine) for flavour in ENGINE_FLAVOURS)]
)
def search_backend(request, settings, db):
    flavour = request.param
    if flavour == "database":
        settings.PORTAL_SEARCH_BACKEND = "database"
        return BackendUnderTest("database", lambda: None)
    refresh = engine_under_test(flavour, settings, _engine_url(request, flavour))
    return BackendUnderTest(flavour, refresh)


def _engine_url(request, flavour: str) -> str:
    return request.getfixturevalue(
        "search_engine_proxy_url" if flavour == "elasticsearch" else "search_engine_url"
    )


@pytest.fixture(params=ENGINE_FLAVOURS)
def engine(request, settings):
    """Each engine flavour on its own, without the database backend: ``(url, refresh)``."""
    url = _engine_url(request, request.param)
    return url, engine_under_test(request.param, settings, url)


@pytest.fixture
def vocabulary(db, countries):
    return {
        "themes": {
            "health": ThematicAreaFactory(name="Health", name_ar="الصحة", slug="health"),
            "labour": ThematicAreaFactory(name="Labour", name_ar="العمل", slug="labour"),
            "cohesion": ThematicAreaFactory(name="Social cohesion", slug="social-cohesion"),
        },
        "organisations": {
            "who": OrganisationFactory(name="World Health Organization", acronym="WHO", slug="who"),
            "iom": OrganisationFactory(
                name="International Organization for Migration", acronym="IOM", slug="iom"
            ),
            "undrr": OrganisationFactory(
                name="UN Office for Disaster Risk Reduction", acronym="UNDRR", slug="undrr"
            ),
        },
        "countries": countries,
    }


@pytest.fixture
def people(db, vocabulary):
    """One person per role: anonymous (None), registered without membership,
    partner member (of IOM), and members of WHO and of UNDRR."""
    orgs = vocabulary["organisations"]
    return {
        "anonymous": None,
        "registered": VerifiedUserFactory(),
        "partner": MembershipFactory(organisation=orgs["iom"]).user,
        "who_member": MembershipFactory(organisation=orgs["who"]).user,
        "undrr_member": MembershipFactory(organisation=orgs["undrr"]).user,
    }


def _date(year, month=6):
    return timezone.make_aware(datetime.datetime(year, month, 15, 12))


def make_document(
    vocabulary,
    key,
    title,
    body="",
    *,
    doc_type="policy_brief",
    language="en",
    year=2024,
    themes=(),
    countries=(),
    organisations=(),
    visibility=Audience.PUBLIC,
    org=None,
    month=6,
    group="",
    order=0,
):
    return document_save(
        Projection(
            key=f"test.doc:{key}",
            doc_type=doc_type,
            title=title,
            url=f"/{language}/documents/{key}/",
            body=body,
            language=language,
            date=_date(year, month),
            themes=[vocabulary["themes"][name].pk for name in themes],
            countries=[Country.objects.get(code=code).pk for code in countries],
            organisations=[vocabulary["organisations"][name].pk for name in organisations],
            visibility=visibility,
            visibility_organisation_id=vocabulary["organisations"][org].pk if org else None,
            translation_group=f"test.group:{group}" if group else "",
            translation_order=order,
        )
    )


CORPUS = [
    (
        "health-jordan",
        "Health services for migrants in Jordan",
        "Primary health clinics opened their doors to migrant workers and refugee families.",
        {"themes": ["health"], "countries": ["JO"], "organisations": ["who"], "year": 2024},
    ),
    (
        "labour-iraq",
        "Labour market access for refugees",
        "Work permits and vocational training helped refugees find jobs in Erbil.",
        {
            "doc_type": "lesson_learned",
            "themes": ["labour"],
            "countries": ["IQ"],
            "organisations": ["iom"],
            "year": 2023,
        },
    ),
    (
        "cohesion-lebanon",
        "Social cohesion in host communities",
        "Community centres brought host and displaced families together; clinics were shared.",
        {
            "doc_type": "joint_action",
            "themes": ["cohesion"],
            "countries": ["LB"],
            "organisations": ["undrr"],
            "year": 2025,
        },
    ),
    (
        "ar-migration-health",
        "سياسات الهجرة والصحة",
        "تحسين الخدمات الصحية للمهاجرين في الأردن وتوسيع العيادات.",
        {"language": "ar", "themes": ["health"], "countries": ["JO"], "organisations": ["who"], "year": 2024},
    ),
    (
        "ar-labour",
        "العمل والتدريب المهني",
        "برامج التدريب المهني للشباب في العراق.",
        {
            "doc_type": "lesson_learned",
            "language": "ar",
            "themes": ["labour"],
            "countries": ["IQ"],
            "organisations": ["iom"],
            "year": 2023,
        },
    ),
    (
        "fr-health",
        "Politique de santé des migrants",
        "Les cliniques de santé primaire au Liban accueillent les travailleurs migrants.",
        {"language": "fr", "themes": ["health"], "countries": ["LB"], "organisations": ["who"], "year": 2023},
    ),
    (
        "partners-financing",
        "Partner meeting on health financing",
        "Notes of the partners' meeting on pooled health financing for clinics.",
        {
            "doc_type": "post",
            "themes": ["health"],
            "countries": ["JO"],
            "organisations": ["iom"],
            "year": 2025,
            "visibility": Audience.PARTNERS,
        },
    ),
    (
        "who-confidential",
        "Confidential vaccination strategy draft",
        "Internal draft of the vaccination strategy for clinics; confidential.",
        {
            "themes": ["health"],
            "countries": ["LB"],
            "organisations": ["who"],
            "year": 2025,
            "visibility": Audience.ORGANISATION,
            "org": "who",
        },
    ),
    (
        "undrr-budget",
        "Confidential budget planning",
        "Budget lines for risk reduction clinics; confidential.",
        {
            "doc_type": "joint_action",
            "themes": ["cohesion"],
            "countries": ["IQ"],
            "organisations": ["undrr"],
            "year": 2022,
            "visibility": Audience.ORGANISATION,
            "org": "undrr",
        },
    ),
]

# Which corpus keys each role may see.
PUBLIC_KEYS = {
    "health-jordan",
    "labour-iraq",
    "cohesion-lebanon",
    "ar-migration-health",
    "ar-labour",
    "fr-health",
}
VISIBLE = {
    "anonymous": PUBLIC_KEYS,
    "registered": PUBLIC_KEYS,
    "partner": PUBLIC_KEYS | {"partners-financing"},
    "who_member": PUBLIC_KEYS | {"partners-financing", "who-confidential"},
    "undrr_member": PUBLIC_KEYS | {"partners-financing", "undrr-budget"},
}


@pytest.fixture
def corpus(vocabulary, search_backend):
    documents = {
        key: make_document(vocabulary, key, title, body, **options) for key, title, body, options in CORPUS
    }
    search_backend.refresh()
    return documents


@pytest.fixture
def plain_user(db):
    return UserFactory()
