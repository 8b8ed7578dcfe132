"""Factories for knowledge pages. Pages are added straight into the tree
(``add_child``), without revisions, so hundreds can be made quickly."""

import datetime

import factory
from django.utils.text import slugify
from wagtail.models import Page

from knowledge.models import (
    JointActionIndexPage,
    JointActionPage,
    LessonLearnedIndexPage,
    LessonLearnedPage,
    PolicyBriefIndexPage,
    PolicyBriefPage,
)
from portal.models import HomePage, ThemePage

RELATIONS = ("themes", "countries", "organisations", "concepts", "concepts_excluded")


class PageFactory(factory.django.DjangoModelFactory):
    """Creates a page under ``parent`` (a required keyword)."""

    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"Page {n}")
    slug = factory.LazyAttribute(lambda page: slugify(page.title)[:80])

    @classmethod
    def _create(cls, model_class, *args, parent, **kwargs):
        relations = {name: kwargs.pop(name) for name in RELATIONS if name in kwargs}
        page = model_class(**kwargs)
        for name, values in relations.items():
            setattr(page, name, list(values))
        parent.add_child(instance=page)
        return page


class KnowledgePageFactory(PageFactory):
    class Meta:
        abstract = True

    summary = factory.Sequence(lambda n: f"What partners should know about topic {n}, in brief.")
    publication_date = factory.Sequence(lambda n: datetime.date(2024, 1, 1) + datetime.timedelta(days=n))


class PolicyBriefPageFactory(KnowledgePageFactory):
    class Meta:
        model = PolicyBriefPage

    title = factory.Sequence(lambda n: f"Policy brief {n}")


class LessonLearnedPageFactory(KnowledgePageFactory):
    class Meta:
        model = LessonLearnedPage

    title = factory.Sequence(lambda n: f"Lesson learned {n}")
    context = "<p>Where and why the work happened.</p>"
    what_worked = "<p>Joint outreach teams.</p>"


class JointActionPageFactory(KnowledgePageFactory):
    class Meta:
        model = JointActionPage

    title = factory.Sequence(lambda n: f"Joint action {n}")
    status = JointActionPage.Status.ONGOING
    period_start = datetime.date(2024, 1, 1)
    period_end = datetime.date(2026, 12, 31)
    budget_amount = 1_250_000
    budget_currency = JointActionPage.Currency.USD
    objectives = "<p>Better access to services.</p>"


class PolicyBriefIndexPageFactory(PageFactory):
    class Meta:
        model = PolicyBriefIndexPage

    title = "Policy briefs"
    slug = "policy-briefs"
    show_in_menus = True


class LessonLearnedIndexPageFactory(PageFactory):
    class Meta:
        model = LessonLearnedIndexPage

    title = "Lessons learned"
    slug = "lessons-learned"
    show_in_menus = True


class JointActionIndexPageFactory(PageFactory):
    class Meta:
        model = JointActionIndexPage

    title = "Joint actions"
    slug = "joint-actions"
    show_in_menus = True


class ThemePageFactory(PageFactory):
    class Meta:
        model = ThemePage

    title = factory.LazyAttribute(lambda page: str(page.theme.name))
    slug = factory.LazyAttribute(lambda page: page.theme.slug)


def translate(page, locale, **changes):
    """Publish a translation of ``page`` into ``locale`` with ``changes``."""
    translation = page.copy_for_translation(locale)
    for name, value in changes.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


def translated_home(home, locale, title):
    existing = HomePage.objects.filter(locale=locale, depth=home.depth).first()
    return existing or translate(home, locale, title=title)


def root_page():
    return Page.get_first_root_node()
