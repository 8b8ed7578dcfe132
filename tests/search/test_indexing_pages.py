"""Pages and organisations keep their search documents in step with the content."""

import pytest
from django.db import transaction
from wagtail.models import PageViewRestriction

from search.models import SearchDocument
from tests.factories import OrganisationFactory
from tests.knowledge.factories import PolicyBriefIndexPageFactory, PolicyBriefPageFactory
from tests.search.helpers import search

pytestmark = pytest.mark.django_db


def _document(page):
    return SearchDocument.objects.filter(key=f"wagtailcore.page:{page.pk}", deleted=False).first()


@pytest.fixture
def brief_index(home_page):
    return PolicyBriefIndexPageFactory(parent=home_page)


@pytest.fixture
def brief(brief_index, vocabulary, settings):
    settings.PORTAL_SEARCH_BACKEND = "database"
    page = PolicyBriefPageFactory(
        parent=brief_index,
        title="Cash assistance for displaced households",
        summary="Multipurpose cash transfers reached families in Mosul.",
        live=False,
        themes=[vocabulary["themes"]["labour"]],
        organisations=[vocabulary["organisations"]["iom"]],
    )
    return page


def test_a_draft_is_never_found(brief, people):
    brief.save_revision()
    assert _document(brief) is None
    for user in people.values():
        assert search(user, "cash assistance").total == 0


def test_publishing_indexes_the_live_version(brief, people, vocabulary):
    brief.save_revision().publish()
    document = _document(brief)
    assert document.doc_type == "policy_brief"
    assert document.url == brief.url
    assert document.language == "en"
    assert list(document.themes.all()) == [vocabulary["themes"]["labour"]]
    assert list(document.organisations.all()) == [vocabulary["organisations"]["iom"]]
    assert document.year == brief.publication_date.year
    results = search(people["anonymous"], "cash transfers Mosul")
    assert [hit.title for hit in results.hits] == ["Cash assistance for displaced households"]


def test_editing_and_republishing_updates_the_document(brief, people):
    brief.save_revision().publish()
    version = _document(brief).version
    brief.title = "Cash and vouchers for displaced households"
    brief.save_revision().publish()
    document = _document(brief)
    assert document.title == "Cash and vouchers for displaced households"
    assert document.version == version + 1
    assert search(people["anonymous"], "vouchers").total == 1


def test_unpublishing_removes_the_document(brief, people):
    brief.save_revision().publish()
    brief.refresh_from_db()
    brief.unpublish()
    assert _document(brief) is None
    assert search(people["who_member"], "cash assistance").total == 0


def test_moving_updates_the_address(brief, home_page):
    brief.save_revision().publish()
    other_index = PolicyBriefIndexPageFactory(parent=home_page, title="Archive", slug="archive")
    brief.move(other_index, pos="last-child")
    brief.refresh_from_db()
    assert _document(brief).url == brief.url
    assert "/archive/" in _document(brief).url


def test_deleting_removes_the_document(brief):
    brief.save_revision().publish()
    brief.delete()
    assert (
        not SearchDocument.objects.filter(key__startswith="wagtailcore.page:")
        .filter(title__startswith="Cash")
        .exists()
    )


def test_sign_in_restriction_makes_the_page_for_signed_in_people(brief, people):
    brief.save_revision().publish()
    PageViewRestriction.objects.create(page=brief, restriction_type=PageViewRestriction.LOGIN)
    assert _document(brief).scope == "signed_in"
    assert search(people["anonymous"], "cash assistance").total == 0
    assert search(people["registered"], "cash assistance").total == 1
    assert search(people["partner"], "cash assistance").total == 1


def test_password_restriction_hides_the_page(brief, people):
    brief.save_revision().publish()
    restriction = PageViewRestriction.objects.create(
        page=brief, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    assert _document(brief) is None
    restriction.delete()
    assert _document(brief).scope == "public"


def test_document_is_written_in_the_content_transaction(brief):
    with pytest.raises(RuntimeError), transaction.atomic():
        brief.save_revision().publish()
        assert _document(brief) is not None
        raise RuntimeError("the publish fails after the page was saved")
    assert _document(brief) is None


def test_organisation_is_found_by_any_of_its_names(db, people, countries):
    organisation = OrganisationFactory(
        name="Ministry of Labour",
        name_ar="وزارة العمل",
        name_fr="Ministère du Travail",
        country=countries["JO"],
    )
    assert search(people["anonymous"], "الوزارات").hits[0].title == "Ministry of Labour"
    assert search(people["anonymous"], "ministere travail").hits[0].title == "Ministry of Labour"
    organisation.name = "Ministry of Labour and Social Protection"
    organisation.save()
    assert search(people["anonymous"], "social protection").hits[0].title == organisation.name
    organisation.delete()
    assert search(people["anonymous"], "ministry labour").total == 0


def test_with_an_engine_a_removal_leaves_a_tombstone(db, settings):
    organisation = OrganisationFactory(name="Tombstone Partner")
    key = f"portal.organisation:{organisation.pk}"
    document = SearchDocument.objects.get(key=key)
    SearchDocument.objects.filter(pk=document.pk).update(engine_version=document.version)
    assert not SearchDocument.objects.pending_engine().filter(key=key).exists()
    settings.PORTAL_SEARCH_BACKEND = "engine"
    organisation.delete()
    tombstone = SearchDocument.objects.get(key=key)
    assert tombstone.deleted and tombstone.version == document.version + 1
    assert SearchDocument.objects.pending_engine().filter(key=key).exists()
    assert not SearchDocument.objects.live().filter(key=key).exists()


def test_without_an_engine_a_removal_deletes_the_row(db, settings):
    settings.PORTAL_SEARCH_BACKEND = "database"
    organisation = OrganisationFactory(name="Short-lived Partner")
    organisation.delete()
    assert not SearchDocument.objects.filter(title="Short-lived Partner").exists()
