import datetime

import pytest

from tests.factories import OrganisationFactory, ThematicAreaFactory
from tests.knowledge.factories import (
    JointActionIndexPageFactory,
    LessonLearnedIndexPageFactory,
    PolicyBriefIndexPageFactory,
    PolicyBriefPageFactory,
    translate,
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
def indexes(homes, locales):
    """The three index pages under each home page (the Arabic and French ones
    translations of the English), keyed by language then kind."""
    english = {
        "briefs": PolicyBriefIndexPageFactory(parent=homes["en"]),
        "lessons": LessonLearnedIndexPageFactory(parent=homes["en"]),
        "joint-actions": JointActionIndexPageFactory(parent=homes["en"]),
    }
    result = {"en": english}
    for language in ("ar", "fr"):
        result[language] = {kind: translate(page, locales[language]) for kind, page in english.items()}
    return result


@pytest.fixture
def library(indexes, locales, countries):
    """A small, varied set of briefs:

    - ``health_jo``: English, health, Jordan, WHO, 2024, translated into Arabic;
    - ``labour_lb``: English, labour, Lebanon, IOM, 2025;
    - ``arabic_only``: Arabic only, health, Iraq, WHO, 2025;
    - ``french_only``: French only, labour, Jordan, IOM, 2023.
    """
    health = ThematicAreaFactory(slug="health", name="Health", name_ar="الصحة")
    labour = ThematicAreaFactory(slug="labour", name="Labour")
    who = OrganisationFactory(slug="who", name="World Health Organization", acronym="WHO")
    iom = OrganisationFactory(slug="iom", name="International Organization for Migration", acronym="IOM")
    briefs = indexes["en"]["briefs"]
    health_jo = PolicyBriefPageFactory(
        parent=briefs,
        title="Clinics for everyone",
        publication_date=datetime.date(2024, 5, 1),
        themes=[health],
        countries=[countries["JO"]],
        organisations=[who],
    )
    health_jo_ar = translate(health_jo, locales["ar"], title="عيادات للجميع")
    labour_lb = PolicyBriefPageFactory(
        parent=briefs,
        title="Fair recruitment",
        publication_date=datetime.date(2025, 3, 1),
        themes=[labour],
        countries=[countries["LB"]],
        organisations=[iom],
    )
    arabic_only = PolicyBriefPageFactory(
        parent=indexes["ar"]["briefs"],
        title="التماسك في المجالس البلدية",
        slug="majalis",
        publication_date=datetime.date(2025, 6, 1),
        themes=[health],
        countries=[countries["IQ"]],
        organisations=[who],
    )
    french_only = PolicyBriefPageFactory(
        parent=indexes["fr"]["briefs"],
        title="Guichets uniques pour l'emploi",
        slug="guichets",
        publication_date=datetime.date(2023, 9, 1),
        themes=[labour],
        countries=[countries["JO"]],
        organisations=[iom],
    )
    return {
        "health": health,
        "labour": labour,
        "who": who,
        "iom": iom,
        "health_jo": health_jo,
        "health_jo_ar": health_jo_ar,
        "labour_lb": labour_lb,
        "arabic_only": arabic_only,
        "french_only": french_only,
    }
