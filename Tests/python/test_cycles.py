"""A cycle between tables through a reference that may be NULL (users.team_id ->
teams, teams.owner_id -> users): rows go in without it, and a second pass sets it once
every row is in, on every path, with foreign keys enforced. A cycle whose every
reference is required is refused, naming its columns."""

import sqlite3
import subprocess
import sys

from conftest import seedc
from roundtrip import content_dump, pg_run

SCHEMA = """
CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE, team_id INTEGER REFERENCES teams (id));
CREATE TABLE teams (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, owner_id INTEGER NOT NULL REFERENCES users (id));
"""
POSTGRES_SCHEMA = """
CREATE TABLE users (id serial PRIMARY KEY, email text NOT NULL UNIQUE, team_id integer);
CREATE TABLE teams (id serial PRIMARY KEY, name text NOT NULL UNIQUE, owner_id integer NOT NULL REFERENCES users (id));
ALTER TABLE users ADD FOREIGN KEY (team_id) REFERENCES teams (id);
"""
ROWS = """
INSERT INTO users (id, email) VALUES (7, 'zed@example.org'), (3, 'amy@example.org'), (5, 'solo@example.org');
INSERT INTO teams (id, name, owner_id) VALUES (2, 'red', 7), (9, 'blue', 3);
UPDATE users SET team_id = 9 WHERE id = 7;
UPDATE users SET team_id = 2 WHERE id = 3;
"""
APP_ROWS = "INSERT INTO users (email) VALUES ('app@example.org'); INSERT INTO teams (name, owner_id) VALUES ('app-team', 1);"


def capture(tmp_path, url):
    root = tmp_path / "content"
    root.mkdir()
    (root / "content.yaml").write_text("title: teams\n")
    seedc("init", "--root", root, "--database", url)
    seedc("capture", "--root", root, "--database", url)
    seedc("build", "--root", root)
    return root


def without_app(dump):
    return {table: [row for row in rows if not any("app" in str(value) for value in row)] for table, rows in dump.items()}


def test_sqlite_cycle_through_a_nullable_reference(tmp_path):
    live = tmp_path / "live.db"
    connection = sqlite3.connect(live)
    connection.executescript(SCHEMA + ROWS)
    connection.close()
    root = capture(tmp_path, live)
    text = (root / "content.yaml").read_text()
    assert "team_id: blue" in text and "owner_id: amy@example.org" in text
    expected = content_dump(root, live)

    def fresh(name):
        path = tmp_path / ("%s.db" % name)
        connection = sqlite3.connect(path)
        connection.execute("PRAGMA foreign_keys = ON")
        connection.executescript(SCHEMA + APP_ROWS)
        connection.close()
        return path

    databases = [fresh("apply"), fresh("script"), fresh("module")]
    seedc("apply", "--root", root, "--database", databases[0])
    subprocess.run(["sqlite3", "-bail", str(databases[1])], input="PRAGMA foreign_keys = ON;\n" + (root / "seeds" / "sqlite.sql").read_text(),
                   text=True, check=True)
    code = ("import sqlite3, sys; sys.path.insert(0, %r); from seed_initial_data import seed_initial_data\n"
            "c = sqlite3.connect(%r); c.execute('PRAGMA foreign_keys = ON'); seed_initial_data(c); c.close()") % (str(root / "seeds"), str(databases[2]))
    subprocess.run([sys.executable, "-c", code], check=True)
    for database in databases:
        assert without_app(content_dump(root, database)) == expected, database
        assert "nothing to do" in seedc("plan", "--root", root, "--database", database).stdout, database


def test_postgres_cycle_through_a_nullable_reference(tmp_path, pg_databases):
    live = pg_databases(tables=False)
    pg_run(live, POSTGRES_SCHEMA + ROWS)
    root = capture(tmp_path, live)
    expected = content_dump(root, live)

    def fresh():
        url = pg_databases(tables=False)
        pg_run(url, POSTGRES_SCHEMA + APP_ROWS)
        return url

    databases = [fresh(), fresh(), fresh()]
    seedc("apply", "--root", root, "--database", databases[0])
    subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", databases[1], "-f", str(root / "seeds" / "postgres.sql")], check=True)
    subprocess.run([sys.executable, str(root / "seeds" / "seed_initial_data.py"), databases[2]], check=True, capture_output=True)
    for url in databases:
        assert without_app(content_dump(root, url)) == expected, url
        assert "nothing to do" in seedc("plan", "--root", root, "--database", url).stdout, url


def test_a_cycle_of_required_references_is_refused(tmp_path):
    root = tmp_path / "content"
    root.mkdir()
    (root / "content.yaml").write_text("""seed:
  tables:
    users:
      key: email
      columns:
        email: text
        team_id: {type: text, required: true, references: teams.id}
    teams:
      key: name
      columns:
        name: text
        owner_id: {type: text, required: true, references: users.id}
""")
    result = seedc("check", "--root", root, check=False)
    assert result.returncode == 1
    assert ("references form a cycle through required columns: teams.owner_id -> users.team_id -> teams; make one of them not required"
            in result.stderr), result.stderr
    assert "[reference-cycle]" in result.stderr
