import pytest
from django.template.loader import get_template

from tests.knowledge.factories import LessonLearnedPageFactory, ThemePageFactory, translate

pytestmark = pytest.mark.django_db


def test_home_page_introduces_the_fund_with_themes_latest_knowledge_and_partners(
    client, homes, indexes, library
):
    home = homes["en"]
    home.introduction = "<p>The fund brings partners together.</p>"
    home.save_revision().publish()
    ThemePageFactory(parent=home, theme=library["health"])
    LessonLearnedPageFactory(parent=indexes["en"]["lessons"], title="Referral forms")

    html = client.get("/en/").content.decode()
    assert "The fund brings partners together." in html
    assert 'href="/en/health/"' in html
    assert "Latest policy briefs" in html and "Fair recruitment" in html
    assert "Latest lessons learned" in html and "Referral forms" in html
    assert 'href="/en/partners/who/"' in html and 'href="/en/partners/iom/"' in html
    assert 'href="/en/knowledge/feeds/briefs/rss/"' in html


def test_home_template_leaves_a_block_for_discussions():
    source = get_template("portal/home_page.html").template.source
    assert "{% block home_discussions %}" in source


def test_theme_page_lists_only_its_theme_in_the_readers_language(client, homes, indexes, library, locales):
    theme_page = ThemePageFactory(parent=homes["en"], theme=library["health"])
    theme_page_ar = translate(theme_page, locales["ar"], title="الصحة")
    LessonLearnedPageFactory(
        parent=indexes["en"]["lessons"], title="Health lesson", themes=[library["health"]]
    )
    LessonLearnedPageFactory(
        parent=indexes["en"]["lessons"], title="Labour lesson", themes=[library["labour"]]
    )

    html = client.get(theme_page.url).content.decode()
    assert "Clinics for everyone" in html and "التماسك في المجالس البلدية" in html
    assert "Health lesson" in html
    assert "Fair recruitment" not in html and "Labour lesson" not in html
    assert 'href="/en/policy-briefs/?theme=health"' in html
    assert 'href="/en/knowledge/feeds/themes/health/rss/"' in html

    html_ar = client.get(theme_page_ar.url).content.decode()
    assert "عيادات للجميع" in html_ar and "Clinics for everyone" not in html_ar
