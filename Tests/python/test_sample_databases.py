"""Identity on public sample databases: Northwind (JPEG pictures in BLOB/bytea
columns, dates kept as text) and Chinook (datetimes kept as text, NUMERIC prices), on
SQLite and on PostgreSQL, with their real foreign keys (a composite key, an employee's
manager). `seedc init` -> `capture` -> `apply` onto the live database itself updates
nothing and leaves its dump byte for byte as it was; applied into a fresh copy of the
schema through each of the five paths, the content gives the same rows, compared by
content: ids the database assigns afresh (a customer's, keyed by its unique email)
left out and every reference to them followed to the target's natural key.

The databases come from `sample_databases.data_dir()` (`$SEEDC_SAMPLE_DATA` or
`../shared/fixtures/sample-databases`): data fetched from public repositories is kept
in the shared fixtures, not in this repository."""

import sqlite3
import subprocess

import pytest

from roundtrip import assert_identity, capture_content, pg_dump, postgres_paths, sqlite_dump, sqlite_paths
from sample_databases import data_dir, load_postgres, load_sqlite

SAMPLES = ("northwind", "chinook")

pytestmark = pytest.mark.skipif(data_dir() is None, reason="sample databases not found: set SEEDC_SAMPLE_DATA or add ../shared/fixtures/sample-databases")


def schema_only(source, path):
    """A fresh SQLite file with the tables (and foreign keys) of `source`, no rows."""
    connection = sqlite3.connect(path)
    with sqlite3.connect(source) as original:
        for (sql,) in original.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'seedc_ledger'"):
            connection.execute(sql)
    connection.commit()
    connection.close()
    return path


@pytest.mark.parametrize("sample", SAMPLES)
def test_sqlite_identity(tmp_path, sample):
    live = load_sqlite(sample, tmp_path / "live.db")
    before = sqlite_dump(live)
    root = tmp_path / "content"
    capture_content(root, live)
    assert_identity(root, live, before, sqlite_dump, sqlite_paths, lambda name: schema_only(live, tmp_path / ("fresh-%s.db" % name)))


@pytest.mark.parametrize("sample", SAMPLES)
def test_postgres_identity(tmp_path, pg_databases, sample):
    live = pg_databases(tables=False)
    load_postgres(sample, live)
    before = pg_dump(live)
    root = tmp_path / "content"
    capture_content(root, live)
    schema = subprocess.run(["pg_dump", "--schema-only", "--no-owner", "-T", "seedc_ledger", live],
                            check=True, capture_output=True, text=True).stdout

    def fresh():
        url = pg_databases(tables=False)
        subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", url], input=schema, text=True, check=True, capture_output=True)
        return url

    assert_identity(root, live, before, pg_dump, postgres_paths, fresh)
