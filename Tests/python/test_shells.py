"""Values reach the database byte for byte through the documented shells reading the
scripts from standard input: `sqlite3 -bail app.db < seeds/sqlite.sql` and
`psql -v ON_ERROR_STOP=1 URL < seeds/postgres.sql` (and `-f`). The sqlite3 shell drops
a carriage return that ends an input line even inside a string literal; seedc writes
control characters as char(n)/chr(n) so no shell sees one raw. The strings are
random from a seed, printed with a failure; SEEDC_TEST_SEED=N replays one."""

import os
import random
import sqlite3
import subprocess

import psycopg2
import pytest

from conftest import seedc

COUNT = 300
SEED = int(os.environ.get("SEEDC_TEST_SEED", "20251028"))
# Pieces that shells, comments and quoting treat specially.
PIECES = ["\r\n", "\r", "\n", "\r\r\n", "\t", "'", "''", '"', "\\", "\\\\", "%", "%s", "%(x)s", ";", "--", "/*", "*/", ":x", ":'x'",
          "\\.", "\\!", "\\q", "\\i /etc/passwd", ".shell echo hi", ".quit", "go", "/", "$$", "E'", "\u2028", "\u2029", "\u0085",
          "\ufeff", "é", "🌀", " ", "DROP TABLE users; --", "BEGIN;", "COMMIT;"]


def hostile(rng):
    """A random string: special pieces, every C0 control but NUL, DEL, and ordinary text."""
    parts = []
    for _ in range(rng.randint(1, 12)):
        kind = rng.random()
        if kind < 0.45:
            parts.append(rng.choice(PIECES))
        elif kind < 0.7:
            parts.append(chr(rng.choice(list(range(1, 32)) + [127])))
        else:
            parts.append("".join(rng.choice("abc xyz.-") for _ in range(rng.randint(1, 6))))
    # A line that starts with a dot or a backslash is a shell command outside a literal.
    if rng.random() < 0.3:
        parts.insert(0, rng.choice(["\n.", "\n\\", "\r\n."]))
    return "".join(parts)


def yaml_quoted(text):
    out = '"'
    for ch in text:
        code = ord(ch)
        if ch == '"':
            out += '\\"'
        elif ch == "\\":
            out += "\\\\"
        elif code < 0x20 or 0x7F <= code < 0xA0:
            out += "\\x%02X" % code
        elif code in (0x2028, 0x2029, 0xFEFF):
            out += "\\u%04X" % code
        else:
            out += ch
    return out + '"'


@pytest.fixture(scope="module")
def strings():
    print("random strings from seed %d (SEEDC_TEST_SEED replays it)" % SEED)
    rng = random.Random(SEED)
    return ["%03d %s" % (i, hostile(rng)) for i in range(COUNT)]


@pytest.fixture
def built(tmp_path, strings):
    root = tmp_path / "site"
    root.mkdir()
    lines = ["seed:", "  tables:", "    notes: {key: k, columns: {k: text, body: text}}", "  records:", "    notes:"]
    for i, text in enumerate(strings):
        # Hostile keys too: they reach the ledger and the statements' key matching.
        lines.append("      - {k: %s, body: %s}" % (yaml_quoted(text), yaml_quoted(text[::-1])))
    (root / "content.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    seedc("build", "--root", root)
    return root / "seeds"


def expected(strings):
    return sorted((text, text[::-1]) for text in strings)


def test_sqlite3_shell_from_stdin(built, strings, tmp_path):
    path = tmp_path / "app.db"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, k TEXT, body TEXT)")
    connection.commit()
    connection.close()
    for _ in range(2):  # the second run changes nothing
        with open(built / "sqlite.sql", "rb") as stdin:
            subprocess.run(["sqlite3", "-bail", str(path)], stdin=stdin, check=True, capture_output=True)
    connection = sqlite3.connect(path)
    got = sorted(connection.execute("SELECT k, body FROM notes").fetchall())
    assert len(got) == COUNT
    altered = [(a, b) for a, b in zip(got, expected(strings)) if a != b]
    assert not altered, "%d values altered, e.g. %r" % (len(altered), altered[:2])
    keys = sorted(row[0] for row in connection.execute("SELECT natural_key FROM seedc_ledger WHERE table_name = 'notes'"))
    assert keys == sorted(strings)


@pytest.mark.parametrize("how", ["stdin", "file"])
def test_psql_shell(built, strings, pg_databases, how):
    url = pg_databases(tables=False)
    with psycopg2.connect(url) as connection, connection.cursor() as cursor:
        cursor.execute("CREATE TABLE notes (id SERIAL PRIMARY KEY, k TEXT, body TEXT)")
    script = built / "postgres.sql"
    for _ in range(2):
        if how == "stdin":
            with open(script, "rb") as stdin:
                subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", url], stdin=stdin, check=True, capture_output=True)
        else:
            subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", url, "-f", str(script)], check=True, capture_output=True)
    with psycopg2.connect(url) as connection, connection.cursor() as cursor:
        cursor.execute("SELECT k, body FROM notes")
        got = sorted(cursor.fetchall())
    connection.close()
    assert len(got) == COUNT
    altered = [(a, b) for a, b in zip(got, expected(strings)) if a != b]
    assert not altered, "%d values altered, e.g. %r" % (len(altered), altered[:2])


@pytest.mark.parametrize("engine", ["sqlite", "postgresql"])
def test_apply_binds_the_same_bytes(built, strings, pg_databases, tmp_path, engine):
    """`seedc apply` binds each value straight from the planned rows' bytes: the rows
    and ledger keys it writes are the ones the scripts write, byte for byte."""
    root = built.parent
    if engine == "sqlite":
        url = str(tmp_path / "apply.db")
        connection = sqlite3.connect(url)
        connection.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, k TEXT, body TEXT)")
        connection.commit()
        connection.close()
    else:
        url = pg_databases(tables=False)
        with psycopg2.connect(url) as connection, connection.cursor() as cursor:
            cursor.execute("CREATE TABLE notes (id SERIAL PRIMARY KEY, k TEXT, body TEXT)")
        connection.close()
    seedc("apply", "--root", root, "--database", url)
    second = seedc("apply", "--root", root, "--database", url)
    assert "up to date" in second.stdout + second.stderr
    query = ["SELECT k, body FROM notes", "SELECT natural_key FROM seedc_ledger WHERE table_name = 'notes'"]
    if engine == "sqlite":
        connection = sqlite3.connect(url)
        got, keys = (connection.execute(q).fetchall() for q in query)
    else:
        with psycopg2.connect(url) as connection, connection.cursor() as cursor:
            cursor.execute(query[0])
            got = cursor.fetchall()
            cursor.execute(query[1])
            keys = cursor.fetchall()
    connection.close()
    altered = [(a, b) for a, b in zip(sorted(got), expected(strings)) if a != b]
    assert len(got) == COUNT and not altered, "%d values altered, e.g. %r" % (len(altered), altered[:2])
    assert sorted(key for (key,) in keys) == sorted(strings)
