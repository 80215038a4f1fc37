"""The property: on any relational schema, `seedc init` -> `capture` -> `build`, applied
into a fresh database where the app has already made rows (so every id the database
hands out is shifted), gives back the same rows through each of the five paths,
compared by content with every reference followed to its target's natural key. A
second capture then adds nothing, and `plan` has nothing to do.

Schemas are random: tables in a DAG, each with an id the database assigns and a
natural key (one text column, or two columns for tables nothing references),
references that may be NULL, self-references (trees), link tables whose primary key is
two references, and cycles: a reference that may be NULL from a table back to a later
one. Rows are inserted in a random id order with foreign keys
enforced. The seed is printed on failure; SEEDC_PROPERTY_SEED replays one."""

import os
import random
import sqlite3
import string
import subprocess
import sys

import psycopg2
import pytest

from conftest import seedc
from roundtrip import content_dump, pg_run

SEED = int(os.environ.get("SEEDC_PROPERTY_SEED", "20261206"))
SCHEMAS = 6
TEXT = string.ascii_letters + string.digits + " '\"-_:#✚🌀é"


def text(rng, length=8):
    return "".join(rng.choice(TEXT) for _ in range(rng.randint(1, length)))


class Table:
    def __init__(self, name):
        self.name = name
        self.columns = []      # (name, sql type, not null)
        self.references = []   # (column, target table, not null)
        self.composite = False
        self.link = None       # (a column, b column) for a link table
        self.back = []         # (column, later table): references closing a cycle, NULL allowed
        self.rows = []         # dicts by column (ids by "id")


def random_schema(rng):
    tables = []
    for index in range(rng.randint(2, 5)):
        table = Table("t%d_%s" % (index, rng.choice(["items", "nodes", "Things", "odd name"])))
        single = [t for t in tables if not t.composite and not t.link]
        if len(single) >= 2 and rng.random() < 0.3:
            a, b = rng.sample(single, 2)
            table.link = ("%s_id" % a.name.split("_")[0], "%s_id" % b.name.split("_")[0])
            table.references = [(table.link[0], a, True), (table.link[1], b, True)]
            table.columns = [("note", "TEXT", False)]
            tables.append(table)
            continue
        table.composite = index > 0 and rng.random() < 0.25
        table.columns = [("k", "TEXT", True)] + ([("k2", "INTEGER", True)] if table.composite else []) + [("v", "TEXT", False), ("n", "BIGINT", False)]
        for target in rng.sample(single, min(len(single), rng.randint(0, 2))):
            table.references.append(("ref_%s" % target.name.split("_")[0], target, rng.random() < 0.4))
        if not table.composite and rng.random() < 0.5:
            table.references.append(("parent_id", table, False))
        tables.append(table)
    # Cycles: an earlier table references a later one (NULL allowed), whose own
    # references lead back to it or not.
    single = [t for t in tables if not t.composite and not t.link]
    for _ in range(rng.randint(0, 2)):
        if len(single) >= 2:
            first, later = sorted(rng.sample(range(len(single)), 2))
            table = single[first]
            column = "back_%s" % single[later].name.split("_")[0]
            if all(c != column for c, _ in table.back):
                table.back.append((column, single[later]))
                # The later table references the earlier one: a cycle.
                if all(target is not table for _, target, _ in single[later].references):
                    single[later].references.append(("ref_%s" % table.name.split("_")[0], table, rng.random() < 0.5))
    # Nothing references a table with a two-column key: a reference goes by one column.
    return tables


def ddl(tables, engine):
    statements = []
    for table in tables:
        quoted = '"%s"' % table.name
        parts = [] if table.link else ["id %s PRIMARY KEY" % ("INTEGER" if engine == "sqlite" else "serial")]
        parts += ['"%s" %s%s' % (name, kind, " NOT NULL" if not_null else "") for name, kind, not_null in table.columns]
        for column, target, not_null in table.references:
            parts.append('"%s" INTEGER%s REFERENCES "%s" (id)' % (column, " NOT NULL" if not_null else "", target.name))
        for column, target in table.back:
            # SQLite takes a reference to a table made later; PostgreSQL adds it after.
            parts.append('"%s" INTEGER%s' % (column, ' REFERENCES "%s" (id)' % target.name if engine == "sqlite" else ""))
        if table.link:
            parts.append('PRIMARY KEY ("%s", "%s")' % table.link)
        elif table.composite:
            parts.append('UNIQUE ("k", "k2")')
        else:
            parts.append('UNIQUE ("k")')
        statements.append("CREATE TABLE %s (%s)" % (quoted, ", ".join(parts)))
    if engine != "sqlite":
        statements += ['ALTER TABLE "%s" ADD FOREIGN KEY ("%s") REFERENCES "%s" (id)' % (table.name, column, target.name)
                       for table in tables for column, target in table.back]
    return ";\n".join(statements) + ";\n"


def fill(rng, tables):
    """Rows for every table, ids unique and in a random order, parents before children;
    then the references closing cycles."""
    fill_rows(rng, tables)
    for table in tables:
        for column, target in table.back:
            for row in table.rows:
                row[column] = rng.choice(target.rows)["id"] if rng.random() < 0.7 else None


def fill_rows(rng, tables):
    for table in tables:
        count = rng.randint(3, 9)
        ids = rng.sample(range(1, 500), count)
        keys = set()
        for position, id_ in enumerate(ids):
            row = {} if table.link else {"id": id_}
            if table.link:
                a, b = table.references[0][1], table.references[1][1]
                pair = (rng.choice(a.rows)["id"], rng.choice(b.rows)["id"])
                if pair in keys:
                    continue
                keys.add(pair)
                row[table.link[0]], row[table.link[1]] = pair
                row["note"] = text(rng) if rng.random() < 0.7 else None
                table.rows.append(row)
                continue
            while True:
                key = (text(rng, 6),) + ((rng.randint(-5, 5),) if table.composite else ())
                if key not in keys:
                    break
            keys.add(key)
            row["k"] = key[0]
            if table.composite:
                row["k2"] = key[1]
            row["v"] = text(rng, 12) if rng.random() < 0.8 else None
            row["n"] = rng.randint(-10**12, 10**12) if rng.random() < 0.7 else None
            for column, target, not_null in table.references:
                if target is table:
                    earlier = table.rows
                    row[column] = rng.choice(earlier)["id"] if earlier and rng.random() < 0.7 else None
                else:
                    row[column] = rng.choice(target.rows)["id"] if not_null or rng.random() < 0.7 else None
            table.rows.append(row)


def inserts(tables, app=False):
    """INSERT statements of the rows (or, for `app`, a row per table made by the app)."""
    statements = []
    for table in tables:
        if app:
            if table.link:
                continue
            row = {"k": "app-" + table.name, "v": "made in the app"}
            if table.composite:
                row["k2"] = 0
            for column, target, not_null in table.references:
                if not_null:
                    row[column] = 1  # the app's own row of that table: the first id handed out
            rows = [row]
        else:
            rows = table.rows
        for row in rows:
            row = {name: value for name, value in row.items() if name not in dict(table.back)}
            names = ", ".join('"%s"' % name for name in row)
            values = ", ".join("NULL" if value is None else str(value) if isinstance(value, int) else "'%s'" % value.replace("'", "''") for value in row.values())
            statements.append('INSERT INTO "%s" (%s) VALUES (%s);' % (table.name, names, values))
    # References closing a cycle are set once every row is in, as the app would.
    for table in tables if not app else []:
        for row in table.rows:
            for column, _ in table.back:
                if row.get(column) is not None:
                    statements.append('UPDATE "%s" SET "%s" = %d WHERE id = %d;' % (table.name, column, row[column], row["id"]))
    return "\n".join(statements) + "\n"


def app_row(row):
    return any(isinstance(value, str) and ("app-" in value or "made in the app" in value) for value in row)


def check(root, live, fresh_databases, apply_paths):
    expected = content_dump(root, live)
    for path, database in fresh_databases.items():
        apply_paths[path](database)
        got = {table: [row for row in rows if not app_row(row)] for table, rows in content_dump(root, database).items()}
        assert got == expected, path
        assert "nothing to do" in seedc("plan", "--root", root, "--database", database).stdout, path
    assert ", 0 " in seedc("capture", "--root", root, "--database", live, "--dry-run").stdout.replace("added", "")


def capture(root, url):
    root.mkdir()
    (root / "content.yaml").write_text("title: property\n")
    seedc("init", "--root", root, "--database", url)
    seedc("capture", "--root", root, "--database", url)
    seedc("build", "--root", root)
    # A second capture adds nothing.
    second = seedc("capture", "--root", root, "--database", url).stdout
    assert all(part.startswith("0 ") for part in second.split("added ", 1)[1].strip().split(", ")), second


@pytest.mark.parametrize("number", range(SCHEMAS))
def test_sqlite_relations_property(tmp_path, number):
    rng = random.Random(SEED * 100 + number)
    tables = random_schema(rng)
    fill(rng, tables)
    schema = ddl(tables, "sqlite")
    live = tmp_path / "live.db"
    connection = sqlite3.connect(live)
    connection.execute("PRAGMA foreign_keys = ON")
    connection.executescript(schema + inserts(tables))
    connection.close()
    root = tmp_path / "content"
    try:
        capture(root, live)

        def fresh(name):
            path = tmp_path / ("%s.db" % name)
            connection = sqlite3.connect(path)
            connection.execute("PRAGMA foreign_keys = ON")
            connection.executescript(schema + inserts(tables, app=True))
            connection.close()
            return path

        def script(path):
            subprocess.run(["sqlite3", "-bail", str(path)], input="PRAGMA foreign_keys = ON;\n" + (root / "seeds" / "sqlite.sql").read_text(),
                           text=True, check=True, capture_output=True)

        def module(path):
            code = ("import sqlite3, sys; sys.path.insert(0, %r); from seed_initial_data import seed_initial_data\n"
                    "c = sqlite3.connect(%r); c.execute('PRAGMA foreign_keys = ON'); seed_initial_data(c); c.close()") % (str(root / "seeds"), str(path))
            subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)

        check(root, live, {"seedc apply": fresh("apply"), "sqlite3 script": fresh("script"), "seed_initial_data.py": fresh("module")},
              {"seedc apply": lambda path: seedc("apply", "--root", root, "--database", path), "sqlite3 script": script, "seed_initial_data.py": module})
    except AssertionError as failure:
        raise AssertionError("seed %d, schema %d:\n%s\n%s" % (SEED, number, schema, failure)) from None


@pytest.mark.parametrize("number", range(SCHEMAS))
def test_postgres_relations_property(tmp_path, pg_databases, number):
    rng = random.Random(SEED * 100 + number)
    tables = random_schema(rng)
    fill(rng, tables)
    schema = ddl(tables, "postgres")
    live = pg_databases(tables=False)
    pg_run(live, schema + inserts(tables))
    root = tmp_path / "content"
    try:
        capture(root, live)

        def fresh():
            url = pg_databases(tables=False)
            pg_run(url, schema + inserts(tables, app=True))
            return url

        def script(url):
            subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", url, "-f", str(root / "seeds" / "postgres.sql")], check=True, capture_output=True)

        def module(url):
            subprocess.run([sys.executable, str(root / "seeds" / "seed_initial_data.py"), url], check=True, capture_output=True)

        check(root, live, {"seedc apply": fresh(), "psql": fresh(), "seed_initial_data.py": fresh()},
              {"seedc apply": lambda url: seedc("apply", "--root", root, "--database", url), "psql": script, "seed_initial_data.py": module})
    except (AssertionError, psycopg2.Error, subprocess.CalledProcessError) as failure:
        raise AssertionError("seed %d, schema %d:\n%s\n%s" % (SEED, number, schema, failure)) from None
