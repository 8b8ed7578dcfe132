import pytest
from django.core.management import call_command

from search.models import SearchDocument
from tests.factories import OrganisationFactory
from tests.knowledge.factories import PolicyBriefIndexPageFactory, PolicyBriefPageFactory
from tests.search.helpers import search

pytestmark = pytest.mark.django_db


def test_rebuild_reprojects_everything_and_drops_stale_rows(home_page, people, settings, capsys):
    settings.PORTAL_SEARCH_BACKEND = "database"
    OrganisationFactory(name="Rebuilt Partner")
    index = PolicyBriefIndexPageFactory(parent=home_page)
    # Added straight into the tree: live, but never through a publish signal.
    PolicyBriefPageFactory(parent=index, title="Irrigation brief", summary="Drip irrigation.")
    SearchDocument.objects.create(
        key="portal.organisation:999999", doc_type="organisation", title="Gone", url="/x/", scope="public"
    )
    assert search(people["anonymous"], "irrigation").total == 0

    call_command("search_rebuild", batch_size=1)

    assert search(people["anonymous"], "irrigation").total == 1
    assert search(people["anonymous"], "rebuilt partner").total == 1
    assert not SearchDocument.objects.filter(key="portal.organisation:999999").exists()
    output = capsys.readouterr().out
    assert "knowledge.PolicyBriefPage: 1 objects" in output
    assert "Search rebuilt" in output
