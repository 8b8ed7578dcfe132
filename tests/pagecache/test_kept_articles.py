"""The article of a brief, lesson or joint action page (everything but the reader's
own comments and forms) is kept per address, language and audience: a reader never
gets an article rendered for an audience they are not in, nor another reader's
name, token, comments or controls, and each change that purges the page shows to
signed-in readers at once."""

import datetime
import re

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from wagtail.models import PageViewRestriction

from portal.accounts.models import Membership
from portal.audience import audience_key
from portal.comments import services as comments
from portal.comments.models import Comment
from tests.accounts.factories import VerifiedUserFactory
from tests.forums.factories import make_member
from tests.knowledge.factories import JointActionPageFactory, LessonLearnedPageFactory, PolicyBriefPageFactory
from tests.pagecache.conftest import body_is_kept, page_text, readers_of

pytestmark = pytest.mark.django_db
MEMBERS_ONLY = "Corridor plan for members"
SECRET_LESSON = "Confidential referral lessons"
RELATED = "Referral pathways"
# The comment block's controls, in any language.
FOLLOW = '<input type="hidden" name="follow" value="1">'
STOP_FOLLOWING = '<input type="hidden" name="follow" value="0">'
CLOSE = '<input type="hidden" name="closed" value="1">'
COUNT = '<span class="comment-count">'
CSRF_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def _in_languages(page, arabic=None):
    """The page's address in English, of its Arabic translation or its original for
    Arabic readers, and of its original for French readers."""
    return [page.url, arabic.url if arabic else f"/ar/original/{page.pk}/", f"/fr/original/{page.pk}/"]


def _published(*pages):
    """Publish ``pages`` as an editor would, which writes their search documents."""
    for page in pages:
        page.save_revision().publish()


def _restricted(page, group=None):
    """Restrict ``page`` to ``group``, or to signed-in people."""
    if group is None:
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
        return
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(group)


@pytest.fixture
def articles(library, indexes, countries):
    """A health brief in Jordan by WHO (with its Arabic translation), a joint action
    and one of its lessons; all relate to a public brief and to a brief for signed-in
    people only (the newest two), and the joint action has a lesson only the "WHO
    insiders" group may read."""
    insiders = Group.objects.create(name="WHO insiders")
    relations = {
        "themes": [library["health"]],
        "countries": [countries["JO"]],
        "organisations": [library["who"]],
        "publication_date": datetime.date(2024, 1, 1),
    }
    joint_action = JointActionPageFactory(
        parent=indexes["en"]["joint-actions"], title="Clinic network", **relations
    )
    lesson = LessonLearnedPageFactory(
        parent=indexes["en"]["lessons"], title="Shared triage", related_joint_action=joint_action, **relations
    )
    secret_lesson = LessonLearnedPageFactory(
        parent=indexes["en"]["lessons"], title=SECRET_LESSON, related_joint_action=joint_action, **relations
    )
    relations["publication_date"] = datetime.date(2025, 12, 1)
    members_only = PolicyBriefPageFactory(parent=indexes["en"]["briefs"], title=MEMBERS_ONLY, **relations)
    related = PolicyBriefPageFactory(parent=indexes["en"]["briefs"], title=RELATED, **relations)
    _restricted(members_only)
    _restricted(secret_lesson, insiders)
    _published(
        joint_action,
        lesson,
        secret_lesson,
        members_only,
        related,
        library["health_jo"],
        library["health_jo_ar"],
    )
    return {
        "brief": library["health_jo"],
        "brief_ar": library["health_jo_ar"],
        "joint_action": joint_action,
        "lesson": lesson,
        "related": related,
        "urls": [
            *_in_languages(library["health_jo"], library["health_jo_ar"]),
            *_in_languages(joint_action),
            *_in_languages(lesson),
        ],
    }


@pytest.fixture
def readers(library, articles):
    """An insider (member of WHO in the insiders' group), a colleague (member of WHO
    outside it), a member of another organisation, and an anonymous reader."""
    return readers_of(library, Group.objects.get(name="WHO insiders"))


def _user(client, url):
    return client.get(url).wsgi_request.user


def _facts(html) -> str:
    """The facts panel of a kept article."""
    return html.partition('<aside class="publication__facts"')[2].partition("</aside>")[0]


def test_restricted_items_a_reader_filled_the_cache_with_reach_no_other_audience(articles, readers):
    joint_action = _in_languages(articles["joint_action"])
    for url in articles["urls"]:
        text = page_text(readers["insider"], url)
        assert MEMBERS_ONLY in text, url
        assert (SECRET_LESSON in text) == (url in joint_action), url
        assert body_is_kept(url, _user(readers["insider"], url)), url
        for reader in ("colleague", "other organisation"):
            text = page_text(readers[reader], url)
            assert MEMBERS_ONLY in text, (url, reader)
            assert SECRET_LESSON not in text, (url, reader)
        text = page_text(readers["anonymous"], url)
        assert RELATED in text, url
        assert MEMBERS_ONLY not in text, url
        assert SECRET_LESSON not in text, url


def test_an_article_kept_for_anonymous_readers_hides_nothing_from_members(articles, readers):
    for url in articles["urls"]:
        assert MEMBERS_ONLY not in page_text(readers["anonymous"], url), url
        assert MEMBERS_ONLY in page_text(readers["colleague"], url), url
    for url in _in_languages(articles["joint_action"]):
        assert SECRET_LESSON not in page_text(readers["colleague"], url), url
        assert SECRET_LESSON in page_text(readers["insider"], url), url


def test_a_second_reader_of_the_audience_gets_their_own_name_token_and_comments(articles):
    # Newcomers, whom no partner vouches for: their words wait for a moderator.
    first_user = VerifiedUserFactory(first_name="Amira", last_name="Haddad")
    second_user = VerifiedUserFactory()
    assert audience_key(first_user) == audience_key(second_user)
    # Only its author is shown a comment waiting for a moderator.
    comment = comments.comment_create(
        page=articles["brief"], author=first_user, body="Are the clinics open at night?"
    )
    assert comment.status == Comment.Status.HELD
    first, second = Client(), Client()
    first.force_login(first_user)
    second.force_login(second_user)
    commented = {articles["brief"].url, f"/fr/original/{articles['brief'].pk}/"}
    for url in articles["urls"]:
        own = page_text(first, url)
        assert "Amira Haddad" in own, url
        assert body_is_kept(url, first_user), url
        other = page_text(second, url)
        assert "Amira Haddad" not in other, url
        assert set(CSRF_TOKEN.findall(other)).isdisjoint(CSRF_TOKEN.findall(own)), url
        assert FOLLOW in other, url
        if url in commented:
            assert "Are the clinics open at night?" in own, url
            assert STOP_FOLLOWING in own, url
            assert "Are the clinics open at night?" not in other, url


def test_an_editors_controls_stay_theirs(articles, library):
    editor_user = make_member(organisation=library["who"], role=Membership.Role.EDITOR)
    # Editing a page needs Wagtail's editors' group: a member in the same groups
    # shares the editor's audience without their role.
    member_user = make_member(organisation=library["who"])
    member_user.groups.set(editor_user.groups.all())
    assert audience_key(editor_user) == audience_key(member_user)
    editor, member = Client(), Client()
    editor.force_login(editor_user)
    member.force_login(member_user)
    for url in articles["urls"]:
        assert CLOSE in page_text(editor, url), url
        assert body_is_kept(url, member_user), url
        assert CLOSE not in page_text(member, url), url


def _show_everywhere(client, urls, text) -> bool:
    return all(text in page_text(client, url) for url in urls)


def test_editing_and_publishing_an_article_shows_at_once(
    articles, readers, django_capture_on_commit_callbacks
):
    member = readers["other organisation"]
    changed = [
        (articles["brief"], [articles["brief"].url, f"/fr/original/{articles['brief'].pk}/"]),
        (articles["brief_ar"], [articles["brief_ar"].url]),
        (articles["lesson"], _in_languages(articles["lesson"])),
        (articles["joint_action"], _in_languages(articles["joint_action"])),
    ]
    for page, urls in changed:
        assert _show_everywhere(member, urls, page.summary), urls
        page.summary = f"Revised: {page.title} reaches three more towns."
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()
        assert _show_everywhere(member, urls, page.summary), urls


def test_a_new_lesson_and_a_comment_on_it_show_on_its_joint_action(
    articles, readers, indexes, open_posting, django_capture_on_commit_callbacks
):
    member = readers["other organisation"]
    urls = _in_languages(articles["joint_action"])
    assert not any("Night shifts" in page_text(member, url) for url in urls)
    with django_capture_on_commit_callbacks(execute=True):
        lesson = LessonLearnedPageFactory(
            parent=indexes["en"]["lessons"],
            title="Night shifts",
            related_joint_action=articles["joint_action"],
            live=False,
        )
        lesson.save_revision().publish()
    lesson.refresh_from_db()
    assert _show_everywhere(member, urls, "Night shifts")
    assert not any(COUNT in page_text(member, url) for url in urls)

    with django_capture_on_commit_callbacks(execute=True):
        comments.comment_create(page=lesson, author=make_member(), body="How many staff?")
    assert _show_everywhere(member, urls, COUNT)


def test_a_vocabulary_change_shows_in_the_facts(
    articles, readers, library, django_capture_on_commit_callbacks
):
    member = readers["other organisation"]
    urls = _in_languages(articles["joint_action"])
    labels = ("Public health", "الصحة العامة", "Santé publique")
    for url, label in zip(urls, labels, strict=True):
        assert label not in _facts(page_text(member, url)), url
    health = library["health"]
    health.name, health.name_ar, health.name_fr = labels

    with django_capture_on_commit_callbacks(execute=True):
        health.save()
    for url, label in zip(urls, labels, strict=True):
        assert label in _facts(page_text(member, url)), url


def test_restricting_a_related_page_takes_it_out_of_every_article(
    articles, readers, django_capture_on_commit_callbacks
):
    member = readers["colleague"]
    assert _show_everywhere(member, articles["urls"], RELATED)

    with django_capture_on_commit_callbacks(execute=True):
        _restricted(articles["related"], Group.objects.get(name="WHO insiders"))
    assert not any(RELATED in page_text(member, url) for url in articles["urls"])
