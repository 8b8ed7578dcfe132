import pytest

from tests.knowledge.factories import (
    JointActionIndexPageFactory,
    LessonLearnedIndexPageFactory,
    PolicyBriefIndexPageFactory,
    translated_home,
)


@pytest.fixture
def homes(home_page, locales):
    """Home pages in English (the site root), Arabic and French."""
    return {
        "en": home_page,
        "ar": translated_home(home_page, locales["ar"], "بوابة الشراكة"),
        "fr": translated_home(home_page, locales["fr"], "Portail du partenariat"),
    }


@pytest.fixture
def indexes(homes):
    """The three index pages under each home page, keyed by language then kind."""
    return {
        language: {
            "briefs": PolicyBriefIndexPageFactory(parent=home),
            "lessons": LessonLearnedIndexPageFactory(parent=home),
            "joint-actions": JointActionIndexPageFactory(parent=home),
        }
        for language, home in homes.items()
    }
