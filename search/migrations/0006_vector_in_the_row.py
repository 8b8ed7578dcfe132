"""PostgreSQL keeps each search row's full text vector in the row itself (storage
MAIN) instead of moving it to the TOAST table with the other long columns. A search
ranks every match twice from its vector, and each rank fetched the vector from
TOAST again: about 30 % of the time the match query took. The bodies go to TOAST instead;
only the few rows of a page of results read them.

Only rows written after ``SET STORAGE`` follow it, so every row is written again
(its generated vector with it). A migration that adds the column again must set
the storage again. SQLite has no such setting.
"""

from django.db import migrations

TABLE = "search_searchdocument"


def _storage(kind: str):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        schema_editor.execute(f"ALTER TABLE {TABLE} ALTER COLUMN search_vector SET STORAGE {kind}")
        schema_editor.execute(f"UPDATE {TABLE} SET search_title = search_title")

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0005_concepts")]

    operations = [migrations.RunPython(_storage("MAIN"), _storage("EXTENDED"))]
