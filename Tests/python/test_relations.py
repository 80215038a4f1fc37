"""Relations survive a rebuild. A blog's tables (SQLAlchemy-style: posts.author_id ->
users.id, a category tree through categories.parent_id, a post_tags link table with a
composite primary key) are filled in an id order unlike their keys' order; `seedc init`
declares the references by the targets' natural keys, `capture` writes them so, and the
content applied into a fresh database where the app has already made rows (so every
id the database hands out is shifted) brings every relation back to the same rows, on
all five paths. Compared by content, every reference followed to its target's natural
key, never by id."""

import sqlite3
import subprocess
import sys

import psycopg2
import pytest
import yaml

from conftest import seedc
from roundtrip import pg_run

SCHEMA = """
CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE, name TEXT);
CREATE TABLE categories (id INTEGER PRIMARY KEY, slug TEXT NOT NULL UNIQUE, parent_id INTEGER REFERENCES categories (id));
CREATE TABLE tags (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE posts (id INTEGER PRIMARY KEY, slug TEXT NOT NULL UNIQUE, title TEXT,
                    author_id INTEGER NOT NULL REFERENCES users (id), category_id INTEGER REFERENCES categories (id));
CREATE TABLE post_tags (post_id INTEGER NOT NULL REFERENCES posts (id), tag_id INTEGER NOT NULL REFERENCES tags (id),
                        PRIMARY KEY (post_id, tag_id));
"""
POSTGRES_SCHEMA = SCHEMA.replace("INTEGER PRIMARY KEY", "serial PRIMARY KEY")

# Ids deliberately out of key order: zed is user 1, the tree's root has the highest id.
LIVE_ROWS = """
INSERT INTO users (id, email, name) VALUES (1, 'zed@example.org', 'Zed'), (2, 'amy@example.org', 'Amy');
INSERT INTO categories (id, slug, parent_id) VALUES (10, 'world', NULL), (2, 'local', 10), (5, 'news', 2);
INSERT INTO tags (id, name) VALUES (3, 'weather'), (1, 'roads'), (2, 'power');
INSERT INTO posts (id, slug, title, author_id, category_id) VALUES (1, 'bye', 'Goodbye', 1, 5), (2, 'hello', 'Hello', 2, 10), (3, 'plain', NULL, 2, NULL);
INSERT INTO post_tags (post_id, tag_id) VALUES (1, 3), (2, 1), (2, 2);
"""

# What the app made on the new database before the content arrived: every id shifts.
APP_ROWS = """
INSERT INTO users (email, name) VALUES ('app@example.org', 'Made in the app');
INSERT INTO categories (slug) VALUES ('app-category');
INSERT INTO tags (name) VALUES ('app-tag'), ('app-tag-2');
INSERT INTO posts (slug, author_id) VALUES ('app-post', 1);
"""

CONTENT_DUMP = {
    "users": "SELECT email, name FROM users ORDER BY email",
    "categories": "SELECT c.slug, p.slug FROM categories c LEFT JOIN categories p ON p.id = c.parent_id ORDER BY c.slug",
    "tags": "SELECT name FROM tags ORDER BY name",
    "posts": "SELECT p.slug, p.title, u.email, c.slug FROM posts p JOIN users u ON u.id = p.author_id "
             "LEFT JOIN categories c ON c.id = p.category_id ORDER BY p.slug",
    "post_tags": "SELECT p.slug, t.name FROM post_tags pt JOIN posts p ON p.id = pt.post_id JOIN tags t ON t.id = pt.tag_id ORDER BY 1, 2",
}


def content_dump(execute):
    return {table: [tuple(row) for row in execute(sql)] for table, sql in CONTENT_DUMP.items()}


def sqlite_content(path):
    connection = sqlite3.connect(path)
    try:
        return content_dump(lambda sql: connection.execute(sql).fetchall())
    finally:
        connection.close()


def pg_content(url):
    connection = psycopg2.connect(url)
    try:
        with connection.cursor() as cursor:
            def execute(sql):
                cursor.execute(sql)
                return cursor.fetchall()
            return content_dump(execute)
    finally:
        connection.close()


def without_app_rows(dump):
    return {table: [row for row in rows if not any(isinstance(v, str) and v.startswith("app") for v in row)] for table, rows in dump.items()}


def capture(tmp_path, url):
    root = tmp_path / "content"
    root.mkdir()
    (root / "content.yaml").write_text("title: blog\n")
    init = seedc("init", "--root", root, "--database", url)
    seedc("capture", "--root", root, "--database", url)
    seedc("build", "--root", root)
    return root, init


def check_content(root):
    """init declared the references by natural key; capture wrote natural keys."""
    seed = yaml.safe_load((root / "content.yaml").read_text())["seed"]
    tables = seed["tables"]
    assert tables["users"]["key"] == "email" and "id" not in tables["users"]["columns"]
    assert tables["posts"]["columns"]["author_id"] == {"type": "text", "required": True, "references": "users.id"}
    assert tables["categories"]["columns"]["parent_id"] == {"type": "text", "references": "categories.id"}
    assert tables["post_tags"]["key"] == ["post_id", "tag_id"]
    records = seed["records"]
    assert {"slug": "bye", "title": "Goodbye", "author_id": "zed@example.org", "category_id": "news"} in records["posts"]
    assert {"slug": "local", "parent_id": "world"} in records["categories"]
    assert {"post_id": "hello", "tag_id": "power"} in records["post_tags"]


def test_sqlite_relations_survive_a_rebuild(tmp_path):
    live = tmp_path / "live.db"
    connection = sqlite3.connect(live)
    connection.executescript(SCHEMA + LIVE_ROWS)
    connection.close()
    expected = sqlite_content(live)
    root, _ = capture(tmp_path, live)
    check_content(root)
    assert "0 inserted, 0 updated" in seedc("apply", "--root", root, "--database", live).stdout

    def fresh(name):
        path = tmp_path / ("%s.db" % name)
        connection = sqlite3.connect(path)
        connection.executescript(SCHEMA + APP_ROWS)
        connection.close()
        return path

    databases = {"seedc apply": fresh("apply"), "sqlite3 script": fresh("script"), "seed_initial_data.py": fresh("module")}
    seedc("apply", "--root", root, "--database", databases["seedc apply"])  # foreign keys enforced (GRDB)
    subprocess.run(["sqlite3", "-bail", str(databases["sqlite3 script"])],
                   input="PRAGMA foreign_keys = ON;\n" + (root / "seeds" / "sqlite.sql").read_text(), text=True, check=True)
    subprocess.run([sys.executable, str(root / "seeds" / "seed_initial_data.py"), str(databases["seed_initial_data.py"])], check=True, capture_output=True)
    assert_rebuilt(root, live, databases, sqlite_content, expected)


def assert_rebuilt(root, live, databases, content, expected):
    """Each rebuilt database (by the path that filled it) holds the live content, the
    app's own row beside it, and `plan` has nothing to do; a second capture adds nothing."""
    for path, database in databases.items():
        dump = content(database)
        assert without_app_rows(dump) == expected, path
        assert ("app-post", None, "app@example.org", None) in dump["posts"], path
        assert "nothing to do" in seedc("plan", "--root", root, "--database", database).stdout, path
    assert "added 0 categories, 0 post_tags, 0 posts, 0 tags, 0 users" in seedc("capture", "--root", root, "--database", live).stdout


def test_postgres_relations_survive_a_rebuild(tmp_path, pg_databases):
    live = pg_databases(tables=False)
    pg_run(live, POSTGRES_SCHEMA + LIVE_ROWS)
    expected = pg_content(live)
    root, _ = capture(tmp_path, live)
    check_content(root)
    assert "0 inserted, 0 updated" in seedc("apply", "--root", root, "--database", live).stdout

    def fresh():
        url = pg_databases(tables=False)
        pg_run(url, POSTGRES_SCHEMA + APP_ROWS)
        return url

    databases = {"seedc apply": fresh(), "psql": fresh(), "seed_initial_data.py": fresh()}
    seedc("apply", "--root", root, "--database", databases["seedc apply"])
    subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", databases["psql"], "-f", str(root / "seeds" / "postgres.sql")], check=True)
    subprocess.run([sys.executable, str(root / "seeds" / "seed_initial_data.py"), databases["seed_initial_data.py"]], check=True, capture_output=True)
    assert_rebuilt(root, live, databases, pg_content, expected)


def test_capture_names_dangling_references(tmp_path):
    live = tmp_path / "live.db"
    connection = sqlite3.connect(live)
    connection.executescript(SCHEMA + LIVE_ROWS)
    connection.close()
    root, _ = capture(tmp_path, live)
    connection = sqlite3.connect(live)
    # A post whose category row is gone (foreign keys are off by default in sqlite3).
    connection.executescript("INSERT INTO posts (id, slug, author_id, category_id) VALUES (9, 'orphan', 2, 77);")
    connection.close()
    result = seedc("capture", "--root", root, "--database", live)
    assert 'posts "orphan": category_id references a categories row that is not there: left out' in result.stderr
    assert "- slug: orphan\n        author_id: amy@example.org\n" in (root / "content.yaml").read_text()


@pytest.mark.parametrize("values, expected", [(["10", "9", "100"], ["9", "10", "100"])])
def test_capture_lists_integer_keys_in_number_order(tmp_path, values, expected):
    live = tmp_path / "live.db"
    connection = sqlite3.connect(live)
    connection.executescript("CREATE TABLE things (code INTEGER PRIMARY KEY, label TEXT);"
                             + "".join("INSERT INTO things VALUES (%s, 'x');" % v for v in values))
    connection.close()
    root, _ = capture(tmp_path, live)
    codes = [record["code"] for record in yaml.safe_load((root / "content.yaml").read_text())["seed"]["records"]["things"]]
    assert codes == [int(v) for v in expected]
