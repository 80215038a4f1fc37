"""seeds/sqlite.sql on a real SQLite file, through the sqlite3 command-line shell."""

import sqlite3
import subprocess

import sqlalchemy

from expectations import check_rows


def apply(database, script):
    with open(script, "rb") as stdin:
        subprocess.run(["sqlite3", "-bail", str(database)], stdin=stdin, check=True)


def dump(database):
    connection = sqlite3.connect(database)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def changes(database, script):
    """Rows inserted, updated or deleted by running the script once."""
    connection = sqlite3.connect(database, isolation_level=None)
    try:
        before = connection.total_changes
        connection.executescript(script.read_text())
        return connection.total_changes - before
    finally:
        connection.close()


def test_twice_changes_nothing(hub, sqlite_path):
    script = hub / "seeds" / "sqlite.sql"
    apply(sqlite_path, script)
    first = dump(sqlite_path)
    apply(sqlite_path, script)
    assert dump(sqlite_path) == first
    assert changes(sqlite_path, script) == 0
    check_rows(sqlalchemy.create_engine("sqlite:///%s" % sqlite_path))


def test_edit_changes_exactly_the_edited_row(hub, sqlite_path):
    script = hub / "seeds" / "sqlite.sql"
    assert changes(sqlite_path, script) > 0
    content = hub / "content.yaml"
    content.write_text(content.read_text().replace("no duplicate targeting", "no double targeting"))
    from conftest import seedc

    seedc("build", "--root", hub)
    # The edited row, and its value hash in seedc_ledger.
    assert changes(sqlite_path, script) == 2
    assert changes(sqlite_path, script) == 0
    connection = sqlite3.connect(sqlite_path)
    (description,) = connection.execute("SELECT description FROM whatsapp_groups WHERE name = 'Food Security Working Group'").fetchone()
    assert description == "Distribution plans by parish (no double targeting)."
    assert connection.execute("SELECT count(*) FROM whatsapp_groups").fetchone() == (4,)


def test_rows_added_in_the_app_are_left_alone(hub, sqlite_path):
    """Rows the app made, one of them with a seeded record's name, keep every value."""
    connection = sqlite3.connect(sqlite_path)
    connection.execute("INSERT INTO whatsapp_groups (name, sector, description, link) VALUES ('Made in app', 'Shelter', 'x', 'https://chat.whatsapp.com/app'), "
                       "('WASH Coordination', 'Health', 'the app''s own', 'https://chat.whatsapp.com/app2')")
    connection.commit()
    app_rows = connection.execute("SELECT * FROM whatsapp_groups ORDER BY id").fetchall()
    connection.close()
    apply(sqlite_path, hub / "seeds" / "sqlite.sql")
    connection = sqlite3.connect(sqlite_path)
    assert connection.execute("SELECT * FROM whatsapp_groups WHERE id <= 2 ORDER BY id").fetchall() == app_rows
    assert connection.execute("SELECT count(*) FROM whatsapp_groups WHERE id > 2").fetchone() == (4,)


def test_password_records_are_left_to_the_module(hub, sqlite_path):
    script = hub / "seeds" / "sqlite.sql"
    assert "ADMIN_PASSWORD" in script.read_text()
    apply(sqlite_path, script)
    connection = sqlite3.connect(sqlite_path)
    assert connection.execute("SELECT count(*) FROM users").fetchone() == (0,)
