"""Snippets: about 36 words around the first match of a result's text, escaped,
with the matching words marked."""

from search.highlight import query_term_set, snippet


def _words(count, start=0):
    return [f"w{number}" for number in range(start, start + count)]


def test_a_long_body_is_cut_around_its_first_match():
    words = _words(500)
    words[200] = "health"
    words[210] = "health"
    words[300] = "health"
    shown = snippet(" ".join(words), query_term_set("health"))
    expected = " ".join(words[191:227]).replace("health", "<mark>health</mark>")
    assert shown == f"… {expected} …"


def test_a_body_without_a_match_shows_its_beginning():
    words = _words(100)
    assert snippet(" ".join(words), query_term_set("health")) == " ".join(words[:36]) + " …"


def test_a_short_body_is_shown_whole_and_escaped():
    assert snippet("Health & <b>care</b>", query_term_set("health")) == (
        "<mark>Health</mark> &amp; &lt;b&gt;care&lt;/b"
    )


def test_a_match_near_the_beginning_starts_the_snippet_at_the_first_word():
    words = _words(60)
    words[5] = "health"
    assert snippet(" ".join(words), query_term_set("health")) == (
        " ".join(words[:36]).replace("health", "<mark>health</mark>") + " …"
    )
