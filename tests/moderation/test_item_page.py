"""The moderation item page: enough to decide from one screen, in any language."""

import re
from collections import Counter
from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from forums.models import Post
from portal.accounts.models import Profile, TrustLevel
from portal.moderation import services
from tests.accounts.factories import VerifiedUserFactory
from tests.comments.factories import CommentFactory
from tests.forums.factories import PostFactory, TopicFactory
from tests.knowledge.factories import PolicyBriefIndexPageFactory, PolicyBriefPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _newcomers_held(settings):
    settings.PORTAL_TRUST_MEMBER_AFTER_POSTS = 2


def item_url(content):
    return reverse(
        "moderation_admin:item", args=[ContentType.objects.get_for_model(type(content)).pk, content.pk]
    )


def named(name):
    person = VerifiedUserFactory()
    Profile.objects.create(user=person, display_name=name)
    return person


@pytest.fixture
def thread(public_forum):
    topic = TopicFactory(forum=public_forum, title="Clinic hours in Zarqa", opening="Opening words")
    before = PostFactory(topic=topic, body="The words just before")
    reported = PostFactory(topic=topic, body="The reported words")
    after = PostFactory(topic=topic, body="The words just after")
    return {"topic": topic, "before": before, "reported": reported, "after": after}


def test_the_post_is_shown_in_its_thread(client_for, thread, moderator):
    html = client_for(moderator).get(item_url(thread["reported"])).content.decode()
    assert f'href="{thread["topic"].get_absolute_url()}"><bdi>Clinic hours in Zarqa</bdi></a>' in html
    before, current, after = (html.index(text) for text in ("just before", "The reported", "just after"))
    assert before < current < after
    assert f'href="{item_url(thread["before"])}"' in html
    assert f'href="{item_url(thread["after"])}"' in html
    assert "Opening words" not in html


def test_the_first_post_has_nothing_before_it(client_for, thread, moderator):
    html = client_for(moderator).get(item_url(thread["topic"].posts.get(number=1))).content.decode()
    assert "Nothing before it." in html and "just before" in html


def test_reports_keep_an_arabic_reporters_name_apart_from_the_date(client_for, thread, moderator):
    reporter = named("هادي خليل")
    services.content_report(content=thread["reported"], reporter=reporter, reason="abuse", details="مسيء")
    html = client_for(moderator).get(item_url(thread["reported"])).content.decode()
    assert "<dd><bdi>هادي خليل</bdi></dd>" in html
    report = re.search(r'<ul class="moderation-reports">(.*?)</ul>', html, re.S).group(1)
    assert re.search(r'<dd><time datetime="[^"]+">[^<]+</time></dd>', report)
    assert '<q dir="auto">مسيء</q>' in report
    assert "هادي خليل," not in html


def test_each_action_has_its_own_labelled_reason(client_for, thread, moderator):
    html = client_for(moderator).get(item_url(thread["reported"])).content.decode()
    ids = Counter(re.findall(r'\sid="([^"]+)"', html))
    assert not [name for name, count in ids.items() if count > 1], "ids are unique"
    forms = {
        match.group(1): match.group(0)
        for match in re.finditer(r'<form class="moderation-action"[^>]*/(\w+)/">.*?</form>', html, re.S)
    }
    assert re.search(r'<label[^>]*for="hide_reason"[^>]*>\s*Why is it hidden\?', forms["hide"])
    assert 'id="hide_reason"' in forms["hide"] and "delete_reason" not in forms["hide"]
    assert re.search(r'<label[^>]*for="delete_reason"[^>]*>\s*Why is it deleted\?', forms["delete"])
    assert 'id="delete_reason"' in forms["delete"] and "Why is it hidden" not in forms["delete"]
    assert forms["delete"].index("delete_reason") < forms["delete"].index('type="submit"')


def test_the_authors_history_is_shown(client_for, thread, moderator):
    author = thread["reported"].author
    earlier = PostFactory(topic=thread["topic"], author=author, body="Earlier spam")
    services.content_hide(content=earlier, moderator=moderator, reason="Advertising again")
    services.user_suspend(
        user=author, moderator=moderator, ends_at=timezone.now() + timedelta(days=2), reason="Spam"
    )
    html = client_for(moderator).get(item_url(thread["reported"])).content.decode()
    history = html[html.index('id="author-heading"') :]
    assert "Advertising again" in history
    assert f'href="{item_url(earlier)}"' in history
    assert re.search(r"<dt>Hidden by a moderator</dt><dd>1</dd>", history)
    assert re.search(r"<dt>Published contributions</dt><dd>1</dd>", history)
    assert re.search(r"<dt>Trust level</dt>\s*<dd>New\s", history)
    assert "Suspended until" in history and "1 suspension so far" in history
    assert 'for="trust_level"' in history


def test_a_level_set_by_a_moderator_says_who_and_what_was_computed(client_for, thread, moderator):
    author = thread["reported"].author
    Profile.objects.create(user=moderator, display_name="Mona")
    services.user_trust_level_set(user=author, moderator=moderator, level=TrustLevel.TRUSTED)
    html = client_for(moderator).get(item_url(thread["reported"])).content.decode()
    assert re.search(r"<dd>Trusted\s*\(set by <bdi>Mona</bdi>", html)
    assert "computed: New" in html
    assert '<option value="2" selected>Trusted</option>' in html


def test_comments_are_shown_on_their_page(client_for, moderator, home_page, organisation):
    index = PolicyBriefIndexPageFactory(parent=home_page)
    brief = PolicyBriefPageFactory(parent=index, title="Cash assistance brief", organisations=[organisation])
    first = CommentFactory(page=brief, body_source="First comment", body_html="<p>First comment</p>")
    second = CommentFactory(page=brief, body_source="Second comment", body_html="<p>Second comment</p>")
    html = client_for(moderator).get(item_url(second)).content.decode()
    assert "<bdi>Cash assistance brief</bdi>" in html
    assert "First comment" in html and f'href="{item_url(first)}"' in html
    assert "Nothing after it." in html


def test_queue_shows_each_authors_trust_level(client_for, thread, moderator, member):
    services.content_report(content=thread["reported"], reporter=member, reason="spam")
    PostFactory(topic=thread["topic"], author=member, status=Post.Status.HELD)
    html = client_for(moderator).get(reverse("moderation_admin:queue")).content.decode()
    assert "<td>New</td>" in html and "<td>Member</td>" in html


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_item_page_queries_do_not_grow_with_reports_or_history(client_for, thread, moderator):
    client = client_for(moderator)
    url = item_url(thread["reported"])
    services.content_report(content=thread["reported"], reporter=named("أمل"), reason="spam")
    _queries(client, url)
    few = _queries(client, url)
    author = thread["reported"].author
    for index in range(6):
        services.content_report(content=thread["reported"], reporter=named(f"قارئ {index}"), reason="abuse")
        earlier = PostFactory(topic=thread["topic"], author=author, body=f"earlier {index}")
        services.content_hide(content=earlier, moderator=moderator, reason=f"reason {index}")
        services.content_moderator_edit(
            content=thread["reported"], moderator=moderator, source=f"version {index}", reason="Tidied"
        )
    many = _queries(client, url)
    assert many == few
    assert many <= 30
