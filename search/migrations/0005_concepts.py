"""Concepts on search documents: the link to the thesaurus, and the concepts'
terms in a full text column of their own, weighted apart from title and body so a
document found through a concept ranks below one naming the words themselves.

The full text index of 0002 is rebuilt with the third column (SQLite: the FTS5
table and its triggers; PostgreSQL: the generated tsvector, concepts as weight C).
"""

from django.db import migrations, models

FTS = "search_searchdocument_fts"
TABLE = "search_searchdocument"


def _sqlite(columns: list[str]) -> list[str]:
    names = ", ".join(columns)
    new = ", ".join(f"new.{column}" for column in columns)
    old = ", ".join(f"old.{column}" for column in columns)
    return [
        "DROP TRIGGER IF EXISTS search_searchdocument_fts_update",
        "DROP TRIGGER IF EXISTS search_searchdocument_fts_delete",
        "DROP TRIGGER IF EXISTS search_searchdocument_fts_insert",
        f"DROP TABLE IF EXISTS {FTS}",
        f"""CREATE VIRTUAL TABLE {FTS} USING fts5(
            {names},
            content='{TABLE}', content_rowid='id',
            tokenize='unicode61 remove_diacritics 0'
        )""",
        f"""CREATE TRIGGER search_searchdocument_fts_insert AFTER INSERT ON {TABLE}
        WHEN new.deleted = 0 BEGIN
            INSERT INTO {FTS}(rowid, {names}) VALUES (new.id, {new});
        END""",
        f"""CREATE TRIGGER search_searchdocument_fts_delete AFTER DELETE ON {TABLE}
        WHEN old.deleted = 0 BEGIN
            INSERT INTO {FTS}({FTS}, rowid, {names}) VALUES ('delete', old.id, {old});
        END""",
        f"""CREATE TRIGGER search_searchdocument_fts_update
        AFTER UPDATE OF {names}, deleted ON {TABLE} BEGIN
            INSERT INTO {FTS}({FTS}, rowid, {names})
            SELECT 'delete', old.id, {old} WHERE old.deleted = 0;
            INSERT INTO {FTS}(rowid, {names}) SELECT new.id, {new} WHERE new.deleted = 0;
        END""",
        f"INSERT INTO {FTS}(rowid, {names}) SELECT id, {names} FROM {TABLE} WHERE deleted = 0",
    ]


def _postgres(weights: dict[str, str]) -> list[str]:
    vector = " || ".join(
        f"setweight(to_tsvector('simple'::regconfig, coalesce({column}, '')), '{weight}')"
        for column, weight in weights.items()
    )
    return [
        f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS search_vector",
        f"ALTER TABLE {TABLE} ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ({vector}) STORED",
        f"CREATE INDEX search_searchdocument_vector_idx ON {TABLE} USING GIN (search_vector)",
    ]


WITH_CONCEPTS = {
    "sqlite": _sqlite(["search_title", "search_body", "search_concepts"]),
    "postgresql": _postgres({"search_title": "A", "search_body": "B", "search_concepts": "C"}),
}
WITHOUT_CONCEPTS = {
    "sqlite": _sqlite(["search_title", "search_body"]),
    "postgresql": _postgres({"search_title": "A", "search_body": "B"}),
}


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0004_translation_group"),
        ("thesaurus", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="searchdocument",
            name="concepts",
            field=models.ManyToManyField(blank=True, related_name="+", to="thesaurus.concept"),
        ),
        migrations.AddField(
            model_name="searchdocument",
            name="search_concepts",
            field=models.TextField(blank=True, editable=False),
        ),
        migrations.RunPython(_run(WITH_CONCEPTS), _run(WITHOUT_CONCEPTS)),
    ]
