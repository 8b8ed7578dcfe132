"""The full text index over the analysed text of search documents.

SQLite: an FTS5 table kept in step with the rows by triggers, so it changes in the
same transaction as the content. PostgreSQL: a generated, weighted tsvector column
with a GIN index. Text is analysed in Python (search.text) before it is stored, so
both use the plain tokenizer / 'simple' configuration.
"""

from django.db import migrations

SQLITE_FORWARD = [
    """CREATE VIRTUAL TABLE search_searchdocument_fts USING fts5(
        search_title, search_body,
        content='search_searchdocument', content_rowid='id',
        tokenize='unicode61 remove_diacritics 0'
    )""",
    """CREATE TRIGGER search_searchdocument_fts_insert AFTER INSERT ON search_searchdocument
    WHEN new.deleted = 0 BEGIN
        INSERT INTO search_searchdocument_fts(rowid, search_title, search_body)
        VALUES (new.id, new.search_title, new.search_body);
    END""",
    """CREATE TRIGGER search_searchdocument_fts_delete AFTER DELETE ON search_searchdocument
    WHEN old.deleted = 0 BEGIN
        INSERT INTO search_searchdocument_fts(search_searchdocument_fts, rowid, search_title, search_body)
        VALUES ('delete', old.id, old.search_title, old.search_body);
    END""",
    """CREATE TRIGGER search_searchdocument_fts_update
    AFTER UPDATE OF search_title, search_body, deleted ON search_searchdocument BEGIN
        INSERT INTO search_searchdocument_fts(search_searchdocument_fts, rowid, search_title, search_body)
        SELECT 'delete', old.id, old.search_title, old.search_body WHERE old.deleted = 0;
        INSERT INTO search_searchdocument_fts(rowid, search_title, search_body)
        SELECT new.id, new.search_title, new.search_body WHERE new.deleted = 0;
    END""",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS search_searchdocument_fts_update",
    "DROP TRIGGER IF EXISTS search_searchdocument_fts_delete",
    "DROP TRIGGER IF EXISTS search_searchdocument_fts_insert",
    "DROP TABLE IF EXISTS search_searchdocument_fts",
]
POSTGRES_FORWARD = [
    """ALTER TABLE search_searchdocument ADD COLUMN search_vector tsvector
    GENERATED ALWAYS AS (
        setweight(to_tsvector('simple'::regconfig, coalesce(search_title, '')), 'A')
        || setweight(to_tsvector('simple'::regconfig, coalesce(search_body, '')), 'B')
    ) STORED""",
    "CREATE INDEX search_searchdocument_vector_idx ON search_searchdocument USING GIN (search_vector)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS search_searchdocument_vector_idx",
    "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS search_vector",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        )
    ]
