"""seeds/postgres.sql on a real PostgreSQL server, through psql."""

import subprocess

import psycopg2
import sqlalchemy

from expectations import check_rows

TABLES = ("sectors", "users", "announcements", "whatsapp_groups", "contacts", "links", "resources")


def apply(url, script):
    subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", url, "-f", str(script)], check=True, stdout=subprocess.DEVNULL)


def snapshot(url):
    """Every row with its xmin: a row that was rewritten gets a new xmin."""
    connection = psycopg2.connect(url)
    try:
        with connection.cursor() as cursor:
            rows = {}
            for table in TABLES:
                cursor.execute('SELECT xmin::text, * FROM "%s" ORDER BY id' % table)
                rows[table] = cursor.fetchall()
            return rows
    finally:
        connection.close()


def test_twice_changes_nothing(hub, pg_url):
    script = hub / "seeds" / "postgres.sql"
    apply(pg_url, script)
    first = snapshot(pg_url)
    apply(pg_url, script)
    assert snapshot(pg_url) == first
    check_rows(sqlalchemy.create_engine(pg_url.replace("postgresql://", "postgresql+psycopg2://")))


def test_edit_changes_exactly_the_edited_row(hub, pg_url):
    script = hub / "seeds" / "postgres.sql"
    apply(pg_url, script)
    before = snapshot(pg_url)
    content = hub / "content.yaml"
    content.write_text(content.read_text().replace("Coordinator", "Parish Coordinator"))
    from conftest import seedc

    seedc("build", "--root", hub)
    apply(pg_url, script)
    after = snapshot(pg_url)
    changed = [(table, a[1]) for table in TABLES for a, b in zip(after[table], before[table]) if a != b]
    sandra = next(row[1] for row in before["contacts"] if row[2] == "Sandra Campbell")
    assert changed == [("contacts", sandra)]
    assert len(after["contacts"]) == len(before["contacts"])
