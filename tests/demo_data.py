"""The demo content as a fixture for suites that read the whole portal."""

import io

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo content, loaded once for a test module and rolled back after it.

    Loading it takes seconds; the module's tests only read it, or write inside their own
    transaction (``db``), so one load serves them all.
    """
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            call_command("load_demo", stdout=io.StringIO())
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            # Wagtail caches the site's root paths; they must not outlive the content.
            cache.clear()
