"""What the Markdown subset produces, and what it refuses to produce."""

import pytest

from portal.markup import extract_mentions, is_portal_upload, render_markdown


def test_basic_formatting_renders():
    html = render_markdown("Hello **bold** and *italic*\n\n- one\n- two")
    assert "<strong>bold</strong>" in html
    assert "<em>italic</em>" in html
    assert "<li" in html


def test_raw_html_stays_visible_text():
    html = render_markdown("<b>not bold</b> <script>alert(1)</script>")
    assert "<b>" not in html
    assert "<script" not in html
    assert "&lt;script&gt;" in html


def test_headings_start_below_the_page_heading():
    html = render_markdown("# Big\n\n## Smaller")
    assert "<h1" not in html and "<h2" not in html
    assert "<h3" in html and "<h4" in html


def test_links_are_marked_as_user_content():
    html = render_markdown("[site](https://example.org) and https://example.com")
    assert html.count('rel="nofollow ugc noopener"') == 2


@pytest.mark.parametrize(
    "source",
    [
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](data:text/html,hi)",
        "[x](vbscript:msgbox)",
    ],
)
def test_dangerous_link_targets_are_dropped(source):
    html = render_markdown(source)
    assert "href" not in html


def test_images_only_from_portal_uploads(settings):
    settings.MEDIA_URL = "/media/"
    html = render_markdown("![ours](/media/images/a.png) ![theirs](https://tracker.example/p.png)")
    assert 'src="/media/images/a.png"' in html
    assert "tracker.example" not in html
    assert "theirs" in html


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        ("/media/a.png", True),
        ("//evil.example/media/a.png", False),
        ("https://evil.example/media/a.png", False),
        ("/media/../admin/a.png", False),
        ("/static/a.png", False),
        ("", False),
    ],
)
def test_is_portal_upload(settings, url, allowed):
    settings.MEDIA_URL = "/media/"
    assert is_portal_upload(url) is allowed


def test_code_is_escaped_and_kept():
    html = render_markdown("```\n<script>x</script>\n```")
    assert "<pre><code>&lt;script&gt;x&lt;/script&gt;" in html


def test_deep_nesting_does_not_crash():
    html = render_markdown(">" * 5000 + " deep")
    assert html.count("<blockquote") <= 20


def test_arabic_text_takes_its_own_direction():
    html = render_markdown("مرحبا **بالعالم**")
    assert 'dir="auto"' in html
    assert "<strong>بالعالم</strong>" in html


def test_blank_source_renders_nothing():
    assert render_markdown("   \n ") == ""


def test_mentions_ignore_email_addresses_and_code():
    assert extract_mentions("hi @alice, @bob. write to x@y.org `@code` @carol_1") == {
        "alice",
        "bob",
        "carol_1",
    }
