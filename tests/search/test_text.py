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


def test_stems_are_snowballs_own_from_its_c_stemmers():
    # The C stemmers are installed (the thesaurus stems every label with them), and
    # documents indexed with them are matched by queries stemmed wherever they run:
    # they give the pure Python stemmers' stems.
    import Stemmer
    from snowballstemmer.english_stemmer import EnglishStemmer
    from snowballstemmer.french_stemmer import FrenchStemmer

    assert isinstance(text._english, Stemmer.Stemmer)
    words = [
        "policies",
        "migrants",
        "displacement",
        "recognising",
        "qualifications",
        "communities",
        "generously",
        "politiques",
        "santé",
        "déplacées",
        "reconnaissance",
        "qualifications",
        "communautés",
        "généreusement",
    ]
    for language, pure_python in (("en", EnglishStemmer()), ("fr", FrenchStemmer())):
        expected = [pure_python.stemWord(text.normalise(word)) for word in words]
        assert [text.stems(text.normalise(word), language)[0] for word in words] == expected


def test_the_words_of_a_text_are_those_of_its_runs_between_spaces():
    # Runs are normalised one by one (and short ones kept): the words must be
    # those of the whole text, whatever normalisation does to spaces and marks.
    sample = (
        "Santé\u00a0des migrants, l'accès aux soins: الهجرة والمهاجرين \u0301é \ufdfa "
        + "santé," * 40
        + " fin"
    )
    expected = [token for token in text.tokens(sample) if token not in text.STOP_WORDS]
    assert text.content_words(sample) == expected
    assert expected.count("sante") == 41
