"""Comment counts on knowledge cards cost one query, whatever the number of cards."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal import site_structure
from portal.comments.models import Comment
from tests.comments.factories import CommentFactory
from tests.knowledge.factories import PolicyBriefPageFactory

pytestmark = pytest.mark.django_db


def test_cards_show_visible_comment_counts(client, briefs_index, brief):
    CommentFactory.create_batch(2, page=brief)
    CommentFactory(page=brief, status=Comment.Status.HIDDEN)
    content = client.get("/en/briefs/").content.decode()
    assert '<span class="comment-count">2 comments</span>' in content


def test_card_counts_do_not_add_queries_per_card(client, briefs_index):
    client.get("/en/briefs/")  # warm the per-process caches

    def count_for(total):
        Comment.objects.all().delete()
        for page in briefs_index.get_children():
            page.delete()
        for _ in range(total):
            CommentFactory(page=PolicyBriefPageFactory(parent=briefs_index))
        # Deleting a live page forgets the site structure: built again here, so only
        # the listing is counted.
        site_structure.current()
        with CaptureQueriesContext(connection) as queries:
            content = client.get("/en/briefs/").content.decode()
        assert content.count('class="comment-count"') == total
        return len(queries)

    assert count_for(2) == count_for(8)


def test_pages_inside_sections_are_counted_together(rf, briefs_index, django_assert_num_queries):
    from django.template import Context, Template

    briefs = [PolicyBriefPageFactory(parent=briefs_index) for _ in range(4)]
    for brief in briefs:
        CommentFactory(page=brief)
    template = Template(
        "{% load comments_tags %}{% for section in sections %}{% for page in section.pages %}"
        "{% comment_count page %};{% endfor %}{% endfor %}{% comment_count featured.page %}"
    )
    context = Context(
        {
            "request": rf.get("/en/"),
            "sections": [{"pages": briefs[:2]}, {"pages": briefs[2:3]}],
            "featured": {"page": briefs[3]},
        }
    )
    with django_assert_num_queries(1):
        assert template.render(context) == "1;1;1;1"
