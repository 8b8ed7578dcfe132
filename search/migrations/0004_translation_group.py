from importlib import import_module

from django.db import migrations, models
from django.db.models import F

PAGE_PREFIX = "wagtailcore.page:"
full_text_index = import_module("search.migrations.0002_full_text_index")


def restore_full_text_triggers(apps, schema_editor):
    """SQLite cannot add a NOT NULL column in place: Django copies the table into a
    new one, and the triggers that keep the full text index in step go with the
    old table. The copy keeps every id, so the index itself is still right."""
    if schema_editor.connection.vendor != "sqlite":
        return
    for statement in full_text_index.SQLITE_FORWARD:
        if statement.startswith("CREATE TRIGGER"):
            name = statement.split()[2]
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}")
            schema_editor.execute(statement)


def group_existing_rows(apps, schema_editor):
    """Every row is a group of its own except page versions, grouped by their
    Wagtail translation key. The version grows so an engine is brought up to date."""
    documents = apps.get_model("search", "SearchDocument").objects
    documents.update(translation_group=F("key"), version=F("version") + 1)
    pages = apps.get_model("wagtailcore", "Page").objects
    page_ids = [
        int(key.removeprefix(PAGE_PREFIX))
        for key in documents.filter(key__startswith=PAGE_PREFIX).values_list("key", flat=True)
    ]
    groups = {
        f"{PAGE_PREFIX}{pk}": (f"page:{translation_key}", pk)
        for pk, translation_key in pages.filter(pk__in=page_ids).values_list("pk", "translation_key")
    }
    rows = list(documents.filter(key__in=groups))
    for row in rows:
        row.translation_group, row.translation_order = groups[row.key]
    documents.bulk_update(rows, ["translation_group", "translation_order"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0003_audience"),
        ("wagtailcore", "0057_page_locale_fields_notnull"),
    ]

    operations = [
        # Run when migrating backwards, after the fields are removed.
        migrations.RunPython(migrations.RunPython.noop, restore_full_text_triggers),
        migrations.AddField(
            model_name="searchdocument",
            name="translation_group",
            field=models.CharField(blank=True, db_index=True, editable=False, max_length=120),
        ),
        migrations.AddField(
            model_name="searchdocument",
            name="translation_order",
            field=models.PositiveIntegerField(default=0, editable=False),
        ),
        migrations.RunPython(restore_full_text_triggers, migrations.RunPython.noop),
        migrations.RunPython(group_existing_rows, migrations.RunPython.noop, elidable=True),
    ]
