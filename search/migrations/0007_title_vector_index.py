"""PostgreSQL indexes each search row's title vector on its own, for autocomplete.

Autocomplete matches prefixes of title words. Over the whole vector ("he:*A") the
GIN index yields every row with a body word of that prefix, and PostgreSQL read
each row to keep the titles; the title's own vector finds the titles alone. The
expression is ``search.backends.dialects.TITLE_VECTOR``. SQLite's full text table
has a title column of its own already.
"""

from django.db import migrations

INDEX = "search_searchdocument_title_vector_idx"


def _create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX {INDEX} ON search_searchdocument "
            "USING GIN (to_tsvector('simple'::regconfig, coalesce(search_title, '')))"
        )


def _drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("search", "0006_vector_in_the_row")]

    operations = [migrations.RunPython(_create, _drop)]
