"""A table that references itself (a category tree, an employee's manager) is no
cycle: its rows are applied parents first on every path, with the database checking
each foreign key, even when a parent sorts after its child by key and roots leave
the reference out (another batch shape)."""

import sqlite3
import subprocess
import sys

import pytest

from conftest import seedc
from roundtrip import content_dump, pg_run

CONTENT = """seed:
  tables:
    categories:
      key: slug
      columns:
        slug: {type: text, required: true}
        parent: {type: text, references: categories.slug}
        title: text
  records:
    categories:
%s
"""

# Each child sorts before its parent by key; the root has no parent field at all.
RECORDS = [("a-leaf", "m-branch", "Leaf"), ("b-leaf", "m-branch", "Other leaf"), ("m-branch", "z-root", "Branch"),
           ("n-branch", "z-root", None), ("z-root", None, "Root")]

SQLITE_SCHEMA = "CREATE TABLE categories (id INTEGER PRIMARY KEY, slug TEXT NOT NULL UNIQUE, parent TEXT REFERENCES categories(slug), title TEXT)"
POSTGRES_SCHEMA = "CREATE TABLE categories (id serial PRIMARY KEY, slug text NOT NULL UNIQUE, parent text REFERENCES categories(slug), title text)"


@pytest.fixture
def root(tmp_path):
    items = []
    for slug, parent, title in RECORDS:
        fields = ["slug: %s" % slug] + (["parent: %s" % parent] if parent else []) + (["title: %s" % title] if title else [])
        items.append("      - {%s}" % ", ".join(fields))
    root = tmp_path / "content"
    root.mkdir()
    (root / "content.yaml").write_text(CONTENT % "\n".join(items))
    seedc("build", "--root", root)
    return root


def expected():
    return sorted((slug, parent, title) for slug, parent, title in RECORDS)


def test_sqlite_paths_with_foreign_keys_on(root, tmp_path):
    def fresh(name):
        path = tmp_path / ("%s.db" % name)
        connection = sqlite3.connect(path)
        connection.execute(SQLITE_SCHEMA)
        connection.close()
        return path

    databases = [fresh("apply"), fresh("script"), fresh("module")]
    seedc("apply", "--root", root, "--database", databases[0])  # GRDB enforces foreign keys
    script = (root / "seeds" / "sqlite.sql").read_text()
    subprocess.run(["sqlite3", "-bail", str(databases[1])], input="PRAGMA foreign_keys = ON;\n" + script, text=True, check=True)
    module = "import sqlite3, sys; sys.path.insert(0, %r); from seed_initial_data import seed_initial_data\n" \
             "c = sqlite3.connect(%r); c.execute('PRAGMA foreign_keys = ON'); seed_initial_data(c)" % (str(root / "seeds"), str(databases[2]))
    subprocess.run([sys.executable, "-c", module], check=True)
    for database in databases:
        connection = sqlite3.connect(database)
        assert sorted(connection.execute("SELECT slug, parent, title FROM categories")) == expected(), database
        connection.close()
    assert content_dump(root, databases[0]) == content_dump(root, databases[1]) == content_dump(root, databases[2])


def test_postgres_paths(root, pg_databases):
    def fresh():
        url = pg_databases(tables=False)
        pg_run(url, POSTGRES_SCHEMA)
        return url

    databases = [fresh(), fresh(), fresh()]
    seedc("apply", "--root", root, "--database", databases[0])
    subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", databases[1], "-f", str(root / "seeds" / "postgres.sql")], check=True)
    subprocess.run([sys.executable, str(root / "seeds" / "seed_initial_data.py"), databases[2]], check=True, capture_output=True)
    dumps = [content_dump(root, url) for url in databases]
    assert dumps[0] == dumps[1] == dumps[2]
    assert len(dumps[0]["categories"]) == len(RECORDS)


def test_rows_go_parents_first_in_the_script(root):
    script = (root / "seeds" / "sqlite.sql").read_text()
    positions = {slug: script.index("'%s'" % slug) for slug, _, _ in RECORDS}
    assert positions["z-root"] < positions["m-branch"] < positions["a-leaf"]
    assert positions["m-branch"] < positions["b-leaf"]
