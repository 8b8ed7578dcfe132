"""The "also available in" line and the notice shown when the reader's language is missing."""

import pytest
from django.template.loader import render_to_string
from django.utils import translation

pytestmark = pytest.mark.django_db


def render_notice(rf, page, language):
    with translation.override(language):
        return render_to_string("portal/includes/also_available.html", {"page": page}, request=rf.get("/"))


def test_translated_page_lists_its_other_languages(rf, site_pages, french_home):
    html = render_notice(rf, site_pages["home_en"], "en")
    assert '<a href="/ar/" hreflang="ar" lang="ar" dir="rtl">العربيّة</a>' in html
    assert '<a href="/fr/" hreflang="fr" lang="fr" dir="ltr">français</a>' in html
    assert "not yet available" not in html


def test_page_shown_in_another_interface_language_says_so(rf, site_pages):
    notice = render_notice(rf, site_pages["labour_en"], "fr")
    assert 'role="note"' in notice
    assert "/fr/" not in notice, "no other translation to offer"


def test_notice_names_languages_as_they_read_in_a_sentence(rf, site_pages, catalogues):
    notice = " ".join(render_notice(rf, site_pages["labour_en"], "fr").split())
    assert "Cette page n’est pas encore disponible en français ; voici l’original, en anglais." in notice
    notice = " ".join(render_notice(rf, site_pages["labour_en"], "ar").split())
    assert "هذه الصفحة غير متاحة بعد باللغة العربية؛ إليك النص الأصلي باللغة الإنجليزية." in notice


def test_page_without_other_versions_shows_nothing(rf, site_pages):
    assert render_notice(rf, site_pages["labour_en"], "en").strip() == ""


def test_only_live_translations_are_offered(rf, site_pages):
    site_pages["health_ar"].unpublish()
    html = render_notice(rf, site_pages["health_en"], "en")
    assert "/ar/health/" not in html


def test_lang_attrs_give_direction_or_let_the_browser_decide():
    from django.template import Context, Template

    template = Template("{% load portal_i18n %}<p {% lang_attrs code %}>")
    assert template.render(Context({"code": "ar"})) == '<p lang="ar" dir="rtl">'
    assert template.render(Context({"code": "fr"})) == '<p lang="fr" dir="ltr">'
    assert template.render(Context({"code": ""})) == '<p dir="auto">'
    assert template.render(Context({"code": '"><script>'})) == '<p lang="&quot;&gt;&lt;script&gt;" dir="ltr">'


def test_listings_send_readers_to_their_language_or_the_original(rf, site_pages, django_assert_num_queries):
    from django.template import Context, Template

    template = Template("{% load portal_i18n %}{% reader_url page %}")
    labour = site_pages["labour_en"]
    labour.locale  # noqa: B018 - loaded here so that rendering below needs no query
    with translation.override("ar"), django_assert_num_queries(0):
        assert template.render(Context({"page": labour})) == f"/ar/original/{labour.pk}/"
    with translation.override("en"):
        assert template.render(Context({"page": labour, "request": rf.get("/")})) == "/en/labour/"
