import datetime

import pytest
from django.core.exceptions import ValidationError

from knowledge.models import (
    JointActionIndexPage,
    JointActionPage,
    LessonLearnedIndexPage,
    LessonLearnedPage,
    PolicyBriefIndexPage,
    PolicyBriefPage,
)
from portal.models import HomePage, ThemePage
from tests.knowledge.factories import JointActionPageFactory, translate

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("page_model", "index_model"),
    [
        (PolicyBriefPage, PolicyBriefIndexPage),
        (LessonLearnedPage, LessonLearnedIndexPage),
        (JointActionPage, JointActionIndexPage),
    ],
)
def test_each_kind_lives_only_under_its_own_index(page_model, index_model):
    assert page_model.allowed_parent_page_models() == [index_model]
    assert index_model.allowed_subpage_models() == [page_model]
    assert page_model.allowed_subpage_models() == []
    assert index_model.allowed_parent_page_models() == [HomePage]


def test_home_page_holds_themes_and_the_three_indexes():
    assert set(HomePage.allowed_subpage_models()) == {
        ThemePage,
        PolicyBriefIndexPage,
        LessonLearnedIndexPage,
        JointActionIndexPage,
    }


def test_one_index_of_each_kind_per_home_page(indexes):
    home = indexes["en"]["briefs"].get_parent().specific
    assert not PolicyBriefIndexPage.can_create_at(home)
    assert not PolicyBriefPage.can_create_at(home)
    assert PolicyBriefPage.can_create_at(indexes["en"]["briefs"])
    assert not LessonLearnedPage.can_create_at(indexes["en"]["briefs"])


def test_joint_action_cannot_end_before_it_starts(indexes):
    page = JointActionPageFactory.build(
        period_start=datetime.date(2025, 1, 1), period_end=datetime.date(2024, 1, 1)
    )
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "period_end" in error.value.message_dict


def test_translation_keeps_themes_countries_and_organisations(library, locales):
    translation = library["health_jo_ar"]
    assert translation.locale == locales["ar"]
    assert translation.translation_key == library["health_jo"].translation_key
    assert list(translation.themes.all()) == [library["health"]]
    assert [country.code for country in translation.countries.all()] == ["JO"]
    assert list(translation.organisations.all()) == [library["who"]]


def test_translating_a_joint_action_keeps_its_budget(indexes, locales):
    page = JointActionPageFactory(
        parent=indexes["en"]["joint-actions"], budget_amount=500, budget_currency="JOD"
    )
    translation = translate(page, locales["fr"], title="Action conjointe")
    assert (translation.budget_amount, translation.budget_currency) == (500, "JOD")
