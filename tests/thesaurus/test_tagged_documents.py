"""A topic's page lists what is tagged with it or with its narrower topics, each
translated resource once, for the reader's audience, newest first, twenty a page,
in a fixed number of queries; anonymous readers' copies are kept a short time."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from portal.audience import Audience
from portal.thesaurus.models import Concept
from search.indexing import document_save
from search.projections import Projection
from tests.accounts.factories import MembershipFactory
from tests.pagecache.conftest import is_cached

pytestmark = pytest.mark.django_db

ADDRESS = "/{language}/topics/fair-recruitment/"


@pytest.fixture
def concepts(shipped):
    return {concept.slug: concept for concept in Concept.objects.all()}


def tagged(
    key, title, *, concepts=(), language="en", day=1, doc_type="policy_brief", group="", order=0, **extra
):
    """A search row written by the indexing pipeline, tagged with ``concepts`` as an
    editor's picks (its text names none)."""
    return document_save(
        Projection(
            key=f"test.doc:{key}",
            doc_type=doc_type,
            title=title,
            url=f"/{language}/documents/{key}/",
            language=language,
            date=timezone.make_aware(datetime.datetime(2025, 1, 1)) + datetime.timedelta(days=day),
            concepts=[concept.pk for concept in concepts],
            translation_group=group,
            translation_order=order,
            **extra,
        )
    )


@pytest.fixture
def documents(concepts):
    fair, fees = concepts["fair-recruitment"], concepts["recruitment-fees"]
    return {
        "fair": tagged("fair", "Recruiting fairly", concepts=[fair], day=3),
        "fees_en": tagged("fees-en", "Who pays the fees", concepts=[fees], day=5, group="page:1", order=1),
        "fees_ar": tagged(
            "fees-ar", "من يدفع الرسوم", concepts=[fees], language="ar", day=6, group="page:1", order=2
        ),
        "room": tagged(
            "room",
            "Partners' recruitment notes",
            concepts=[fair],
            doc_type="topic",
            day=9,
            visibility=Audience.PARTNERS,
        ),
        "other": tagged("other", "Early warnings", concepts=[concepts["early-warning"]], day=8),
    }


def _entries(response):
    html = BeautifulSoup(response.content, "html.parser")
    return html.select(".tagged__item")


def _titles(response) -> list[str]:
    return [item.h3.get_text(strip=True) for item in _entries(response)]


def test_anonymous_readers_see_public_resources_of_the_topic_and_its_narrower_ones(client, documents):
    response = client.get(ADDRESS.format(language="en"))
    assert response.status_code == 200
    assert _titles(response) == ["Who pays the fees", "Recruiting fairly"]
    fees = _entries(response)[0]
    assert "recruitment fees" in fees.get_text()
    assert fees.select_one('a[href="/en/topics/recruitment-fees/"]')
    also = fees.select_one('a[hreflang="ar"]')
    assert also["href"] == "/ar/documents/fees-ar/"
    # The reader's own language is not named; a date is.
    assert "English" not in fees.select_one(".tagged__meta").get_text()
    assert fees.time["datetime"] == "2025-01-06"


def test_an_arabic_reader_gets_the_arabic_version_with_the_english_one_offered(client, documents):
    response = client.get(ADDRESS.format(language="ar"))
    titles = _titles(response)
    assert titles == ["من يدفع الرسوم", "Recruiting fairly"]
    fees, fair = _entries(response)
    assert fees.select_one('a[hreflang="en"]')["href"] == "/en/documents/fees-en/"
    assert fair.select_one('span[lang="en"]').get_text() == "English"


def test_a_partner_also_sees_partners_only_discussions_and_filters_by_type(client, documents):
    client.force_login(MembershipFactory().user)
    response = client.get(ADDRESS.format(language="en"))
    assert _titles(response) == ["Partners' recruitment notes", "Who pays the fees", "Recruiting fairly"]
    html = BeautifulSoup(response.content, "html.parser")
    types = [link.get_text() for link in html.select(".tagged__types a")]
    assert types == ["All types", "Forum topic", "Policy brief"]
    only_topics = client.get(ADDRESS.format(language="en"), {"type": "topic"})
    assert _titles(only_topics) == ["Partners' recruitment notes"]
    unknown = client.get(ADDRESS.format(language="en"), {"type": "<script>", "page": "x"})
    assert unknown.status_code == 200
    assert len(_titles(unknown)) == 3


def test_a_topic_without_resources_says_so(client, concepts):
    response = client.get("/en/topics/kafala/")
    assert "Nothing you may read is tagged with this topic yet." in response.content.decode()


def _queries(client, address) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(address).status_code == 200
    return len(context.captured_queries)


def test_the_list_pages_by_twenty_newest_first_in_a_fixed_number_of_queries(client, concepts, documents):
    address = ADDRESS.format(language="en")
    client.get(address)
    few = _queries(client, address)
    fair = concepts["fair-recruitment"]
    for n in range(30):
        # Pairs of translations, so "also in" and the choice of version grow too.
        tagged(f"many-{n}", f"Brief {n:02d}", concepts=[fair], day=20 + n, group=f"page:m{n}", order=1)
        tagged(
            f"many-{n}-fr",
            f"Note {n:02d}",
            concepts=[fair],
            language="fr",
            day=20 + n,
            group=f"page:m{n}",
            order=2,
        )
    many = _queries(client, address)
    assert many == few

    first = client.get(address)
    assert _titles(first) == [f"Brief {n:02d}" for n in range(29, 9, -1)]
    second = client.get(address, {"page": 2})
    assert _titles(second)[:10] == [f"Brief {n:02d}" for n in range(9, -1, -1)]
    assert _titles(second)[10:] == ["Who pays the fees", "Recruiting fairly"]


def test_anonymous_copies_are_kept_a_minute_and_signed_in_readers_get_their_own(settings, documents):
    settings.PORTAL_PAGE_CACHE_SECONDS = 300
    address = ADDRESS.format(language="en")
    anonymous = Client().get(address)
    assert "s-maxage=60" in anonymous["Cache-Control"]
    assert is_cached(address)

    member = Client()
    member.force_login(MembershipFactory().user)
    response = member.get(address)
    assert "private" in response["Cache-Control"]
    assert "Partners' recruitment notes" in _titles(response)
    # The anonymous copy stays the anonymous one.
    assert "Partners' recruitment notes" not in _titles(Client().get(address))
