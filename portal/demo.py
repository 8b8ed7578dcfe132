"""Demonstration content of the core: thematic areas, partners with generated
logos, and the home, thematic area and index pages of each language.

Every step looks its object up first (by slug, or by translation for pages),
so running it twice changes nothing."""

import io

from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from PIL import ImageDraw, ImageFont
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from portal.models import Country, HomePage, Organisation, ThematicArea, ThemePage
from portal.site_address import base_url, wagtail_site_address, wagtail_site_sync

LANGUAGES = ("en", "ar", "fr")

THEMES = [
    {
        "slug": "health",
        "name": "Health",
        "name_ar": "الصحة",
        "name_fr": "Santé",
        "summary": "Access to health care for migrants, displaced people and host communities.",
        "pages": {
            "en": (
                "Health",
                "<p>Migrants, displaced families and the communities hosting them share clinics, "
                "hospitals and public health risks. The partners work on keeping everyone covered: "
                "primary care, mental health, and the referral systems that connect them.</p>",
            ),
            "ar": (
                "الصحة",
                "<p>يتشارك المهاجرون والأسر النازحة والمجتمعات المضيفة العيادات والمستشفيات "
                "والمخاطر الصحية نفسها. يعمل الشركاء على ضمان حصول الجميع على الرعاية الصحية "
                "الأولية والدعم النفسي وعلى أنظمة إحالة تربط بينها.</p>",
            ),
            "fr": (
                "Santé",
                "<p>Migrants, familles déplacées et communautés d'accueil partagent les mêmes "
                "centres de santé et les mêmes risques sanitaires. Les partenaires travaillent à "
                "une couverture pour tous : soins primaires, santé mentale et systèmes d'orientation.</p>",
            ),
        },
    },
    {
        "slug": "labour",
        "name": "Labour",
        "name_ar": "العمل",
        "name_fr": "Travail",
        "summary": "Fair recruitment, decent work and labour mobility between the countries of the fund.",
        "pages": {
            "en": (
                "Labour",
                "<p>Work is why many people move, and where many of the risks of moving lie: "
                "recruitment fees, informal contracts, unsafe jobs. The partners share what makes "
                "labour mobility fair for workers and useful for economies.</p>",
            ),
            "ar": (
                "العمل",
                "<p>العمل هو سبب تنقل كثير من الناس، وفيه تكمن كثير من مخاطر التنقل: رسوم التوظيف "
                "والعقود غير الرسمية والأعمال غير الآمنة. يتبادل الشركاء ما يجعل تنقل اليد العاملة "
                "عادلًا للعمال ومفيدًا للاقتصاد.</p>",
            ),
            "fr": (
                "Travail",
                "<p>Le travail est la raison de nombreux départs, et le lieu de nombreux risques : "
                "frais de recrutement, contrats informels, emplois dangereux. Les partenaires "
                "partagent ce qui rend la mobilité de la main-d'œuvre équitable.</p>",
            ),
        },
    },
    {
        "slug": "social-cohesion",
        "name": "Social cohesion",
        "name_ar": "التماسك الاجتماعي",
        "name_fr": "Cohésion sociale",
        "summary": "Trust between host communities and newcomers, and displacement-ready local institutions.",
        "pages": {
            "en": (
                "Social cohesion",
                "<p>Where services, jobs and housing are stretched, tension between residents and "
                "newcomers grows. The partners document what builds trust locally, from municipal "
                "dialogue committees to shared preparation for disasters.</p>",
            ),
            "ar": (
                "التماسك الاجتماعي",
                "<p>حين تضيق الخدمات وفرص العمل والسكن، يزداد التوتر بين السكان والوافدين الجدد. "
                "يوثق الشركاء ما يبني الثقة محليًا، من لجان الحوار في البلديات إلى الاستعداد "
                "المشترك للكوارث.</p>",
            ),
            "fr": (
                "Cohésion sociale",
                "<p>Quand les services, l'emploi et le logement sont sous tension, la méfiance entre "
                "habitants et nouveaux arrivants grandit. Les partenaires documentent ce qui crée la "
                "confiance, des comités de dialogue municipaux à la préparation commune aux "
                "catastrophes.</p>",
            ),
        },
    },
]

PARTNERS = [
    # slug, acronym, kind, country, colour, English, Arabic, French, website, description
    (
        "ministry-of-migration-and-displaced-iraq",
        "MoMD",
        "government",
        "IQ",
        "#1b5e20",
        "Ministry of Migration and Displaced, Iraq",
        "وزارة الهجرة والمهجرين، العراق",
        "Ministère des Migrations et des Déplacés, Irak",
        "https://www.momd.gov.iq/",
        "The Iraqi ministry responsible for internally displaced people, returnees and Iraqis "
        "abroad. It leads the government's work in the fund on durable solutions and on "
        "displacement caused by disasters.",
    ),
    (
        "ministry-of-labour-jordan",
        "MoL",
        "government",
        "JO",
        "#8d1c1c",
        "Ministry of Labour, Jordan",
        "وزارة العمل، الأردن",
        "Ministère du Travail, Jordanie",
        "https://www.mol.gov.jo/",
        "Jordan's ministry for employment, work permits and labour inspection. In the fund it "
        "leads the work on fair recruitment and on inspection in agriculture and construction.",
    ),
    (
        "ministry-of-public-health-lebanon",
        "MoPH",
        "government",
        "LB",
        "#0d47a1",
        "Ministry of Public Health, Lebanon",
        "وزارة الصحة العامة، لبنان",
        "Ministère de la Santé publique, Liban",
        "https://www.moph.gov.lb/",
        "Lebanon's health ministry, which runs the national network of primary health care "
        "centres. It co-leads the fund's health work on access for migrants and refugees.",
    ),
    (
        "who",
        "WHO",
        "un_agency",
        "RG",
        "#0277bd",
        "World Health Organization",
        "منظمة الصحة العالمية",
        "Organisation mondiale de la Santé",
        "https://www.who.int/",
        "The United Nations agency for health. Its country offices support the ministries of "
        "health on primary care, mental health and health information for people on the move.",
    ),
    (
        "iom",
        "IOM",
        "un_agency",
        "RG",
        "#01579b",
        "International Organization for Migration",
        "المنظمة الدولية للهجرة",
        "Organisation internationale pour les migrations",
        "https://www.iom.int/",
        "The United Nations migration agency. It coordinates the fund's work on labour "
        "mobility and on data for migration governance.",
    ),
    (
        "undrr",
        "UNDRR",
        "un_agency",
        "RG",
        "#e65100",
        "United Nations Office for Disaster Risk Reduction",
        "مكتب الأمم المتحدة للحد من مخاطر الكوارث",
        "Bureau des Nations Unies pour la réduction des risques de catastrophe",
        "https://www.undrr.org/",
        "The United Nations office for disaster risk reduction. It helps local and national "
        "authorities plan for people displaced by floods, droughts and earthquakes.",
    ),
    (
        "rafidain-civic-dialogue-forum",
        "RCDF",
        "civil_society",
        "IQ",
        "#4a148c",
        "Rafidain Civic Dialogue Forum",
        "منتدى الرافدين للحوار المدني",
        "Forum civique Rafidain",
        "",
        "A network of community volunteers in Nineveh and Anbar that runs dialogue sessions "
        "between returnees, displaced families and host neighbourhoods.",
    ),
    (
        "cedar-coast-migrant-support-collective",
        "CCMSC",
        "civil_society",
        "LB",
        "#2e7d32",
        "Cedar Coast Migrant Support Collective",
        "تجمع ساحل الأرز لدعم المهاجرين",
        "Collectif d'appui aux migrants de la côte des Cèdres",
        "",
        "A Beirut and Tripoli association of lawyers, social workers and community health "
        "workers supporting migrant domestic and agricultural workers.",
    ),
    (
        "zarqa-workers-solidarity-centre",
        "ZWSC",
        "civil_society",
        "JO",
        "#bf360c",
        "Zarqa Workers' Solidarity Centre",
        "مركز الزرقاء للتضامن العمالي",
        "Centre de solidarité des travailleurs de Zarqa",
        "",
        "A workers' centre in Zarqa offering legal advice, interpretation and safe-workplace "
        "training to Jordanian, Syrian and migrant workers.",
    ),
    (
        "northern-solidarity-fund",
        "NSF",
        "donor",
        None,
        "#37474f",
        "Northern Solidarity Fund for Migration",
        "صندوق التضامن الشمالي للهجرة",
        "Fonds de solidarité du Nord pour les migrations",
        "",
        "A pooled contribution of several donor governments to the trust fund, with a seat on "
        "its steering committee.",
    ),
]

INDEX_PAGES = {
    # model label: (slug, {language: (title, introduction)})
    "knowledge.PolicyBriefIndexPage": (
        "policy-briefs",
        {
            "en": ("Policy briefs", "<p>Guidance the partners publish for decision makers.</p>"),
            "ar": ("موجزات السياسات", "<p>توجيهات ينشرها الشركاء لصناع القرار.</p>"),
            "fr": ("Notes d'orientation", "<p>Les orientations publiées par les partenaires.</p>"),
        },
    ),
    "knowledge.LessonLearnedIndexPage": (
        "lessons-learned",
        {
            "en": ("Lessons learned", "<p>What partners found out while working together.</p>"),
            "ar": ("الدروس المستفادة", "<p>ما تعلّمه الشركاء من عملهم المشترك.</p>"),
            "fr": (
                "Enseignements tirés",
                "<p>Ce que les partenaires ont appris en travaillant ensemble.</p>",
            ),
        },
    ),
    "knowledge.JointActionIndexPage": (
        "joint-actions",
        {
            "en": ("Joint actions", "<p>The programmes the fund finances, run by several partners.</p>"),
            "ar": ("الإجراءات المشتركة", "<p>البرامج التي يمولها الصندوق وينفذها عدة شركاء.</p>"),
            "fr": ("Actions conjointes", "<p>Les programmes financés par le fonds et menés à plusieurs.</p>"),
        },
    ),
}

HOME = {
    "en": (
        "Partnership Portal",
        "<p>The Migration Multi-Partner Trust Fund brings together the governments of "
        "<b>Iraq</b>, <b>Jordan</b> and <b>Lebanon</b>, the United Nations agencies WHO, IOM and "
        "UNDRR, and civil society organisations, to make migration safer and fairer for people "
        "on the move and for the communities that host them. This portal is where the partners "
        "publish guidance, record what they learn and discuss their joint actions.</p>",
    ),
    "ar": (
        "بوابة الشراكة",
        "<p>يجمع الصندوق الاستئماني متعدد الشركاء للهجرة حكومات <b>العراق</b> و<b>الأردن</b> "
        "و<b>لبنان</b>، ووكالات الأمم المتحدة (منظمة الصحة العالمية والمنظمة الدولية للهجرة ومكتب "
        "الأمم المتحدة للحد من مخاطر الكوارث) ومنظمات المجتمع المدني، لجعل الهجرة أكثر أمانًا "
        "وعدلًا للمهاجرين وللمجتمعات التي تستضيفهم. في هذه البوابة ينشر الشركاء توجيهاتهم ويوثقون "
        "ما تعلموه ويتناقشون في إجراءاتهم المشتركة.</p>",
    ),
    "fr": (
        "Portail du partenariat",
        "<p>Le Fonds d'affectation spéciale multipartenaires pour les migrations réunit les "
        "gouvernements de l'<b>Irak</b>, de la <b>Jordanie</b> et du <b>Liban</b>, les agences des "
        "Nations Unies OMS, OIM et UNDRR, et des organisations de la société civile, pour rendre la "
        "migration plus sûre et plus juste pour les personnes en mouvement et les communautés qui "
        "les accueillent. Les partenaires y publient leurs orientations, leurs enseignements et "
        "discutent de leurs actions conjointes.</p>",
    ),
}


def publish(page):
    """Publish ``page`` through a revision, as an editor would."""
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def ensure_child(parent, model, *, slug, relations=None, **fields):
    """The live child of ``parent`` with ``slug``, created and published if missing.
    Returns ``(page, created)``."""
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        return existing, False
    page = model(slug=slug, **fields)
    for name, values in (relations or {}).items():
        setattr(page, name, list(values))
    parent.add_child(instance=page)
    return publish(page), True


def ensure_translation(page, locale, **fields):
    """The translation of ``page`` into ``locale``, created (as a linked
    translation) and published if missing. Returns ``(page, created)``."""
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific, False
    translation = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    return publish(translation), True


def locales():
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGES}


def english_home():
    """The site's root page (the English home page), created if the database has none."""
    site = Site.objects.select_related("root_page").filter(is_default_site=True).first()
    if site is not None and isinstance(site.root_page.specific, HomePage):
        return site.root_page.specific
    root = Page.get_first_root_node()
    home = HomePage(title=HOME["en"][0], slug="home", locale=locales()["en"])
    root.add_child(instance=home)
    publish(home)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={**wagtail_site_address(), "root_page": home, "site_name": "Partnership Portal"},
    )
    return home


def logo_file(acronym, colour):
    """A square PNG logo: the acronym in white on the organisation's colour."""
    image = PillowImage.new("RGB", (256, 256), colour)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=96 if len(acronym) <= 3 else 72)
    draw.text((128, 128), acronym, fill="white", font=font, anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return ImageFile(buffer, name=f"logo-{acronym.lower()}.png")


def load_themes(stdout):
    created = 0
    for order, data in enumerate(THEMES, start=1):
        _theme, was_created = ThematicArea.objects.update_or_create(
            slug=data["slug"],
            defaults={
                "name": data["name"],
                "name_ar": data["name_ar"],
                "name_fr": data["name_fr"],
                "summary": data["summary"],
                "sort_order": order,
            },
        )
        created += was_created
    stdout.write(f"  thematic areas: {len(THEMES)} ({created} new)")


def load_partners(stdout):
    countries = {country.code: country for country in Country.objects.all()}
    image_model = get_image_model()
    created = 0
    for slug, acronym, kind, country, colour, name, name_ar, name_fr, website, description in PARTNERS:
        organisation, was_created = Organisation.objects.update_or_create(
            slug=slug,
            defaults={
                "acronym": acronym,
                "kind": kind,
                "country": countries.get(country),
                "name": name,
                "name_ar": name_ar,
                "name_fr": name_fr,
                "website": website,
                "description": description,
            },
        )
        created += was_created
        if organisation.logo_id is None:
            organisation.logo = image_model.objects.create(
                title=f"{name} logo", file=logo_file(acronym, colour)
            )
            organisation.save(update_fields=["logo"])
    stdout.write(f"  partner organisations: {len(PARTNERS)} ({created} new)")


def load_pages(stdout):
    from django.apps import apps

    by_language = locales()
    home = english_home()
    if not home.introduction:
        home.title, home.introduction = HOME["en"]
        publish(home)
    homes = {"en": home}
    created = 0
    for language in ("ar", "fr"):
        title, introduction = HOME[language]
        homes[language], was_created = ensure_translation(
            home, by_language[language], title=title, introduction=introduction
        )
        created += was_created

    for data in THEMES:
        theme = ThematicArea.objects.get(slug=data["slug"])
        title, introduction = data["pages"]["en"]
        page, was_created = ensure_child(
            home,
            ThemePage,
            slug=data["slug"],
            title=title,
            theme=theme,
            introduction=introduction,
        )
        created += was_created
        for language in ("ar", "fr"):
            title, introduction = data["pages"][language]
            created += ensure_translation(
                page, by_language[language], title=title, introduction=introduction
            )[1]

    for label, (slug, texts) in INDEX_PAGES.items():
        model = apps.get_model(label)
        title, introduction = texts["en"]
        page, was_created = ensure_child(
            home, model, slug=slug, title=title, introduction=introduction, show_in_menus=True
        )
        created += was_created
        for language in ("ar", "fr"):
            title, introduction = texts[language]
            created += ensure_translation(
                page, by_language[language], title=title, introduction=introduction
            )[1]
    stdout.write(f"  home, thematic area and index pages in {len(LANGUAGES)} languages ({created} new)")


def load(stdout):
    load_themes(stdout)
    load_partners(stdout)
    load_pages(stdout)
    if wagtail_site_sync():
        stdout.write(f"  the site's address is now {base_url()}")


def summary():
    return [
        ("thematic areas", ThematicArea.objects.count()),
        ("partner organisations", Organisation.objects.count()),
        ("home pages", HomePage.objects.count()),
        ("thematic area pages", ThemePage.objects.count()),
    ]
