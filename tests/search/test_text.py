"""Text analysis: what both databases index and match."""

import pytest

from search import text


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("أطفال", "اطفال"),  # hamza on alef
        ("إدارة", "اداره"),  # hamza below, ta marbuta
        ("آمن", "امن"),  # madda
        ("مستشفى", "مستشفي"),  # alef maqsura
        ("مُهَاجِر", "مهاجر"),  # diacritics
        ("مهـــاجر", "مهاجر"),  # tatweel
        ("Santé", "sante"),
        ("٢٠٢٤", "2024"),  # Arabic-Indic digits
    ],
)
def test_normalise(word, expected):
    assert text.normalise(word) == expected


@pytest.mark.parametrize(
    "forms",
    [
        ["الهجرة", "هجرة", "بالهجرة", "والهجرة"],
        ["المهاجرون", "للمهاجرين", "مهاجرين", "والمهاجرين", "مهاجر"],
        ["السياسات", "سياسة", "سياسية"],
        ["المستشفيات", "مستشفى"],
        ["policies", "policy"],
        ["migrants", "migrant"],
    ],
)
def test_word_forms_share_an_index_term(forms):
    # The language only matters for Latin script: Arabic words use the Arabic stemmer.
    terms = [set(text.analyse(form, "en").split()) for form in forms]
    common = set.intersection(*terms)
    assert common, forms


def test_a_leading_waw_may_belong_to_the_word():
    assert set(text.analyse("وزارة", "ar").split()) & set(text.analyse("الوزارات", "ar").split())


def test_stop_words_are_not_indexed():
    assert text.analyse("the health of the migrants", "en") == "health migrant"


def test_query_terms_expand_to_english_and_french_stems():
    (group,) = text.query_terms("politiques")
    assert {"polit", "politiqu"} <= group


def test_over_long_tokens_are_dropped():
    assert text.tokens("a" * 500 + " health") == ["health"]
