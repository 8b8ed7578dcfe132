"""The audience policy's own answers: scopes, the stricter of two audiences, forums
for one organisation, and answers kept on the person so asking again costs nothing."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal import audience
from portal.audience import Audience, Reach
from tests.forums.factories import ForumFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("scopes", "stricter"),
    [
        (("public", "public"), "public"),
        (("public", "signed_in"), "signed_in"),
        (("partners", "signed_in"), "partners"),
        (("partners", "org:3"), "org:3"),
        (("org:3", "org:3"), "org:3"),
        (("org:3", "org:4"), "staff"),
        (("public", "staff"), "staff"),
    ],
)
def test_the_stricter_scope_is_who_may_read_about_both(scopes, stricter):
    assert audience.stricter_scope(*scopes) == stricter


def test_an_organisation_audience_without_an_organisation_is_for_staff_alone():
    assert Reach(Audience.ORGANISATION).scope == "staff"
    assert Reach(Audience.ORGANISATION, 7).scope == "org:7"


def test_scopes_of_each_audience(world):
    people = world.people
    organisation_a = people["organisation_a"].memberships.get().organisation_id
    assert audience.scopes_for(people["anonymous"]) == {"public"}
    assert audience.scopes_for(people["signed_in"]) == {"public", "signed_in"}
    assert audience.scopes_for(people["organisation_a"]) == {
        "public",
        "signed_in",
        "partners",
        f"org:{organisation_a}",
    }
    assert {"staff", "partners", f"org:{organisation_a}"} <= audience.scopes_for(people["staff"])


def test_answers_about_a_person_are_kept_on_them(world):
    person = world.people["organisation_a"]
    forums = [thing.forum for name, thing in world.things.items() if name.endswith("topic")]
    audience.scopes_for(person)
    with CaptureQueriesContext(connection) as queries:
        answers = [audience.can_view_forum(person, forum) for forum in forums * 10]
    assert len(queries) == 0
    assert answers == [True, True, True] * 10


def test_a_forum_for_one_organisation_names_it(world):
    with pytest.raises(ValidationError) as refused:
        ForumFactory.build(slug="nameless", name="Nameless", visibility=Audience.ORGANISATION).full_clean()
    assert "organisation" in refused.value.message_dict
    partners_forum = world.things["partners topic"].forum
    partners_forum.organisation = world.things["organisation topic"].forum.organisation
    with pytest.raises(ValidationError):
        partners_forum.full_clean()
