"""Pruning with relations: rows removed from the content together with the rows that
reference them are deleted children first; a row that rows seedc does not prune still
reference (the app's own, here a comment) is never deleted, so no ON DELETE CASCADE or
SET NULL reaches the app's rows: the apply stops naming it, with counts, and nothing
changes."""


import pytest

from conftest import seedc
from roundtrip import database_with, query

SCHEMA = """
CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE);
CREATE TABLE posts (id INTEGER PRIMARY KEY, slug TEXT NOT NULL UNIQUE, author_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE);
CREATE TABLE comments (id INTEGER PRIMARY KEY, body TEXT, post_id INTEGER REFERENCES posts (id) ON DELETE CASCADE);
"""
POSTGRES_SCHEMA = SCHEMA.replace("INTEGER PRIMARY KEY", "serial PRIMARY KEY")

CONTENT = """seed:
  tables:
    users:
      key: email
      prune: true
      columns: {email: text}
    posts:
      key: slug
      prune: true
      columns:
        slug: text
        author_id: {type: text, required: true, references: users.id}
  records:
    users:
%s
    posts:
%s
"""


def write(root, users, posts):
    (root / "content.yaml").write_text(CONTENT % ("\n".join("      - {email: %s}" % u for u in users) or "      []",
                                                  "\n".join("      - {slug: %s, author_id: %s}" % p for p in posts) or "      []"))


@pytest.fixture(params=["sqlite", "postgres"])
def database(request, tmp_path):
    url = database_with(request, tmp_path, request.param, SCHEMA, POSTGRES_SCHEMA)
    return url, lambda sql: query(url, sql)


def test_parents_and_children_pruned_together_go_children_first(tmp_path, database):
    url, query = database
    root = tmp_path / "content"
    root.mkdir()
    write(root, ["a@example.org", "b@example.org"], [("one", "a@example.org"), ("two", "b@example.org")])
    seedc("apply", "--root", root, "--database", url)
    write(root, ["a@example.org"], [("one", "a@example.org")])
    assert "0 inserted, 0 updated, 2 pruned" in seedc("apply", "--root", root, "--database", url).stdout
    assert query("SELECT email FROM users") == [("a@example.org",)]
    assert query("SELECT slug FROM posts") == [("one",)]


def test_a_row_the_app_still_references_is_not_pruned(tmp_path, database):
    url, query = database
    root = tmp_path / "content"
    root.mkdir()
    write(root, ["a@example.org"], [("one", "a@example.org"), ("two", "a@example.org")])
    seedc("apply", "--root", root, "--database", url)
    # The app comments on post two; then post two leaves the content.
    post = query("SELECT id FROM posts WHERE slug = 'two'")[0][0]
    for body in ("first!", "second"):
        query("INSERT INTO comments (body, post_id) VALUES ('%s', %d) RETURNING id" % (body, post))
    before = (query("SELECT slug FROM posts ORDER BY slug"), query("SELECT body FROM comments ORDER BY body"))
    write(root, ["a@example.org"], [("one", "a@example.org")])
    result = seedc("apply", "--root", root, "--database", url, check=False)
    assert result.returncode == 1
    assert 'posts "two" is still referenced by 2 comments rows (post_id)' in result.stderr, result.stderr
    assert "nothing was applied" in result.stderr
    assert (query("SELECT slug FROM posts ORDER BY slug"), query("SELECT body FROM comments ORDER BY body")) == before
