"""The database's own foreign keys are honoured where the content declares no
`references:`: `seedc apply` writes tables in an order that follows them, and a
declared column holding raw ids of rows the content leaves to the database is an
`unstable-reference` error, with nothing written."""

import sqlite3

import pytest

from conftest import seedc
from roundtrip import database_with, query

# posts sorts before users, but references it.
SCHEMA = """
CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE, name TEXT);
CREATE TABLE posts (id INTEGER PRIMARY KEY, slug TEXT NOT NULL UNIQUE, author_email TEXT REFERENCES users (email), author_id INTEGER REFERENCES users (id));
"""
POSTGRES_SCHEMA = SCHEMA.replace("INTEGER PRIMARY KEY", "serial PRIMARY KEY")

ORDERED = """seed:
  tables:
    posts:
      key: slug
      columns: {slug: text, author_email: email}
    users:
      key: email
      columns: {email: email, name: text}
  records:
    posts:
      - {slug: hello, author_email: amy@example.org}
    users:
      - {email: amy@example.org, name: Amy}
"""

RAW_IDS = """seed:
  tables:
    posts:
      key: slug
      columns: {slug: text, author_id: integer}
    users:
      key: email
      columns: {email: email, name: text}
  records:
    posts:
      - {slug: hello, author_id: 1}
    users:
      - {email: amy@example.org, name: Amy}
"""


def content(tmp_path, text):
    root = tmp_path / "content"
    root.mkdir(exist_ok=True)
    (root / "content.yaml").write_text(text)
    return root


@pytest.fixture(params=["sqlite", "postgres"])
def database(request, tmp_path):
    return database_with(request, tmp_path, request.param, SCHEMA, POSTGRES_SCHEMA)


def test_tables_follow_the_databases_foreign_keys(tmp_path, database):
    root = content(tmp_path, ORDERED)
    result = seedc("apply", "--root", root, "--database", database)
    assert "2 inserted" in result.stdout
    assert "nothing to do" in seedc("plan", "--root", root, "--database", database).stdout


def test_raw_ids_of_an_undeclared_id_are_refused(tmp_path, database):
    root = content(tmp_path, RAW_IDS)
    for command in ("plan", "apply"):
        result = seedc(command, "--root", root, "--database", database, check=False)
        assert result.returncode == 1, result.stdout
        assert "content.yaml:5:29: error: posts.author_id holds ids of users rows" in result.stderr, result.stderr
        assert "declare `references: users.id` on it" in result.stderr and "[unstable-reference]" in result.stderr
    assert query(database, "SELECT count(*) FROM users") == [(0,)], "nothing written"


CREATED = """seed:
  tables:
    users:
      key: email
      columns: {email: text, name: text}
    categories:
      key: slug
      columns:
        slug: text
        parent_id: {type: text, references: categories.id}
    posts:
      key: slug
      columns:
        slug: text
        author_id: {type: text, references: users.id}
        author_email: {type: text, references: users.email}
        category_id: {type: text, references: categories.id}
  records:
    users: [{email: a@example.org}]
    categories: [{slug: root}, {slug: leaf, parent_id: root}]
    posts: [{slug: p, author_id: a@example.org, author_email: a@example.org, category_id: leaf}]
"""


@pytest.mark.parametrize("engine", ["sqlite", "postgres"])
def test_create_tables_creates_the_foreign_keys_references_imply(tmp_path, engine, request):
    root = content(tmp_path, CREATED)
    if engine == "sqlite":
        database = str(tmp_path / "created.db")
    else:
        database = request.getfixturevalue("pg_databases")(tables=False)
    seedc("apply", "--root", root, "--database", database, "--create-tables")
    if engine == "sqlite":
        connection = sqlite3.connect(database)
        keys = sorted((table, row[3], row[2], row[4]) for table in ("categories", "posts")
                      for row in connection.execute("PRAGMA foreign_key_list(%s)" % table))
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        connection.close()
    else:
        import psycopg2
        connection = psycopg2.connect(database)
        with connection.cursor() as cursor:
            cursor.execute("SELECT c.conrelid::regclass::text, a.attname, c.confrelid::regclass::text, f.attname FROM pg_constraint c "
                           "JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1] "
                           "JOIN pg_attribute f ON f.attrelid = c.confrelid AND f.attnum = c.confkey[1] WHERE c.contype = 'f'")
            keys = sorted(cursor.fetchall())
        connection.close()
    assert keys == [("categories", "parent_id", "categories", "id"), ("posts", "author_email", "users", "email"),
                    ("posts", "author_id", "users", "id"), ("posts", "category_id", "categories", "id")]
