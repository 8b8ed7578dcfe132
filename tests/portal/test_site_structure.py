"""The site structure (sites, root pages, menus) is read from the cache, and a change
to what it holds shows on the next request."""

import dataclasses

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.test import RequestFactory
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import PageViewRestriction, Site

from portal import site_structure
from portal.models import HomePage
from tests.comments.factories import CommentFactory
from tests.knowledge.factories import (
    LessonLearnedPageFactory,
    PolicyBriefPageFactory,
    ThemePageFactory,
    translate,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("caches_in_production")]


def test_a_page_added_to_the_menu_shows_at_once(client, home_page, theme):
    assert client.get("/en/").status_code == 200
    ThemePageFactory(parent=home_page, theme=theme, title="Health and care", show_in_menus=True)

    html = client.get("/en/").content.decode()

    assert ">Health and care</a></li>" in html


def test_a_republished_home_page_shows_at_once(client, home_page):
    assert client.get("/en/").status_code == 200
    home_page.title = "A new welcome"
    home_page.save_revision().publish()

    assert "A new welcome" in client.get("/en/").content.decode()


def test_a_restriction_on_the_home_page_applies_at_once(client, home_page):
    assert client.get("/en/").status_code == 200
    restriction = PageViewRestriction.objects.create(
        page=home_page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Insiders"))

    response = client.get("/en/")

    assert response.status_code == 302
    assert "login" in response["Location"]


def test_the_partner_list_kept_with_the_structure_shows_each_change_of_a_partner_at_once(
    client, homes, organisation, countries
):
    organisation.name, organisation.name_ar = "Relief Works", "أعمال الإغاثة"
    organisation.save()
    english = client.get("/en/").content.decode()
    assert "Relief Works" in english and " · Jordan</p>" in english
    assert "أعمال الإغاثة" in client.get("/ar/").content.decode()

    organisation.name, organisation.name_ar = "Relief Works International", "أعمال الإغاثة الدولية"
    organisation.country = countries["LB"]
    organisation.save()
    english, arabic = client.get("/en/").content.decode(), client.get("/ar/").content.decode()
    assert "Relief Works International" in english
    assert " · Lebanon</p>" in english and " · Jordan</p>" not in english
    assert "أعمال الإغاثة الدولية" in arabic

    organisation.logo = get_image_model().objects.create(title="Logo", file=get_test_image_file())
    organisation.save()
    assert 'class="partner-card__logo"' in client.get("/en/").content.decode()

    organisation.logo.delete()
    assert 'class="partner-card__logo"' not in client.get("/en/").content.decode()


def test_a_kept_listing_card_shows_each_change_of_its_page_at_once(client, homes, indexes, library):
    lesson = LessonLearnedPageFactory(
        parent=indexes["en"]["lessons"], title="Referral forms", themes=[library["health"]]
    )
    assert "Referral forms" in client.get("/en/").content.decode()

    lesson.title = "Referral forms, second edition"
    lesson.save_revision().publish()
    assert "Referral forms, second edition" in client.get("/en/").content.decode()

    CommentFactory(page=lesson)
    assert '<span class="comment-count">1 comment</span>' in client.get("/en/").content.decode()

    library["health"].name = "Health and care"
    library["health"].save()
    assert '<li class="tag">Health and care</li>' in client.get("/en/").content.decode()

    lesson.move(indexes["en"]["briefs"], pos="last-child")
    assert 'href="/en/policy-briefs/referral-forms/"' in client.get("/en/").content.decode()


def test_a_request_is_answered_by_the_site_wagtail_would_pick(home_page):
    other = Site.objects.create(hostname="other.example.org", port=8080, root_page=home_page)
    structure = site_structure.current()
    for host, expected in (
        ("localhost", Site.objects.get(is_default_site=True)),
        ("other.example.org:8080", other),
        ("other.example.org", other),
        ("unknown.example.org", Site.objects.get(is_default_site=True)),
    ):
        request = RequestFactory().get("/", HTTP_HOST=host)
        found = structure.site_for(*_host_and_port(request))
        assert found.pk == Site._find_for_request(request).pk == expected.pk, host


def test_a_process_keeps_its_copy_while_the_shared_stamp_is_its_own(home_page, django_assert_num_queries):
    kept = site_structure.current()

    # One read of the stamp from the database cache; the entry itself is not read.
    with django_assert_num_queries(1):
        assert site_structure.current() is kept


def test_a_structure_another_process_built_replaces_the_kept_copy(home_page, django_assert_num_queries):
    kept = site_structure.current()
    other = dataclasses.replace(kept, stamp="built-by-another-process")
    cache.set_many({site_structure.KEY: other, site_structure.STAMP_KEY: other.stamp})

    # The stamp, then the entry: read, not built again.
    with django_assert_num_queries(2):
        assert site_structure.current().stamp == "built-by-another-process"


def test_a_structure_built_while_a_change_commits_is_not_kept(home_page, monkeypatch):
    build = site_structure._build

    def build_as_the_home_page_is_renamed(stamp):
        structure = build(stamp)
        home_page.title = "Renamed while the structure was built"
        home_page.save_revision().publish()
        return structure

    monkeypatch.setattr(site_structure, "_build", build_as_the_home_page_is_renamed)
    assert site_structure.current().menu().home.title != home_page.title
    monkeypatch.undo()

    assert site_structure.current().menu().home.title == "Renamed while the structure was built"


def test_the_kept_menu_of_one_site_is_not_shown_on_another(client, home_page, settings):
    settings.ALLOWED_HOSTS = ["localhost", "testserver", "other.example.org"]
    other = home_page.get_parent().add_child(instance=HomePage(title="Other portal", slug="other"))
    Site.objects.create(hostname="other.example.org", port=80, root_page=other)

    # The menu of that language links the default site's home page: from the other
    # site, with its address; from the default site, by its path.
    elsewhere = client.get("/en/forums/", HTTP_HOST="other.example.org").content.decode()
    assert 'href="http://localhost/en/">Home' in elsewhere
    assert 'href="/en/">Home' in client.get("/en/forums/", HTTP_HOST="localhost").content.decode()


def _host_and_port(request):
    host, _sep, port = request._get_raw_host().partition(":")
    return host, int(port or 80)


def test_a_kept_brief_body_shows_each_change_of_what_it_shows_at_once(client, homes, indexes, locales):
    image = get_image_model().objects.create(title="Chart", file=get_test_image_file())
    document = get_document_model().objects.create(
        title="Annex", file=ContentFile(b"%PDF-1.4", name="annex.pdf")
    )
    lesson = LessonLearnedPageFactory(parent=indexes["en"]["lessons"], title="Referral forms")
    brief = PolicyBriefPageFactory(
        parent=indexes["en"]["briefs"],
        title="Keeping workers covered",
        body=[
            {"type": "paragraph", "value": f'<p>See <a linktype="page" id="{lesson.pk}">the lesson</a>.</p>'},
            {"type": "figure", "value": {"image": image.pk, "alt_text": "Bars", "caption": "Survey"}},
            {"type": "document", "value": {"document": document.pk, "title": ""}},
        ],
    )
    arabic = translate(brief, locales["ar"], title="تغطية العمال")
    addresses = ("/en/policy-briefs/keeping-workers-covered/", arabic.url)
    for address in addresses:
        html = client.get(address).content.decode()
        assert "/lessons-learned/referral-forms/" in html and ">Annex<" in html
        assert 'property="og:image"' in html and 'alt="Bars"' in html

    lesson.slug = "referral-forms-2"
    lesson.save_revision().publish()
    document.title = "Annex on coverage"
    document.save()
    for address in addresses:
        html = client.get(address).content.decode()
        assert "/lessons-learned/referral-forms-2/" in html and ">Annex on coverage<" in html

    brief.body = [{"type": "paragraph", "value": "<p>Most workers pay.</p>"}, *brief.body.raw_data]
    brief.save_revision().publish()
    assert "Most workers pay." in client.get(addresses[0]).content.decode()

    image.delete()
    for address in addresses:
        html = client.get(address).content.decode()
        assert 'property="og:image"' not in html and 'alt="Bars"' not in html


def test_a_preview_shows_its_draft_body_not_the_kept_one(client, homes, indexes):
    brief = PolicyBriefPageFactory(
        parent=indexes["en"]["briefs"], body=[{"type": "paragraph", "value": "<p>Published words.</p>"}]
    )
    assert "Published words." in client.get(brief.url).content.decode()

    brief.body = [{"type": "paragraph", "value": "<p>Draft words.</p>"}]
    response = brief.make_preview_request()
    html = response.render().content.decode()

    assert "Draft words." in html and "Published words." not in html
