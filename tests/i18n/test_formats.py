"""Dates and numbers read the way each language writes them."""

import datetime

import pytest
from django.template import Context, Template
from django.utils import translation

MOMENT = datetime.datetime(2026, 11, 27, 13, 5, tzinfo=datetime.UTC)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("ar", "27 نوفمبر 2026، 1:05 م|27 نوفمبر 2026|1,250,000.50"),
        ("fr", "27 novembre 2026 13:05|27 novembre 2026|1 250 000,50"),
        ("en", "27 November 2026, 13:05|27 November 2026|1,250,000.50"),
    ],
)
def test_dates_and_numbers_follow_the_language(language, expected):
    template = Template(
        '{% load l10n %}{{ moment|date:"DATETIME_FORMAT" }}|{{ moment|date }}|{{ amount|floatformat:"2g" }}'
    )
    with translation.override(language):
        rendered = template.render(Context({"moment": MOMENT, "amount": 1250000.5}))
    assert rendered.replace("\xa0", " ").replace("\u202f", " ") == expected
