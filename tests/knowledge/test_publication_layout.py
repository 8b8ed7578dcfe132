"""The publication layout of briefs, lessons and joint actions: the facts panel, one
download with its format and size, sharing, related resources drawn from the search
documents, and the refusal to publish a brief without a body."""

import json
import re

import pytest
from django.core.files.base import ContentFile
from django.db.models import prefetch_related_objects
from django.utils import translation
from wagtail.documents import get_document_model
from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import streamfield
from wagtail.users.models import UserProfile

from knowledge.forms import EMPTY_BODY_MESSAGE
from knowledge.models import PolicyBriefDocument
from knowledge.selectors import related_resources
from tests.accounts.helpers import brief_form_data, edit_url, with_second_factor
from tests.factories import UserFactory
from tests.knowledge.factories import (
    JointActionPageFactory,
    LessonLearnedPageFactory,
    PolicyBriefPageFactory,
    translate,
)

pytestmark = pytest.mark.django_db


def published(page):
    """Publish ``page`` as an editor would, which writes its search document."""
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def neighbours(indexes, library, countries, locales):
    """Knowledge around ``health_jo`` (health, Jordan), each published:

    - ``lesson``: a lesson, health, Jordan (related);
    - ``french``: a French brief, health, Jordan (related, in another language);
    - ``lebanon``: a joint action, health, Lebanon (another country: not related);
    - ``labour``: a brief, labour, Jordan (another theme: not related);
    - ``restricted``: a lesson, health, Jordan, for signed-in people only.
    """
    health, labour = library["health"], library["labour"]
    jordan = countries["JO"]
    found = {
        "lesson": LessonLearnedPageFactory(
            parent=indexes["en"]["lessons"], title="Outreach teams", themes=[health], countries=[jordan]
        ),
        "french": PolicyBriefPageFactory(
            parent=indexes["fr"]["briefs"], title="Cliniques mobiles", themes=[health], countries=[jordan]
        ),
        "lebanon": JointActionPageFactory(
            parent=indexes["en"]["joint-actions"],
            title="Beirut clinics",
            themes=[health],
            countries=[countries["LB"]],
        ),
        "labour": PolicyBriefPageFactory(
            parent=indexes["en"]["briefs"], title="Work permits", themes=[labour], countries=[jordan]
        ),
        "restricted": LessonLearnedPageFactory(
            parent=indexes["en"]["lessons"], title="Members only", themes=[health], countries=[jordan]
        ),
    }
    PageViewRestriction.objects.create(page=found["restricted"], restriction_type=PageViewRestriction.LOGIN)
    for page in (*found.values(), library["health_jo"], library["health_jo_ar"]):
        published(page)
    return found


def test_related_resources_share_theme_and_country_in_any_type_and_language(library, neighbours):
    brief = library["health_jo"]
    with translation.override("en"):
        related = related_resources(brief, user=None, exclude_pages=[library["health_jo_ar"]])
    titles = [item.title for item in related]
    # English first (the reader's language), then the French brief.
    assert titles == ["Outreach teams", "Cliniques mobiles"]
    assert [str(item.type_label) for item in related] == ["Lesson learned", "Policy brief"]
    assert related[1].language == "fr"


def test_related_resources_include_what_a_signed_in_reader_may_open(library, neighbours):
    reader = UserFactory()
    with translation.override("en"):
        related = related_resources(
            library["health_jo"], user=reader, exclude_pages=[library["health_jo_ar"]]
        )
    assert "Members only" in [item.title for item in related]


def test_related_resources_show_each_translated_resource_once(library, neighbours, locales):
    arabic = neighbours["lesson"].copy_for_translation(locales["ar"])
    arabic.title = "فرق التوعية"
    published(arabic)
    brief = library["health_jo"]
    for language, expected in (("en", "Outreach teams"), ("ar", "فرق التوعية")):
        with translation.override(language):
            related = related_resources(brief, user=None, exclude_pages=[library["health_jo_ar"]])
        titles = [item.title for item in related]
        assert expected in titles
        assert len([title for title in titles if title in ("Outreach teams", "فرق التوعية")]) == 1


def test_related_resources_take_one_query(library, neighbours, django_assert_num_queries):
    brief = library["health_jo"]
    # The page being shown has its relations loaded already (load_page_relations).
    prefetch_related_objects([brief], "themes", "countries")
    with django_assert_num_queries(1), translation.override("en"):
        assert len(related_resources(brief, user=None)) == 3


def test_brief_page_shows_facts_panel_related_and_one_download(client, library, neighbours):
    brief = library["health_jo"]
    document = get_document_model().objects.create(
        title="Full brief", file=ContentFile(b"%PDF-1.4\n" + b"0" * 2039, name="clinics.pdf"), file_size=2048
    )
    PolicyBriefDocument.objects.create(page=brief, document=document)

    html = client.get(brief.url).content.decode()

    assert '<aside class="publication__facts" aria-labelledby="facts-heading">' in html
    assert "<dd>Policy brief</dd>" in html
    assert 'href="/en/partners/who/"' in html
    # Its languages: this one, and a link to the Arabic translation.
    assert 'aria-current="true">English</li>' in html
    assert f'<a href="{library["health_jo_ar"].url}" hreflang="ar"' in html
    assert html.count("clinics.pdf") == 1
    assert "(PDF, 2.0\xa0KB)" in html
    assert 'href="mailto:?subject=Clinics%20for%20everyone&amp;body=http' in html
    assert "data-print" in html and "data-copy-link=" in html
    related = html.split('<section class="related-resources"')[1].split("</section>")[0]
    assert "Outreach teams" in related and "Cliniques mobiles" in related
    assert '<article lang="fr">' in related and "French" in related
    assert "Beirut clinics" not in related and "Work permits" not in related and "Members only" not in related
    assert "عيادات للجميع" not in related  # its own translation is not "related"


def test_lesson_and_joint_action_pages_have_the_panel(client, neighbours):
    for page, kind in ((neighbours["lesson"], "Lesson learned"), (neighbours["lebanon"], "Joint action")):
        html = client.get(page.url).content.decode()
        assert '<aside class="publication__facts"' in html
        assert f"<dd>{kind}</dd>" in html


@pytest.fixture
def admin_client(client):
    client.force_login(with_second_factor(UserFactory(is_superuser=True, is_staff=True)))
    return client


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "A policy brief cannot be published without a body"),
        ("ar", "لا يمكن نشر موجز سياسات دون متن"),
        ("fr", "ne peut pas \u00eatre publi\u00e9e sans corps de texte"),
    ],
)
def test_publishing_a_brief_without_a_body_is_refused_in_the_editor(client, indexes, language, message):
    editor = with_second_factor(UserFactory(is_superuser=True, is_staff=True))
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = language  # the admin speaks the editor's language
    profile.save()
    client.force_login(editor)
    brief = PolicyBriefPageFactory(parent=indexes["en"]["briefs"], live=False)
    response = client.post(edit_url(brief), brief_form_data(brief, action="publish", body=streamfield([])))
    assert response.status_code == 200
    brief.refresh_from_db()
    assert not brief.live
    with translation.override(language):
        expected = str(EMPTY_BODY_MESSAGE)
    assert message in expected
    # The editor shows a stream field's errors from the JSON its widget is built with.
    html = response.content.decode()
    assert message in html or json.dumps(message)[1:-1] in html


def test_a_draft_without_a_body_can_still_be_saved(admin_client, indexes):
    brief = PolicyBriefPageFactory(parent=indexes["en"]["briefs"], live=False, title="Draft")
    response = admin_client.post(
        edit_url(brief), brief_form_data(brief, body=streamfield([]), title="Draft 2")
    )
    assert response.status_code == 302
    brief.refresh_from_db()
    assert brief.get_latest_revision().as_object().title == "Draft 2"
    assert not brief.live


def test_a_brief_with_a_body_publishes(admin_client, indexes):
    brief = PolicyBriefPageFactory(parent=indexes["en"]["briefs"], live=False)
    response = admin_client.post(edit_url(brief), brief_form_data(brief, action="publish"))
    assert response.status_code == 302
    brief.refresh_from_db()
    assert brief.live


def test_arabic_home_lists_arabic_briefs_first_and_labels_the_others(client, homes, library, neighbours):
    translate(library["labour_lb"], library["health_jo_ar"].locale, title="التوظيف العادل")
    html = client.get("/ar/").content.decode()
    section = html.split('id="latest-briefs"')[1].split("</section>")[0]
    cards = re.findall(r"<article( lang=\"\w+\")?>", section)
    # Three briefs exist in Arabic: they come first; the fourth is an original in another
    # language, marked as such for the browser and labelled for the reader.
    assert cards[:3] == ["", "", ""]
    assert cards[3] in (' lang="en"', ' lang="fr"')
    assert section.count("tag--language") == 1


def test_index_filters_fold_behind_one_disclosure_with_removable_chips(client, library):
    html = client.get("/en/policy-briefs/?theme=health&country=JO&page=1").content.decode()
    assert '<details class="filters-disclosure" data-open-wide>' in html
    assert "Filters (2 active)" in html
    assert 'href="/en/policy-briefs/?country=JO"' in html  # removes the theme, back to page one
    assert 'href="/en/policy-briefs/?theme=health"' in html
    assert html.index('class="filter-chips"') < html.index('class="card-list"')


def test_search_page_shows_selected_facets_as_chips(client, library):
    published(library["health_jo"])
    html = client.get("/en/search/?q=clinics&language=en").content.decode()
    assert "Filters (1 active)" in html
    assert 'href="/en/search/?q=clinics"' in html
    assert 'class="search-facets__count"' in html


def test_a_download_whose_size_was_not_recorded_reads_it_from_the_file(client, library):
    brief = library["labour_lb"]
    recorded = get_document_model().objects.create(
        title="Recorded", file=ContentFile(b"%PDF-1.4\n" + b"0" * 3063, name="recorded.pdf")
    )
    missing = get_document_model().objects.create(
        title="Missing", file=ContentFile(b"%PDF-1.4\n", name="missing.pdf")
    )
    missing.file.storage.delete(missing.file.name)
    for document in (recorded, missing):
        PolicyBriefDocument.objects.create(page=brief, document=document)

    response = client.get(brief.url)

    assert response.status_code == 200
    html = response.content.decode()
    assert '>Recorded</a> <span class="meta">(PDF, 3.0\xa0KB)</span>' in html
    assert '>Missing</a> <span class="meta">(PDF)</span>' in html
    assert get_document_model().objects.get(pk=recorded.pk).file_size is None  # nothing written
