"""seedc init and seedc capture against real SQLite files and a real PostgreSQL server:
records created "through the UI" become versioned content and survive a rebuild."""

import datetime
import os
from pathlib import Path

import bcrypt
import pytest
import sqlalchemy
import yaml

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
    assert "2 contacts" in first.stdout and "1 whatsapp_groups" in first.stdout
    # Users stay in the include file that holds them, out of the public content.yaml.
    assert "1 users (in records/users.yaml)" in first.stdout
    assert "username: jane.doe\n    password_hash: {env: USERS_JANE_DOE_PASSWORD}\n" in (hub / "records" / "users.yaml").read_text()
    assert "1 deleted rows skipped" in first.stdout
    assert "USERS_JANE_DOE_PASSWORD" in first.stderr
    after = (hub / "content.yaml").read_bytes()
    assert after != before
    # Only lines were inserted, one run per table (contacts, whatsapp_groups):
    # removing them gives the original bytes back.
    assert insertion_runs(before, after) == 2
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
    assert insertion_runs(before, after) == 1
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
    assert "so it is proposed as the natural key" in text  # tables without a unique constraint say so
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


def insertion_runs(before, after):
    """The fewest runs of whole lines that, inserted into `before`, give `after` (None
    when `after` is not `before` with lines inserted): capture adds one run per table."""
    a, b = before.split(b"\n"), after.split(b"\n")
    none = len(b) + 1
    # runs[i][inserting]: fewest runs so far with a[:i] matched, after b[:j];
    # `inserting` when b[j - 1] was an inserted line.
    runs = [[0, none]] + [[none, none] for _ in a]
    for line in b:
        step = [[none, none] for _ in range(len(a) + 1)]
        for i in range(len(a) + 1):
            best = min(runs[i])
            step[i][1] = min(runs[i][1], runs[i][0] + 1)
            if i < len(a) and line == a[i]:
                step[i + 1][0] = min(step[i + 1][0], best)
        runs = step
    fewest = min(runs[len(a)])
    return None if fewest >= none else fewest


def test_insertion_runs_counts_contiguous_runs():
    assert insertion_runs(b"a\nb\nc", b"a\nb\nc") == 0
    assert insertion_runs(b"a\nb\nc", b"a\nx\ny\nb\nc") == 1
    assert insertion_runs(b"a\nb\nc", b"a\nx\nb\ny\nc") == 2
    assert insertion_runs(b"a\nb\nc", b"a\nb\nx\nb\nc") == 1
    assert insertion_runs(b"a\nb\nc", b"a\nc") is None
    assert insertion_runs(b"a\nb\nc", b"a\nB\nc") is None


def apply(hub, url, *args):
    return seedc("apply", "--root", hub, "--database", url, *args)


def plan(hub, url):
    return seedc("plan", "--root", hub, "--database", url, check=False)


# --- Golden files, both engines -------------------------------------------------------

GOLDEN = Path(__file__).resolve().parent.parent / "Fixtures" / "capture"
UPDATE = os.environ.get("SEEDC_UPDATE_GOLDEN") == "1"
# What each golden file's test produced first in this session (the SQLite run): the
# PostgreSQL run must give the same bytes, and in update mode must not overwrite it.
PRODUCED = {}

# Hostile values, as an admin could type them in the app's forms.
HOSTILE_CONTACTS = [
    dict(name='Dwayne "DJ" O\'Brien', organization="null", position="no", phone="0755", parish="~", latitude="18.2180",
         longitude="-76.80", location_type="field", notes="Line one\nLine two: it's fine 🌀\ttab", deleted=False, approved=True),
    dict(name="Yes", organization="Red Cross ✚", position="Coordinator: field #2", phone="+1 876 555 0100", parish="St. Andrew",
         latitude="", longitude="  ", location_type="remote", notes="  leading spaces", deleted=False, approved=False),
    dict(name="y", organization="n", position="true", phone="1e3", parish="Off", latitude="-0", longitude=".5",
         location_type="office", notes='back\\slash "q" \r\n crlf, and a # hash', deleted=False, approved=True),
    dict(name="Ann", organization="UN", position=None, phone=None, parish=None, latitude=None, longitude=None,
         location_type="field", notes=None, deleted=False, approved=True),
    dict(name="Removed", organization="Gone org", position=None, phone=None, parish=None, latitude=None, longitude=None,
         location_type="field", notes=None, deleted=True, approved=True),
    # Already in content.yaml: not captured again.
    dict(name="Sandra Campbell", organization="Parish Disaster Office", position=None, phone="+1 876 555 0101", parish=None,
         latitude=None, longitude=None, location_type="field", notes=None, deleted=False, approved=True),
]
CONTACT_COLUMNS = ["name", "organization", "position", "phone", "parish", "latitude", "longitude", "location_type",
                   "notes", "deleted", "approved"]


def insert(engine, table, row):
    """A row as the app's ORM writes it (its column types format datetimes and booleans)."""
    with engine.begin() as connection:
        connection.execute(sqlalchemy.insert(Base.metadata.tables[table]).values(**row))


def add_hostile_rows(engine):
    for row in HOSTILE_CONTACTS:
        insert(engine, "contacts", row)
    insert(engine, "users", dict(username="jane.doe", password_hash="$2b$12$" + "x" * 53, full_name="Jane Doe", is_admin=False,
                                 last_login=datetime.datetime(2025, 11, 2, 10, 30)))
    insert(engine, "users", dict(username="admin", password_hash="$2b$12$" + "y" * 53, full_name=None, is_admin=True, last_login=None))
    insert(engine, "whatsapp_groups", dict(name="Made in the app", sector="Health", description='Ask "first"; then post',
                                           link="https://chat.whatsapp.com/FromTheUI", deleted=False))
    insert(engine, "whatsapp_groups", dict(name="Shelter Cluster IM", sector="Shelter", description="Site lists,\nNFI pipeline.\n",
                                           link="https://chat.whatsapp.com/ExampleShelter01", deleted=False))
    insert(engine, "links", dict(title="Docs: main", slug="docs", url="https://example.org/a?b=1&c=%20#frag"))


def golden(name, got, engine):
    """`got` equals the golden file, and the bytes the other engine produced for it."""
    path = GOLDEN / name
    first = PRODUCED.setdefault(name, (engine, got))
    assert got == first[1], "%s: %s gives other bytes than %s" % (name, engine, first[0])
    if UPDATE and first[0] == engine:
        path.write_bytes(got)
    assert got == path.read_bytes(), "%s differs (SEEDC_UPDATE_GOLDEN=1 rewrites it; review the diff)" % name


def engine_of(url):
    return "sqlite" if url.startswith("sqlite:") else "postgresql"


def test_capture_golden_keeps_every_byte_and_round_trips(database, tmp_path, monkeypatch):
    url, engine = database
    root = tmp_path / "site"
    root.mkdir()
    original = (GOLDEN / "content.yaml").read_bytes()
    (root / "content.yaml").write_bytes(original)
    add_hostile_rows(engine)

    first = seedc("capture", "--root", root, "--database", url)
    assert "added 4 contacts, 2 users (in records/users.yaml), 1 whatsapp_groups, 1 links" in first.stdout
    assert "contacts: 1 deleted rows skipped" in first.stdout
    assert "set USERS_ADMIN_PASSWORD, USERS_JANE_DOE_PASSWORD where" in first.stderr
    captured = (root / "content.yaml").read_bytes()
    golden("content.expected.yaml", captured, engine_of(url))  # the same bytes from SQLite and PostgreSQL
    # Three runs: the include line, the contacts, and the whatsapp_groups with the new
    # links list that follows them.
    assert insertion_runs(original, captured) == 3
    assert b"$2b$12$" not in captured
    # users has a password column, so it is private: its rows went to their own file,
    # which capture created and added to seed.include; content.yaml holds no account.
    assert b"jane.doe" not in captured and b"include: [records/users.yaml]" in captured
    golden("users.expected.yaml", (root / "records" / "users.yaml").read_bytes(), engine_of(url))

    # Every YAML reader reads the captured text back as the database's (YAML 1.1 here).
    records = yaml.safe_load(captured)["seed"]["records"]
    by_name = {record["name"]: record for record in records["contacts"]}
    for row in HOSTILE_CONTACTS[:4]:
        assert {k: v for k, v in by_name[row["name"]].items()} == {k: v for k, v in row.items() if v is not None}
    assert records["links"] == [dict(title="Docs: main", slug="docs", url="https://example.org/a?b=1&c=%20#frag")]

    # Nothing left to do on the same database, and nothing more to capture.
    seedc("build", "--root", root)
    shown = plan(root, url)
    assert shown.returncode == 0, shown.stdout + shown.stderr
    again = seedc("capture", "--root", root, "--database", url)
    assert "added 0 contacts, 0 users, 0 whatsapp_groups, 0 links" in again.stdout
    assert (root / "content.yaml").read_bytes() == captured


def test_init_scaffold_golden(database, tmp_path):
    """The IM Hub's tables give the same scaffold from SQLite and from PostgreSQL."""
    url, _ = database
    printed = seedc("init", "--root", tmp_path, "--database", url, "--print").stdout
    golden("imhub-init.expected.yaml", printed.encode(), engine_of(url))
    assert not (tmp_path / "content.yaml").exists()


@pytest.fixture
def fresh(database, tmp_path, request):
    """Makes another database of the same engine: with the app's tables, or empty."""
    url, _ = database
    made = []

    def make(tables=True):
        if url.startswith("sqlite:"):
            path = tmp_path / ("fresh%d.db" % len(made))
            engine = sqlalchemy.create_engine("sqlite:///%s" % path)
            if tables:
                Base.metadata.create_all(engine)
            target = "sqlite:%s" % path
        else:
            target = request.getfixturevalue("pg_databases")(tables=tables)
            engine = sqlalchemy.create_engine(target.replace("postgresql://", "postgresql+psycopg2://"))
        made.append(engine)
        return target, engine

    yield make
    for engine in made:
        engine.dispose()


def app_rows(engine):
    """Every row of the app's tables but ids, timestamps, password hashes and the
    app-owned last_login (init declares it app_owned: never captured), as text."""
    out = {}
    for table in Base.metadata.sorted_tables:
        names = [c.name for c in table.columns if c.name not in ("id", "created_at", "updated_at", "password_hash", "last_login")]
        out[table.name] = sorted(tuple(normal(v) for v in row) for row in rows(engine, "SELECT %s FROM %s" % (", ".join(names), table.name)))
    return out


def normal(value):
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, datetime.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    return None if value is None else str(value)


def test_init_then_capture_rebuilds_the_app_database(database, fresh, tmp_path, monkeypatch):
    """Start from an app's database alone: init, capture, then rebuild it from content."""
    url, engine = database
    add_hostile_rows(engine)
    root = tmp_path / "site"
    root.mkdir()
    seedc("init", "--root", root, "--database", url)
    captured = seedc("capture", "--root", root, "--database", url)
    assert "5 contacts" in captured.stdout and "2 users" in captured.stdout and "2 whatsapp_groups" in captured.stdout
    seedc("build", "--root", root)
    assert plan(root, url).returncode == 0
    expected = app_rows(engine)
    expected["contacts"] = [row for row in expected["contacts"] if row[0] != "Removed"]
    monkeypatch.setenv("USERS_JANE_DOE_PASSWORD", "jane's new password")
    monkeypatch.setenv("USERS_ADMIN_PASSWORD", "admin's new password")

    # A rebuild: the app creates its tables, seedc brings the records back, once.
    target, rebuilt = fresh()
    seedc("apply", "--root", root, "--database", target)
    seedc("apply", "--root", root, "--database", target)
    assert app_rows(rebuilt) == expected
    hashed = rows(rebuilt, "SELECT password_hash FROM users WHERE username = 'jane.doe'")[0][0]
    assert bcrypt.checkpw(b"jane's new password", hashed.encode())

    # Or an empty database, with the tables made from the scaffold.
    target, created = fresh(tables=False)
    seedc("apply", "--root", root, "--database", target, "--create-tables")
    got = {table: sorted(tuple(normal(v) for v in row) for row in rows(created, "SELECT %s FROM %s" % (
        ", ".join(c.name for c in Base.metadata.tables[table].columns if c.name not in ("id", "created_at", "updated_at", "password_hash", "last_login")),
        table))) for table in expected}
    assert got == expected


def test_what_cannot_be_captured_writes_nothing(hub, database):
    url, engine = database
    apply(hub, url)
    content = hub / "content.yaml"
    # A value the schema refuses (the app never checked it): nothing is written.
    insert(engine, "whatsapp_groups", dict(name="Bad link", sector="Health", description="d", link="not a url", deleted=False))
    before = content.read_bytes()
    refused = seedc("capture", "--root", hub, "--database", url, check=False)
    assert refused.returncode == 1
    assert "link: expected a URL" in refused.stderr and "nothing was written" in refused.stderr
    assert content.read_bytes() == before
    # A flow list cannot take lines: --into can. (users made public for this: a
    # private table's rows never go to content.yaml.)
    edit_text(content, "  records:\n", "  records:\n    users: []\n")
    edit_text(content, "      private: true", "      private: false")
    insert(engine, "users", dict(username="jane.doe", password_hash="x", is_admin=False))
    flow = seedc("capture", "--root", hub, "--database", url, "--table", "users", check=False)
    assert flow.returncode == 1 and "flow list" in flow.stderr and "--into" in flow.stderr
    # A markdown collection's records are files.
    sectors = seedc("capture", "--root", hub, "--database", url, "--table", "sectors", check=False)
    assert sectors.returncode == 1 and "markdown collection" in sectors.stderr


def edit_text(path, old, new):
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))
