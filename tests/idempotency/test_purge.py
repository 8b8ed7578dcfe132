"""Kept answers are forgotten once no retry can come any more."""

from datetime import timedelta
from io import StringIO
from uuid import uuid4

import pytest
from django.core.management import call_command
from django.utils import timezone

from portal.idempotency.models import WriteToken

pytestmark = pytest.mark.django_db


def test_the_purge_forgets_old_submissions_and_keeps_recent_ones(registered):
    now = timezone.now()
    old = WriteToken.objects.create(user=registered, token=uuid4(), created_at=now - timedelta(days=3))
    recent = WriteToken.objects.create(user=registered, token=uuid4(), created_at=now - timedelta(hours=1))
    out = StringIO()
    call_command("write_tokens_purge", stdout=out)
    assert "Forgot 1 form submission(s)." in out.getvalue()
    assert list(WriteToken.objects.values_list("pk", flat=True)) == [recent.pk]
    assert not WriteToken.objects.filter(pk=old.pk).exists()
    call_command("write_tokens_purge", "--hours", "0", stdout=StringIO())
    assert not WriteToken.objects.exists()
