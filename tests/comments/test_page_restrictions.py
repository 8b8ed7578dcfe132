"""The comments block reads the view restrictions of the page and its ancestors
in one query and decides as Wagtail does."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import PageViewRestriction

pytestmark = pytest.mark.django_db


def _restrict_index(brief, restriction_type, **fields):
    return PageViewRestriction.objects.create(
        page=brief.get_parent(), restriction_type=restriction_type, **fields
    )


def test_group_restriction_on_an_ancestor_lets_its_members_comment(client, brief, brief_url, commenter):
    group = Group.objects.create(name="Partner staff")
    _restrict_index(brief, PageViewRestriction.GROUPS).groups.add(group)
    commenter.groups.add(group)
    client.force_login(commenter)
    assert 'class="comment-form"' in client.get(brief_url).content.decode()


def test_password_on_an_ancestor_hides_the_comments_block(client, brief, brief_url, commenter):
    restriction = _restrict_index(brief, PageViewRestriction.PASSWORD, password="open sesame")
    client.force_login(commenter)
    client.post(
        reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, brief.pk]),
        {"password": "open sesame", "return_url": brief_url},
    )
    content = client.get(brief_url).content.decode()
    assert brief.title in content
    assert 'class="comment-form"' not in content


def test_unrestricted_page_takes_comments(client, brief_url, commenter):
    client.force_login(commenter)
    assert 'class="comment-form"' in client.get(brief_url).content.decode()
