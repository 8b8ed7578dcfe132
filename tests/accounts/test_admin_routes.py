"""Every admin address, asked by another organisation's staff about an
organisation's draft, shows nothing of it and changes nothing.

Organisation B holds a draft, in review, whose title and body carry a marker,
with a document and an image whose titles carry it too. Staff of organisation A
(editor, reviewer, administrator) send GET and then POST to every route of the
admin, read from the URL resolver, with the real ids of B's objects.
"""

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.urls import resolve
from django.utils import timezone
from wagtail.admin.models import EditingSession
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, Page, Revision, TaskState, WorkflowState

from portal.accounts import admin_urls
from portal.accounts.models import Membership
from portal.accounts.roles import EDITORS_GROUP
from portal.accounts.workflows import sign_off_workflow_assign
from tests.accounts.admin_routes import admin_routes, route_url
from tests.accounts.factories import MembershipFactory
from tests.accounts.helpers import with_second_factor
from tests.factories import OrganisationFactory
from tests.knowledge.factories import PolicyBriefIndexPageFactory, PolicyBriefPageFactory

pytestmark = pytest.mark.django_db

OVERRIDES = {f"admin/{entry.pattern}" for entry in admin_urls.urlpatterns}

MARKER = "Qx7MarkerZv"
# Wagtail's page for checking that server errors are reported answers 500 on purpose.
DELIBERATE_ERRORS = {"admin/failwhale/"}
SEARCH_WORD = "Cardamom"


@pytest.fixture
def other_organisation(home_page):
    """Organisation B's draft in review, its document and image, and the ids of
    everything an admin address could name."""
    theirs = OrganisationFactory(name="Other agency")
    index = PolicyBriefIndexPageFactory(parent=home_page)
    workflow = sign_off_workflow_assign(pages=[index])
    membership = MembershipFactory(organisation=theirs, role=Membership.Role.EDITOR)
    editor = with_second_factor(membership.user)
    document = get_document_model().objects.create(
        title=f"{SEARCH_WORD} annex {MARKER}",
        file=ContentFile(b"annex", name="annex.txt"),
        uploaded_by_user=editor,
    )
    image = get_image_model().objects.create(
        title=f"{SEARCH_WORD} chart {MARKER}", file=get_test_image_file(), uploaded_by_user=editor
    )
    page = PolicyBriefPageFactory(
        parent=index,
        organisations=[theirs],
        live=False,
        owner=editor,
        title="Draft brief",
        slug="draft-brief",
    )
    page.title = f"{SEARCH_WORD} brief {MARKER}"
    page.summary = f"A summary naming {MARKER}."
    revision = page.save_revision(user=editor)
    workflow_state = workflow.start(page, editor)
    redirect = Redirect.objects.create(old_path="/old-brief", redirect_page=page)
    session = EditingSession.objects.create(
        user=editor,
        content_type=ContentType.objects.get_for_model(Page),
        object_id=str(page.pk),
        last_seen_at=timezone.now(),
    )
    return {
        "page": page.pk,
        "index": index.pk,
        "revision": revision.pk,
        "workflow": workflow.pk,
        "workflow_state": workflow_state.pk,
        "task_state": workflow_state.current_task_state.pk,
        "task": workflow_state.current_task_state.task_id,
        "document": document.pk,
        "image": image.pk,
        "collection": Collection.get_first_root_node().pk,
        "redirect": redirect.pk,
        "editing_session": session.pk,
        "page_content_type": ContentType.objects.get_for_model(page).pk,
        "membership": membership.pk,
        "organisation": theirs.pk,
        "user": editor.pk,
        "group": Group.objects.get(name=EDITORS_GROUP).pk,
    }


def _snapshot():
    """What a POST must leave as it was."""
    return {
        "pages": sorted(
            Page.objects.values_list(
                "pk", "title", "draft_title", "live", "locked", "path", "latest_revision_id", "owner_id"
            )
        ),
        "revisions": sorted(Revision.objects.values_list("pk", "object_id")),
        "workflow_states": sorted(WorkflowState.objects.values_list("pk", "status")),
        "task_states": sorted(TaskState.objects.values_list("pk", "status")),
        "documents": sorted(get_document_model().objects.values_list("pk", "title", "collection_id")),
        "images": sorted(get_image_model().objects.values_list("pk", "title", "collection_id")),
        "redirects": sorted(Redirect.objects.values_list("pk", "old_path", "redirect_page_id")),
        "memberships": sorted(Membership.objects.values_list("pk", "role", "status")),
    }


def _query(objects):
    # Listings, searches, choosers, the admin API and bulk actions read their
    # objects from the query string.
    return f"?q={SEARCH_WORD}&id={objects['page']}&child_of={objects['index']}&parent={objects['index']}"


def _leaks(response) -> bool:
    body = b"".join(response) if response.streaming else response.content
    return MARKER in body.decode("utf-8", "replace") or MARKER in response.get("Location", "")


@pytest.mark.parametrize("role", [Membership.Role.EDITOR, Membership.Role.REVIEWER, Membership.Role.ADMIN])
def test_no_admin_route_shows_or_changes_another_organisations_draft(client, other_organisation, role):
    person = with_second_factor(MembershipFactory(organisation=OrganisationFactory(), role=role).user)
    client.force_login(person)
    client.raise_request_exception = False
    routes = admin_routes()
    before = _snapshot()
    exercised, problems = set(), []
    for route in routes:
        url = route_url(route, other_organisation)
        served_by = resolve(url).route
        # The portal's own admin views come first and serve some of Wagtail's addresses.
        assert served_by == route.pattern or served_by in OVERRIDES, (route.pattern, served_by)
        exercised.add(route.pattern)
        for method in ("get", "post"):
            response = getattr(client, method)(url + _query(other_organisation))
            if (response.status_code >= 500) != (route.pattern in DELIBERATE_ERRORS):
                problems.append(f"{method.upper()} {url}: {response.status_code}")
            if _leaks(response):
                problems.append(f"{method.upper()} {url}: shows the marker")
            if method == "post" and _snapshot() != before:
                problems.append(f"POST {url}: changed the database")
                before = _snapshot()
    # Messages left by a refused request appear on the next page shown.
    if _leaks(client.get("/admin/")):
        problems.append("the dashboard shows the marker in a message")
    assert not problems, "\n".join(problems)
    assert exercised == {route.pattern for route in routes}
    assert len(routes) > 250  # the walk found the admin, not an empty list
    assert exercised >= OVERRIDES
