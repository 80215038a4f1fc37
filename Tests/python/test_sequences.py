"""Explicit ids seeded into columns the database fills itself (PostgreSQL SERIAL and
identity columns, GENERATED ALWAYS included; SQLite AUTOINCREMENT): on every path the
app's next insert succeeds, and a sequence already past the seeded ids is never moved
back."""

import sqlite3
import subprocess
import sys

import psycopg2

from conftest import seedc
from roundtrip import pg_run

CONTENT = """seed:
  tables:
    serials:
      key: id
      columns: {id: integer, name: text}
    always:
      key: id
      columns: {id: integer, name: text}
  records:
    serials:
      - {id: 7, name: seven}
      - {id: 40, name: forty}
    always:
      - {id: 12, name: twelve}
"""

POSTGRES_SCHEMA = """
CREATE TABLE serials (id serial PRIMARY KEY, name text);
CREATE TABLE always (id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text);
"""


def build(tmp_path):
    root = tmp_path / "content"
    root.mkdir()
    (root / "content.yaml").write_text(CONTENT)
    seedc("build", "--root", root)
    return root


def app_inserts(url):
    """What the app does next: insert without an id, taking the sequence's."""
    connection = psycopg2.connect(url)
    with connection, connection.cursor() as cursor:
        cursor.execute("INSERT INTO serials (name) VALUES ('from the app') RETURNING id")
        serial = cursor.fetchone()[0]
        cursor.execute("INSERT INTO always (name) VALUES ('from the app') RETURNING id")
        identity = cursor.fetchone()[0]
    connection.close()
    return serial, identity


def test_postgres_sequences_move_past_seeded_ids_on_every_path(tmp_path, pg_databases):
    root = build(tmp_path)
    paths = {
        "seedc apply": lambda url: seedc("apply", "--root", root, "--database", url),
        "psql": lambda url: subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", url, "-f", str(root / "seeds" / "postgres.sql")],
                                           check=True, capture_output=True),
        "seed_initial_data.py": lambda url: subprocess.run([sys.executable, str(root / "seeds" / "seed_initial_data.py"), url],
                                                           check=True, capture_output=True),
    }
    for name, apply in paths.items():
        url = pg_databases(tables=False)
        pg_run(url, POSTGRES_SCHEMA)
        apply(url)
        assert app_inserts(url) == (41, 13), name


def test_postgres_sequences_never_move_back(tmp_path, pg_databases):
    root = build(tmp_path)
    url = pg_databases(tables=False)
    pg_run(url, POSTGRES_SCHEMA + "SELECT setval('serials_id_seq', 500);")
    seedc("apply", "--root", root, "--database", url)
    assert app_inserts(url)[0] == 501


def test_psql_prints_nothing(tmp_path, pg_databases):
    root = build(tmp_path)
    url = pg_databases(tables=False)
    pg_run(url, POSTGRES_SCHEMA)
    result = subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", url, "-f", str(root / "seeds" / "postgres.sql")],
                            check=True, capture_output=True, text=True)
    assert (result.stdout, result.stderr) == ("", "")


def test_sqlite_autoincrement_follows_seeded_ids(tmp_path):
    root = build(tmp_path)
    for name in ("apply", "script", "module"):
        path = tmp_path / ("%s.db" % name)
        connection = sqlite3.connect(path)
        connection.executescript("CREATE TABLE serials (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT);"
                                 "CREATE TABLE always (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT);")
        connection.close()
        if name == "apply":
            seedc("apply", "--root", root, "--database", path)
        elif name == "script":
            subprocess.run(["sqlite3", "-bail", str(path)], stdin=open(root / "seeds" / "sqlite.sql", "rb"), check=True)
        else:
            subprocess.run([sys.executable, str(root / "seeds" / "seed_initial_data.py"), str(path)], check=True, capture_output=True)
        connection = sqlite3.connect(path)
        assert connection.execute("INSERT INTO serials (name) VALUES ('app') RETURNING id").fetchone()[0] == 41, name
        connection.close()
