"""The ``<time>`` element of a day reads as Django formats that day, in the reader's
language and time zone, whether formatted now or kept from before."""

import datetime

import pytest
from django.template import Context, Template
from django.utils import timezone, translation

ELEMENT = Template("{% load portal_dates %}{{ moment|day_element }}")
DJANGO_DATE = Template('<time datetime="{{ moment|date:\'Y-m-d\' }}">{{ moment|date:"DATE_FORMAT" }}</time>')


@pytest.mark.parametrize("language", ["en", "ar", "fr"])
def test_a_day_reads_as_djangos_date_format_in_each_language(language):
    # Late on 31 March in UTC is already 1 April in Amman.
    moment = datetime.datetime(2026, 3, 31, 22, 30, tzinfo=datetime.UTC)
    with translation.override(language), timezone.override("Asia/Amman"):
        for _twice in range(2):
            html = ELEMENT.render(Context({"moment": moment}))
            assert html == DJANGO_DATE.render(Context({"moment": moment}))
    assert 'datetime="2026-04-01"' in html


def test_a_date_and_no_date():
    with translation.override("fr"):
        assert ELEMENT.render(Context({"moment": datetime.date(2026, 5, 1)})) == (
            '<time datetime="2026-05-01">1 mai 2026</time>'
        )
        assert ELEMENT.render(Context({"moment": None})) == ""
