"""One set of content in English, Arabic and French, shared by the rendering tests
and the browser tests."""

from tests.accounts.factories import MembershipFactory
from tests.factories import OrganisationFactory, ThematicAreaFactory
from tests.forums.factories import ForumFactory, PostFactory, TopicFactory
from tests.knowledge.factories import (
    PolicyBriefIndexPageFactory,
    PolicyBriefPageFactory,
    ThemePageFactory,
    translate,
    translated_home,
)


def build_scenario(home_page, locales, countries):
    """Content in the three languages, as the key pages show it: translated home pages,
    a thematic area page, a policy brief and its index, a partner, a member, a forum
    with a topic in Arabic and a reply in French. Page addresses by language."""
    theme = ThematicAreaFactory(name="Health", name_ar="الصحة", name_fr="Santé", slug="health")
    organisation = OrganisationFactory(
        name="World Health Organization",
        name_ar="منظمة الصحة العالمية",
        name_fr="Organisation mondiale de la Santé",
        acronym="WHO",
        slug="who",
        country=countries["JO"],
    )
    member = MembershipFactory(
        organisation=organisation, user__first_name="Layla", user__last_name="Haddad"
    ).user
    homes = {
        "en": home_page,
        "ar": translated_home(home_page, locales["ar"], "بوابة الشراكة"),
        "fr": translated_home(home_page, locales["fr"], "Portail du partenariat"),
    }
    theme_page = ThemePageFactory(parent=home_page, theme=theme, title="Health")
    brief_index = PolicyBriefIndexPageFactory(parent=home_page)
    brief = PolicyBriefPageFactory(
        parent=brief_index,
        title="Health care for workers on the move",
        summary="Partners agree on three steps.",
        themes=[theme],
        countries=[countries["JO"]],
        organisations=[organisation],
    )
    pages = {"theme_page": {"en": theme_page}, "brief_index": {"en": brief_index}, "brief": {"en": brief}}
    titles = {
        "ar": {
            "theme_page": "الصحة",
            "brief_index": "موجزات السياسات",
            "brief": "الرعاية الصحية للعمال المتنقلين",
        },
        "fr": {
            "theme_page": "Santé",
            "brief_index": "Notes d'orientation",
            "brief": "Soins de santé pour les travailleurs en mobilité",
        },
    }
    for language in ("ar", "fr"):
        for key in ("theme_page", "brief_index", "brief"):
            changes = {"title": titles[language][key]}
            if key == "brief":
                changes["summary"] = {"ar": "يتفق الشركاء على ثلاث خطوات.", "fr": "Trois étapes convenues."}[
                    language
                ]
            pages[key][language] = translate(pages[key]["en"], locales[language], **changes)
    forum = ForumFactory(
        name="Health",
        name_ar="الصحة",
        name_fr="Santé",
        slug="health",
        theme=theme,
        description_ar="نقاش",
        description_fr="Débat",
    )
    topic = TopicFactory(
        forum=forum, title="تنسيق الرعاية الصحية في عمّان", author=member, opening="نقترح اجتماعاً شهرياً"
    )
    PostFactory(topic=topic, body="Merci, nous serons présents.", language="fr")
    return {
        "homes": homes,
        "theme": theme,
        "organisation": organisation,
        "member": member,
        "forum": forum,
        "topic": topic,
        **{
            key: {language: page.url for language, page in versions.items()}
            for key, versions in pages.items()
        },
    }
