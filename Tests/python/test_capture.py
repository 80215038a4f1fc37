"""seedc init and seedc capture against real SQLite files and a real PostgreSQL server:
records created "through the UI" become versioned content and survive a rebuild."""

import sqlalchemy

from conftest import seedc
from models import Base
from test_apply import database, rows, secrets  # noqa: F401  (fixtures shared with the apply tests)

UI_CONTACTS = [
    # name, organization, position, phone, parish, latitude, notes
    ('Dwayne "DJ" O\'Brien', "null", "no", "0755", "~", "18.2180", "Line one\nLine two: it's fine 🌀\ttab"),
    ("Yes", "Red Cross ✚", "Coordinator: field #2", "+1 876 555 0100", "St. Andrew", "-76.80", "  leading spaces"),
]


def add_through_the_ui(engine):
    with engine.begin() as connection:
        for name, org, position, phone, parish, latitude, notes in UI_CONTACTS:
            connection.execute(sqlalchemy.text(
                "INSERT INTO contacts (name, organization, position, phone, parish, latitude, notes, location_type, status, deleted, approved) "
                "VALUES (:n, :o, :p, :ph, :pa, :la, :no, 'field', 'active', FALSE, TRUE)"),
                dict(n=name, o=org, p=position, ph=phone, pa=parish, la=latitude, no=notes))
        connection.execute(sqlalchemy.text(
            "INSERT INTO contacts (name, organization, location_type, status, deleted, approved) "
            "VALUES ('Removed', 'Gone org', 'field', 'active', TRUE, TRUE)"))
        connection.execute(sqlalchemy.text(
            "INSERT INTO whatsapp_groups (name, sector, description, link, approved, deleted) "
            "VALUES ('Made in the app', 'Health', 'Ask \"first\"; then post', 'https://chat.whatsapp.com/FromTheUI', TRUE, FALSE)"))
        connection.execute(sqlalchemy.text(
            "INSERT INTO users (username, password_hash, full_name, is_admin, is_active) "
            "VALUES ('jane.doe', '$2b$12$notreallyahashnotreallyahashnotreallyahashnotreallyah', 'Jane Doe', FALSE, TRUE)"))


def content_rows(engine):
    """The rows that matter, without ids and timestamps."""
    return {
        "contacts": sorted(rows(engine, "SELECT name, organization, position, phone, parish, latitude, notes, deleted FROM contacts")),
        "whatsapp_groups": sorted(rows(engine, "SELECT name, sector, description, link FROM whatsapp_groups")),
    }


def test_capture_round_trip(hub, database):
    url, engine = database
    apply(hub, url)
    add_through_the_ui(engine)
    before = (hub / "content.yaml").read_bytes()

    dry = seedc("capture", "--root", hub, "--database", url, "--dry-run")
    assert "would add" in dry.stdout and (hub / "content.yaml").read_bytes() == before

    first = seedc("capture", "--root", hub, "--database", url)
    assert "added 0 sectors" not in first.stdout  # sectors is a markdown collection: not captured
    assert "2 contacts" in first.stdout and "1 whatsapp_groups" in first.stdout and "1 users" in first.stdout
    assert "1 deleted rows skipped" in first.stdout
    assert "USERS_JANE_DOE_PASSWORD" in first.stderr
    after = (hub / "content.yaml").read_bytes()
    assert after != before
    # Only lines were inserted: removing them gives the original bytes back.
    assert is_insertion(before, after)
    assert b"$2b$12$notreally" not in after

    seedc("build", "--root", hub)
    shown = plan(hub, url)
    assert shown.returncode == 0, shown.stdout + shown.stderr  # content equals the database

    again = seedc("capture", "--root", hub, "--database", url)
    assert "added 0 users, 0 whatsapp_groups, 0 contacts, 0 links, 0 resources" in again.stdout
    assert (hub / "content.yaml").read_bytes() == after


def test_rebuild_after_capture_brings_ui_records_back(hub, tmp_path, monkeypatch):
    """The seed document's scenario: records made in the app, captured, the disk wiped."""
    path = tmp_path / "app.db"
    engine = sqlalchemy.create_engine("sqlite:///%s" % path)
    Base.metadata.create_all(engine)
    apply(hub, "sqlite:%s" % path)
    add_through_the_ui(engine)
    expected = content_rows(engine)
    seedc("capture", "--root", hub, "--database", "sqlite:%s" % path)
    engine.dispose()
    path.unlink()

    engine = sqlalchemy.create_engine("sqlite:///%s" % path)
    Base.metadata.create_all(engine)
    monkeypatch.setenv("USERS_JANE_DOE_PASSWORD", "a new password")
    seedc("build", "--root", hub)
    apply(hub, "sqlite:%s" % path)
    apply(hub, "sqlite:%s" % path)
    got = content_rows(engine)
    removed = [row for row in expected["contacts"] if row[0] == "Removed"]
    assert got["contacts"] == [row for row in expected["contacts"] if row not in removed]
    assert got["whatsapp_groups"] == expected["whatsapp_groups"]
    assert rows(engine, "SELECT count(*) FROM users WHERE username = 'jane.doe'") == [(1,)]
    engine.dispose()


def test_into_an_include_file(hub, database):
    url, engine = database
    apply(hub, url)
    add_through_the_ui(engine)
    result = seedc("capture", "--root", hub, "--database", url, "--table", "contacts", "--into", "records/captured.yaml")
    assert "2 contacts" in result.stdout
    text = (hub / "records" / "captured.yaml").read_text()
    assert text.startswith("contacts:\n  - name: ")
    seedc("build", "--root", hub)
    assert plan(hub, url).returncode == 0


def test_odd_formatting_keeps_every_byte(hub, database):
    url, engine = database
    content = hub / "content.yaml"
    odd = content.read_text().replace("  records:\n", "  records:   # records of the hub\n\n\n", 1)
    odd = odd.replace("    contacts:\n", "    contacts:    # people to call\n", 1)
    content.write_text(odd)
    seedc("build", "--root", hub)
    apply(hub, url)
    add_through_the_ui(engine)
    before = content.read_bytes()
    seedc("capture", "--root", hub, "--database", url, "--table", "contacts")
    after = content.read_bytes()
    assert is_insertion(before, after)
    seedc("build", "--root", hub)
    assert plan(hub, url).returncode == 0


def test_init_scaffolds_a_schema_that_compiles_and_applies(database, tmp_path):
    url, engine = database
    root = tmp_path / "site"
    root.mkdir()
    original = b"# The site configuration stays as it is.\ntitle: 'Hub'   # odd spacing\n\nnavigation: [a, b]\n"
    (root / "content.yaml").write_bytes(original)
    result = seedc("init", "--root", root, "--database", url)
    assert "wrote seed.tables" in result.stdout
    written = (root / "content.yaml").read_bytes()
    assert written.startswith(original)
    text = written.decode()
    assert "    users:\n      key: username\n" in text  # the app's unique column
    assert "password_hash: {type: password, required: true" in text
    assert "created_at:" in text and "default: now" in text
    assert "is a guess at the natural key" in text  # tables without a unique column say so
    seedc("build", "--root", root)
    refused = seedc("init", "--root", root, "--database", url, check=False)
    assert refused.returncode == 1 and "--force" in refused.stderr
    assert (root / "content.yaml").read_bytes() == written
    # A fresh database of the same schema takes the (empty) content.
    fresh = tmp_path / "fresh.db"
    fresh_engine = sqlalchemy.create_engine("sqlite:///%s" % fresh)
    Base.metadata.create_all(fresh_engine)
    fresh_engine.dispose()
    assert "0 inserted" in seedc("apply", "--root", root, "--database", "sqlite:%s" % fresh).stdout


def is_insertion(before, after):
    """True when `after` is `before` with one run of whole lines inserted (per table)."""
    a, b = before.split(b"\n"), after.split(b"\n")
    i = 0
    kept = []
    for line in b:
        if i < len(a) and line == a[i]:
            kept.append(line)
            i += 1
    return i == len(a) and kept == a


def apply(hub, url, *args):
    return seedc("apply", "--root", hub, "--database", url, *args)


def plan(hub, url):
    return seedc("plan", "--root", hub, "--database", url, check=False)
