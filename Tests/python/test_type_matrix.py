"""Every column type seedc init can meet, on each engine, with values at its edges
(empty, NUL bytes, every byte, the largest precision, time zones): capture then apply
onto the live database changes nothing, and the content applied into a fresh copy of
the schema through each of the five paths gives the live database's exact dump."""

import re
import sqlite3

import pytest
import yaml

from conftest import seedc
from roundtrip import assert_identity, capture_content, content_dump, pg_dump, pg_run, postgres_paths, sqlite_dump, sqlite_paths

EVERY_BYTE = bytes(range(256))

SQLITE_SCHEMA = """
CREATE TABLE matrix (
  id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,
  picture BLOB, amount NUMERIC, price DECIMAL(10,2), ratio REAL,
  born DATE, day DATETIME, moment DATETIME, stamp TIMESTAMP, flag BOOLEAN, note TEXT
)
"""

# name, picture, amount, price, ratio, born, day (date only), moment (seconds),
# stamp (T, milliseconds, Z), flag, note
SQLITE_ROWS = [
    ("every byte", EVERY_BYTE, 12, 19.45, 0.1 + 0.2, "1968-12-08", "2016-07-04", "2021-01-01 00:00:00", "2021-01-01T23:59:59.999Z", 1, "a\u0001b"),
    ("empty", b"", 0, 0.0, 5e-324, "0001-01-01", "2016-07-05", "1999-12-31 23:59:59", "2000-02-29T00:00:00.000Z", 0, ""),
    ("nul bytes", b"\x00\x00\x00", -7, 1e20, 1.7976931348623157e308, "9999-12-31", "2024-02-29", "2024-02-29 12:00:00", "2024-02-29T12:00:00.500Z", 1, "🌀 ✚"),
    ("long text number", b"\xff" * 10000, "12345678901234567890.123456", -0.01, -1.5, None, None, None, None, None, None),
    ("nulls", None, None, None, None, None, None, None, None, None, None),
]

POSTGRES_SCHEMA = """
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy', 'quoted "one"');
CREATE TABLE matrix (
  id serial PRIMARY KEY, name text NOT NULL UNIQUE,
  picture bytea, amount numeric(20,6), plain numeric, u uuid, doc jsonb, raw json, tags text[], feeling mood,
  at timestamptz, clock time, span interval, cash money, day date, moment timestamp, ratio double precision, flag boolean
)
"""

POSTGRES_ROWS = [
    ("every byte", EVERY_BYTE, "99999999999999.999999", "3.14159265358979323846264338327950288419716939937510", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",
     '{"b": [1, 2.50, {"c": null}], "a": "x\\u0001y"}', '{ "spaced" :  1 }', '{a,"b c",NULL,"q\\"uote"}', 'quoted "one"',
     "2021-01-01 05:30:00.123456+05:30", "23:59:59.999999", "1 year 2 mons 3 days 04:05:06.789", "1234.56", "2016-07-04", "2021-01-01 00:00:00", 0.1 + 0.2, True),
    ("empty", b"", "0", "0", "00000000-0000-0000-0000-000000000000", "{}", "null", "{}", "sad",
     "1970-01-01 00:00:00+00", "00:00", "-1 day", "-0.01", "0001-01-01", "2000-02-29 23:59:59.999999", 5e-324, False),
    ("zones", b"\x00\x00", "-0.000001", "1e-20", "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A12", '"ünïcode 🌀"', '{"a":1,"a":2}', '{{1,2},{3,4}}', "happy",
     "2024-02-29 23:30:00-09:30", "12:00:00", "P1Y2M", "0", "2024-02-29", "1999-12-31 23:59:59.5", -1.7976931348623157e308, None),
    ("nulls",) + (None,) * 16,
]


def fill_sqlite(path):
    connection = sqlite3.connect(path)
    connection.executescript(SQLITE_SCHEMA)
    connection.executemany("INSERT INTO matrix (name, picture, amount, price, ratio, born, day, moment, stamp, flag, note) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", SQLITE_ROWS)
    connection.commit()
    connection.close()


def test_sqlite_type_matrix(tmp_path):
    live = tmp_path / "live.db"
    fill_sqlite(live)
    before = sqlite_dump(live)
    root = tmp_path / "content"
    capture_content(root, live)

    seed = yaml.safe_load((root / "content.yaml").read_text())["seed"]
    columns = seed["tables"]["matrix"]["columns"]
    assert columns["picture"]["type"] == "binary"
    assert columns["amount"]["type"] == columns["price"]["type"] == "decimal"
    assert columns["day"] == {"type": "datetime", "format": "YYYY-MM-DD"}
    assert columns["moment"] == {"type": "datetime", "format": "YYYY-MM-DD HH:MM:SS"}
    assert columns["stamp"] == {"type": "datetime", "format": "YYYY-MM-DDTHH:MM:SS.fffZ"}

    def fresh(name):
        path = tmp_path / ("fresh-%s.db" % name)
        connection = sqlite3.connect(path)
        connection.executescript(SQLITE_SCHEMA)
        connection.close()
        return path

    # The id is the database's own (content leaves it out): compared by content.
    assert_identity(root, live, before, sqlite_dump, sqlite_paths, fresh)


def test_postgres_type_matrix(tmp_path, pg_databases):
    live = pg_databases(tables=False)
    pg_run(live, POSTGRES_SCHEMA)
    placeholders = ", ".join(["%s"] * 17)
    import psycopg2

    connection = psycopg2.connect(live)
    with connection, connection.cursor() as cursor:
        for row in POSTGRES_ROWS:
            cursor.execute("INSERT INTO matrix (name, picture, amount, plain, u, doc, raw, tags, feeling, at, clock, span, cash, day, moment, ratio, flag) "
                           "VALUES (%s)" % placeholders, row)
    connection.close()
    before = pg_dump(live)
    root = tmp_path / "content"
    capture_content(root, live)

    columns = yaml.safe_load((root / "content.yaml").read_text())["seed"]["tables"]["matrix"]["columns"]
    assert columns["picture"]["type"] == "binary"
    assert columns["amount"]["type"] == columns["plain"]["type"] == "decimal"
    assert columns["u"] == {"type": "text", "sql_type": "uuid"}
    assert columns["doc"] == {"type": "json", "sql_type": "jsonb"}
    assert columns["tags"] == {"type": "text", "sql_type": "text[]"}
    assert columns["feeling"] == {"type": "text", "sql_type": "mood"}
    assert columns["at"] == {"type": "datetime", "format": "YYYY-MM-DD HH:MM:SS.ffffff+00:00"}
    assert columns["cash"] == {"type": "text", "sql_type": "money"}

    def fresh():
        url = pg_databases(tables=False)
        pg_run(url, POSTGRES_SCHEMA)
        return url

    assert_identity(root, live, before, pg_dump, postgres_paths, fresh)


@pytest.mark.parametrize("declared, stored, value", [("date", "text", "2016-07-04"), ("datetime", "text", "2021-01-01 00:00:00.000000"),
                                                     ("decimal", "text", "19.45"), ("integer", "text", "12")])
def test_postgres_paths_agree_when_the_live_type_differs(tmp_path, pg_databases, declared, stored, value):
    """Content declares a type, the live column stores another: every path gives the
    same rows, and a second run of each changes nothing."""
    schema = "CREATE TABLE t (id serial PRIMARY KEY, k text UNIQUE, v %s)" % stored
    root = tmp_path / "content"
    root.mkdir()
    (root / "content.yaml").write_text(
        "seed:\n  tables:\n    t:\n      key: k\n      columns:\n        k: text\n        v: %s\n"
        "  records:\n    t:\n      - {k: one, v: \"%s\"}\n" % (declared, value))
    seedc("build", "--root", root)

    def fresh():
        url = pg_databases(tables=False)
        pg_run(url, schema)
        return url

    dumps = {path: content_dump(root, url) for path, url in postgres_paths(root, fresh).items()}
    assert len({repr(d) for d in dumps.values()}) == 1, dumps
    url = fresh()
    seedc("apply", "--root", root, "--database", url)
    assert "nothing to do" in seedc("plan", "--root", root, "--database", url).stdout


def test_the_time_of_applying_is_written_in_the_columns_format(tmp_path, pg_databases):
    """`default: now` and `on_update: now` write the column's format on every path."""
    root = tmp_path / "content"
    root.mkdir()
    (root / "content.yaml").write_text(
        "seed:\n  tables:\n    t:\n      key: k\n      columns:\n        k: text\n"
        "        seen: {type: datetime, format: \"YYYY-MM-DDTHH:MM:SS.fffZ\", default: now}\n"
        "        day: {type: datetime, format: \"YYYY-MM-DD\", default: now}\n"
        "  records:\n    t:\n      - {k: one}\n")
    seedc("build", "--root", root)

    def fresh(name):
        path = tmp_path / ("%s.db" % name)
        connection = sqlite3.connect(path)
        connection.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, k TEXT, seen DATETIME, day DATETIME)")
        connection.close()
        return path

    sqlite_paths(root, fresh)
    for name in ("apply", "script", "module"):
        seen, day = sqlite3.connect(tmp_path / ("%s.db" % name)).execute("SELECT seen, day FROM t").fetchone()
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", seen), (name, seen)
        assert re.fullmatch(r"\d{4}-\d\d-\d\d", day), (name, day)

    def fresh_pg():
        url = pg_databases(tables=False)
        pg_run(url, "CREATE TABLE t (id serial PRIMARY KEY, k text, seen timestamptz, day date)")
        return url

    for path, url in postgres_paths(root, fresh_pg).items():
        [(key, seen, day)] = content_dump(root, url)["t"]
        assert key == "one" and seen is not None and day is not None, (path, seen, day)


def test_capture_refuses_rows_that_mix_formats(tmp_path):
    live = tmp_path / "live.db"
    connection = sqlite3.connect(live)
    connection.executescript("CREATE TABLE t (id INTEGER PRIMARY KEY, k TEXT UNIQUE, at DATETIME);"
                             "INSERT INTO t (k, at) VALUES ('a', '2021-01-01 00:00:00'), ('b', '2021-01-02 00:00:00'), ('c', '2021-01-03');")
    connection.close()
    root = tmp_path / "content"
    root.mkdir()
    (root / "content.yaml").write_text("title: x\n")
    init = seedc("init", "--root", root, "--database", live)
    assert init.returncode == 0
    content = (root / "content.yaml").read_text()
    assert 'at: {type: datetime, format: "YYYY-MM-DD HH:MM:SS"}  # seedc init: rows mix formats (YYYY-MM-DD HH:MM:SS, YYYY-MM-DD)' in content
    capture = seedc("capture", "--root", root, "--database", live, check=False)
    assert capture.returncode == 1
    assert 't "c".at: "2021-01-03" is not stored in the column\'s format YYYY-MM-DD HH:MM:SS (YYYY-MM-DD)' in capture.stderr
    assert (root / "content.yaml").read_text() == content, "nothing is written"
