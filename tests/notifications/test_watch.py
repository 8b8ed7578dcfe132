import pytest

from portal.models import HomePage
from portal.notifications.models import Watch
from portal.notifications.selectors import is_watching, watched_ids, watchers
from portal.notifications.services import watch_start, watch_stop
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_watch_start_and_stop_through_the_selectors(home_page, reader):
    specific = HomePage.objects.get(pk=home_page.pk)
    watch_start(user=reader, target=specific)
    watch_start(user=reader, target=specific.page_ptr)
    assert Watch.objects.count() == 1
    assert is_watching(user=reader, target=home_page.page_ptr)
    assert list(watchers(specific)) == [reader]
    assert watched_ids(user=reader, model=HomePage) == {home_page.pk}
    watch_stop(user=reader, target=specific)
    assert not is_watching(user=reader, target=specific)


def test_inactive_people_are_not_watchers(home_page):
    person = UserFactory(is_active=False)
    watch_start(user=person, target=home_page)
    assert list(watchers(home_page)) == []
