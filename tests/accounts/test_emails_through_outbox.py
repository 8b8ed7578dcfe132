"""Account emails (allauth's) and membership emails go through the outbox: the
request writes them and queues a task; the worker sends them."""

import pytest
from django.core import mail

from portal.notifications.models import EmailOutbox

pytestmark = pytest.mark.django_db


def test_password_reset_email_waits_for_the_worker(client, registered, task_worker):
    response = client.post("/en/accounts/password/reset/", {"email": registered.email})
    assert response.status_code == 302
    assert mail.outbox == []
    entry = EmailOutbox.objects.get()
    assert entry.to_address == registered.email and entry.status == EmailOutbox.Status.PENDING
    assert "/en/accounts/password/reset/key/" in entry.body_text

    task_worker()
    assert [message.to for message in mail.outbox] == [[registered.email]]
    assert mail.outbox[0].subject == entry.subject
    assert EmailOutbox.objects.get().status == EmailOutbox.Status.SENT


def test_a_join_request_emails_each_administrator_separately(
    client, registered, organisation, org_admin, task_worker
):
    client.force_login(registered)
    client.post("/en/account/organisations/join/", {"organisation": organisation.pk, "message": "Clinic"})
    assert mail.outbox == []
    task_worker()
    assert [message.to for message in mail.outbox] == [[org_admin.email]]
    assert f"/en/account/organisations/{organisation.slug}/manage/" in mail.outbox[0].body
