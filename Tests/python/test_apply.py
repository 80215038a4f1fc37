"""seedc plan and seedc apply against real SQLite files and a real PostgreSQL server,
on tables created by the app's own SQLAlchemy models."""

import os
import signal
import subprocess
import time

import bcrypt
import pytest
import sqlalchemy

from conftest import SEEDC, load_module, seedc
from expectations import check_rows
from models import Base

PASSWORD = "correct horse battery staple"
PENDING = 2


@pytest.fixture(params=["sqlite", "postgres"])
def database(request, tmp_path):
    """(URL given to seedc, SQLAlchemy engine on the same database)."""
    if request.param == "sqlite":
        path = tmp_path / "app.db"
        engine = sqlalchemy.create_engine("sqlite:///%s" % path)
        Base.metadata.create_all(engine)
        yield "sqlite:%s" % path, engine
    else:
        url = request.getfixturevalue("pg_url")
        engine = sqlalchemy.create_engine(url.replace("postgresql://", "postgresql+psycopg2://"))
        # Hosting platforms hand out postgres:// URLs; libpq takes both.
        yield url.replace("postgresql://", "postgres://"), engine
    engine.dispose()


@pytest.fixture(autouse=True)
def secrets(monkeypatch):
    monkeypatch.setenv("ADMIN_PASSWORD", PASSWORD)
    monkeypatch.delenv("IM_OFFICER_PASSWORD", raising=False)
    monkeypatch.delenv("DATABASE_URL", raising=False)


def apply(hub, url, *args, check=True):
    return seedc("apply", "--root", hub, "--database", url, *args, check=check)


def plan(hub, url, *args):
    return seedc("plan", "--root", hub, "--database", url, *args, check=False)


def rows(engine, sql, **params):
    with engine.connect() as connection:
        return connection.execute(sqlalchemy.text(sql), params).fetchall()


def dump(engine):
    """Every row of every table, in a fixed order, to compare database states."""
    out = {}
    with engine.connect() as connection:
        for table in sqlalchemy.inspect(connection).get_table_names():
            result = connection.exec_driver_sql('SELECT * FROM "%s"' % table).fetchall()
            out[table] = sorted(tuple(str(value) for value in row) for row in result)
    return out


def edit(hub, old, new, file="content.yaml"):
    content = hub / file
    text = content.read_text()
    assert old in text
    content.write_text(text.replace(old, new))


def test_plan_apply_and_noop(hub, database):
    url, engine = database
    before = dump(engine)
    pending = plan(hub, url)
    assert pending.returncode == PENDING, pending.stderr
    assert '  + "admin" (password <from env ADMIN_PASSWORD>)' in pending.stdout
    assert PASSWORD not in pending.stdout
    assert "18 to insert, 0 to update, 0 to prune, 1 skipped" in pending.stdout
    assert dump(engine) == before, "plan changed the database"

    first = apply(hub, url)
    assert "18 inserted, 0 updated, 0 pruned, 1 skipped" in first.stdout
    assert 'users "im.officer" skipped: set IM_OFFICER_PASSWORD' in first.stderr
    check_rows(engine, users=1)
    (stored,) = rows(engine, "SELECT password_hash FROM users WHERE username = 'admin'")[0]
    assert stored.startswith("$2b$12$") and bcrypt.checkpw(PASSWORD.encode(), stored.encode())

    # The skipped record keeps the content from being stamped as applied: the next
    # apply inserts it once its variable is set, and only then is it a no-op.
    os.environ["IM_OFFICER_PASSWORD"] = "another secret"
    try:
        assert "1 inserted, 0 updated, 0 pruned" in apply(hub, url).stdout
        state = dump(engine)
        assert "up to date" in apply(hub, url).stdout
        assert plan(hub, url).returncode == 0
        assert dump(engine) == state
    finally:
        del os.environ["IM_OFFICER_PASSWORD"]
    check_rows(engine, users=2)


def test_edit_add_remove_and_prune(hub, database):
    url, engine = database
    apply(hub, url)
    # Rows the app created itself, including one that looks like content.
    with engine.begin() as connection:
        connection.execute(sqlalchemy.text(
            "INSERT INTO whatsapp_groups (name, sector, description, link) "
            "VALUES ('Made in the app', 'Health', 'x', 'https://chat.whatsapp.com/App1'), "
            "('Health Cluster', 'Health', 'x', 'https://chat.whatsapp.com/LooksLikeContent')"))

    edit(hub, "no duplicate targeting", "no double targeting")
    edit(hub, "link: https://chat.whatsapp.com/ExampleWash02", "link: https://chat.whatsapp.com/ExampleWash99")
    seedc("build", "--root", hub)
    shown = plan(hub, url)
    assert shown.returncode == PENDING
    assert ('~ "https://chat.whatsapp.com/ExampleFood04": description: "Distribution plans by parish (no duplicate targeting)."'
            ' -> "Distribution plans by parish (no double targeting)."') in shown.stdout
    assert '+ "https://chat.whatsapp.com/ExampleWash99"' in shown.stdout
    assert "1 to insert, 1 to update, 0 to prune" in shown.stdout

    assert "1 inserted, 1 updated, 0 pruned" in apply(hub, url).stdout
    links = {row[0] for row in rows(engine, "SELECT link FROM whatsapp_groups")}
    assert "https://chat.whatsapp.com/ExampleWash02" in links, "removed records stay without prune"

    pruning = plan(hub, url, "--prune")
    assert '- "https://chat.whatsapp.com/ExampleWash02"' in pruning.stdout
    assert "0 to insert, 0 to update, 1 to prune" in pruning.stdout
    assert "1 pruned" in apply(hub, url, "--prune").stdout
    links = {row[0] for row in rows(engine, "SELECT link FROM whatsapp_groups")}
    assert "https://chat.whatsapp.com/ExampleWash02" not in links
    assert {"https://chat.whatsapp.com/App1", "https://chat.whatsapp.com/LooksLikeContent"} <= links
    assert plan(hub, url, "--prune").returncode == 0


def test_keep_never_overwrites_update_restores(hub, database):
    url, engine = database
    apply(hub, url)
    with engine.begin() as connection:
        connection.execute(sqlalchemy.text("UPDATE users SET full_name = 'Edited in the app' WHERE username = 'admin'"))
        connection.execute(sqlalchemy.text("UPDATE whatsapp_groups SET description = 'Edited in the app' WHERE name = 'Food Security Working Group'"))
    edit(hub, "full_name: System Administrator", "full_name: Hub Administrator", "records/users.yaml")
    edit(hub, "no duplicate targeting", "no double targeting")
    seedc("build", "--root", hub)
    shown = plan(hub, url).stdout
    assert '~ "https://chat.whatsapp.com/ExampleFood04": description: "Edited in the app" -> ' in shown
    assert "admin" not in shown, "keep tables never show overwrites"
    apply(hub, url)
    assert rows(engine, "SELECT full_name FROM users WHERE username = 'admin'") == [("Edited in the app",)]
    assert rows(engine, "SELECT description FROM whatsapp_groups WHERE name = 'Food Security Working Group'") == [
        ("Distribution plans by parish (no double targeting).",)]


def test_refused_row_rolls_everything_back(hub, database):
    url, engine = database
    with engine.begin() as connection:
        connection.execute(sqlalchemy.text("CREATE UNIQUE INDEX one_group_per_sector ON whatsapp_groups (sector)"))
    edit(hub, "sector: WASH\n", "sector: Health\n")
    seedc("build", "--root", hub)
    before = dump(engine)
    failed = apply(hub, url, check=False)
    assert failed.returncode == 1
    assert "the database refused whatsapp_groups" in failed.stderr
    assert '"https://chat.whatsapp.com/' in failed.stderr, "the message names the row's natural key"
    assert "sector" in failed.stderr
    assert dump(engine) == before, "a failed apply leaves the database as it was"


def test_passwords_go_through_the_batches_and_are_written_once(hub, database):
    """With `on_conflict: update`, a row with a password is restored like any other
    through the same batch statements, but its password is written only on insert:
    never compared, never hashed again."""
    url, engine = database
    edit(hub, "key: username\n      on_conflict: keep", "key: username\n      on_conflict: update")
    seedc("build", "--root", hub)
    os.environ["IM_OFFICER_PASSWORD"] = "another secret"
    try:
        assert "19 inserted, 0 updated, 0 pruned" in apply(hub, url).stdout
        hashes = dict(rows(engine, "SELECT username, password_hash FROM users"))
        assert bcrypt.checkpw(b"another secret", hashes["im.officer"].encode())
        with engine.begin() as connection:
            connection.execute(sqlalchemy.text("UPDATE users SET full_name = 'Edited in the app'"))
        edit(hub, "full_name: IM Officer", "full_name: Information Officer", "records/users.yaml")
        seedc("build", "--root", hub)
        os.environ["IM_OFFICER_PASSWORD"] = "changed since"
        assert "0 inserted, 2 updated, 0 pruned" in apply(hub, url).stdout
        assert dict(rows(engine, "SELECT username, full_name FROM users")) == {
            "admin": "System Administrator", "im.officer": "Information Officer"}
        assert dict(rows(engine, "SELECT username, password_hash FROM users")) == hashes
    finally:
        del os.environ["IM_OFFICER_PASSWORD"]


def test_missing_tables(hub, tmp_path):
    path = tmp_path / "fresh.db"
    failed = apply(hub, "sqlite:%s" % path, check=False)
    assert failed.returncode == 1 and "seedc apply --create-tables" in failed.stderr
    assert not path.exists()
    empty = sqlalchemy.create_engine("sqlite:///%s" % path)
    with empty.begin() as connection:
        connection.exec_driver_sql("CREATE TABLE unrelated (x INTEGER)")
    failed = apply(hub, "sqlite:%s" % path, check=False)
    assert failed.returncode == 1 and "table announcements does not exist" in failed.stderr
    assert "18 inserted" in apply(hub, str(path), "--create-tables").stdout
    # Created from the declared schema: the declared columns, an id, the natural key unique.
    counts = {table: rows(empty, 'SELECT count(*) FROM "%s"' % table)[0][0]
              for table in ("sectors", "announcements", "whatsapp_groups", "contacts", "links", "resources", "users")}
    assert counts == {"sectors": 4, "announcements": 2, "whatsapp_groups": 4, "contacts": 3, "links": 2, "resources": 2, "users": 1}
    assert "up to date" not in apply(hub, str(path)).stdout
    empty.dispose()


def test_scripts_module_and_apply_agree(hub, database):
    url, engine = database
    script = hub / "seeds" / ("sqlite.sql" if url.startswith("sqlite:") else "postgres.sql")
    if url.startswith("sqlite:"):
        subprocess.run(["sqlite3", "-bail", url[len("sqlite:"):]], stdin=script.open(), check=True)
    else:
        with engine.begin() as connection:
            connection.exec_driver_sql(script.read_text().replace("%", "%%"))
    # The script inserted everything but the users (it cannot hash passwords).
    shown = plan(hub, url)
    assert "1 to insert, 0 to update, 0 to prune, 1 skipped" in shown.stdout
    apply(hub, url)
    owned = rows(engine, "SELECT count(*) FROM seedc_ledger WHERE table_name <> ''")[0][0]
    assert owned == 18


def test_concurrent_applies_insert_each_record_once(hub, database):
    url, engine = database
    runs = [subprocess.Popen([SEEDC, "apply", "--root", str(hub), "--database", url], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(4)]
    for run in runs:
        out, err = run.communicate()
        assert run.returncode == 0, err
    check_rows(engine, users=1)


def test_rebuild_brings_every_record_back(hub, tmp_path):
    """The seed document's scenario: records exist, the disk is wiped, the app starts."""
    path = tmp_path / "app.db"
    engine = sqlalchemy.create_engine("sqlite:///%s" % path)
    Base.metadata.create_all(engine)
    apply(hub, "sqlite:%s" % path)
    expected = app_values(engine)
    engine.dispose()
    path.unlink()
    engine = sqlalchemy.create_engine("sqlite:///%s" % path)
    Base.metadata.create_all(engine)
    apply(hub, "sqlite:%s" % path)
    apply(hub, "sqlite:%s" % path)
    check_rows(engine, users=1)
    assert app_values(engine) == expected
    (stored,) = rows(engine, "SELECT password_hash FROM users WHERE username = 'admin'")[0]
    assert bcrypt.checkpw(PASSWORD.encode(), stored.encode())
    engine.dispose()


def app_values(engine):
    """Every row of the app's tables, each value as text, but the columns a rebuild
    makes anew: timestamps and password hashes (bcrypt salts each one afresh)."""
    fresh = ("created_at", "updated_at", "password_hash")
    out = {}
    for table in Base.metadata.sorted_tables:
        names = ", ".join(c.name for c in table.columns if c.name not in fresh)
        out[table.name] = sorted(tuple(str(value) for value in row) for row in rows(engine, "SELECT %s FROM %s" % (names, table.name)))
    assert sum(map(len, out.values())) > 0
    return out


def big_content(hub, contacts):
    """The hub's content plus many contacts in an include file."""
    records = hub / "records" / "many.yaml"
    lines = ["contacts:"]
    for i in range(contacts):
        lines.append("  - {name: 'Volunteer %d', organization: 'Red Cross ✚', position: \"It's %d\", email: v%d@example.org, parish: Kingston, sector: Health}" % (i, i, i))
    records.write_text("\n".join(lines) + "\n")
    seedc("build", "--root", hub)


def transaction_open(url, engine):
    """True while another connection holds a write transaction that has written: on
    SQLite its rollback journal exists (a commit deletes it), on PostgreSQL a backend
    of this database has a transaction id."""
    if url.startswith("sqlite:"):
        return os.path.exists(url[len("sqlite:"):] + "-journal")
    return rows(engine, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                        "AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL")[0][0] > 0


def test_killed_apply_leaves_all_or_nothing(hub, database):
    """SIGKILL once the apply's transaction has written (seen from outside, not timed):
    nothing of it stays, and the next apply writes it all."""
    url, engine = database
    big_content(hub, 20000)
    landed = []
    for attempt in range(5):
        run = subprocess.Popen([SEEDC, "apply", "--root", str(hub), "--database", url], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        while run.poll() is None and not transaction_open(url, engine):
            time.sleep(0.002)
        open_at_kill = run.poll() is None
        run.send_signal(signal.SIGKILL)
        run.wait()
        count = rows(engine, "SELECT count(*) FROM contacts")[0][0]
        assert count == 0, "attempt %d: the apply ended (%d contacts) before its transaction was seen open" % (attempt, count)
        # Killed inside the open transaction, which therefore never committed.
        landed.append(open_at_kill and run.returncode == -signal.SIGKILL)
        if landed[-1]:
            break
    assert any(landed), "no kill landed inside the transaction: %s" % landed
    apply(hub, url)
    assert rows(engine, "SELECT count(*) FROM contacts")[0][0] == 20003
    assert rows(engine, "SELECT count(*) FROM seedc_ledger WHERE table_name = 'contacts'")[0][0] == 20003


def test_strict_refuses_unset_variables(hub, database):
    url, engine = database
    before = dump(engine)
    failed = apply(hub, url, "--strict", check=False)
    assert failed.returncode == 1
    assert "IM_OFFICER_PASSWORD" in failed.stderr and PASSWORD not in failed.stderr + failed.stdout
    assert dump(engine) == before


def test_default_database_is_beside_the_content(hub, monkeypatch):
    assert "18 inserted" in seedc("apply", "--root", hub, "--create-tables").stdout
    assert (hub / "seedc.db").exists()
    assert "0 inserted, 0 updated, 0 pruned, 1 skipped" in seedc("apply", "--root", hub).stdout
    # DATABASE_URL, as hosting platforms set it, wins over the default (relative to
    # the current folder, as the app reads it).
    monkeypatch.chdir(hub)
    monkeypatch.setenv("DATABASE_URL", "sqlite:///elsewhere.db")
    assert plan(hub, "sqlite:///elsewhere.db", "--create-tables").returncode == PENDING
    seedc("apply", "--root", hub, "--create-tables")
    assert (hub / "elsewhere.db").exists()


def ledger_stamp(engine):
    (stamp,) = rows(engine, "SELECT value_hash FROM seedc_ledger WHERE table_name = '' AND natural_key = ''")[0]
    return stamp


def test_noop_finds_the_files_from_the_stamp(hub, database, monkeypatch):
    """Unchanged content is found from the ledger's stamp (which names the include
    patterns and collection folders) and a hash of the files, whether the records are
    inline in content.yaml or in include files; a new include file is still seen."""
    url, engine = database
    monkeypatch.setenv("IM_OFFICER_PASSWORD", "another secret")
    assert "19 inserted" in apply(hub, url).stdout
    stamp = ledger_stamp(engine)
    assert stamp.startswith("seedc-1:")
    assert stamp.endswith(' {"collections":["sectors","announcements"],"include":["records/*.yaml"],"prunes":false,"schema":null}'), stamp
    assert "up to date" in apply(hub, url).stdout
    # The module stamps the same (the scripts leave password records to it).
    assert load_module(hub).CONTENT.stamp == stamp

    (hub / "records" / "extra.yaml").write_text(
        "contacts:\n  - {name: New Contact, organization: ODPEM, position: Liaison, phone: '876-555-0199', parish: Kingston}\n"
    )
    added = apply(hub, url)
    assert "1 inserted" in added.stdout, added.stdout
    assert "up to date" in apply(hub, url).stdout
    (hub / "records" / "extra.yaml").unlink()
    assert "up to date" not in apply(hub, url).stdout


def test_noop_shortcut_never_trusts_another_database(hub, monkeypatch):
    """Without --database or DATABASE_URL the target is in content.yaml: the shortcut
    is not taken, so the stamp of the default file can never stand for the declared one."""
    monkeypatch.setenv("IM_OFFICER_PASSWORD", "x")
    edit(hub, "\nseed:\n", "\nseed:\n  database: declared.db\n")
    for name in ("seedc.db", "declared.db"):
        Base.metadata.create_all(sqlalchemy.create_engine("sqlite:///%s" % (hub / name)))
    assert "19 inserted" in apply(hub, "sqlite:%s" % (hub / "seedc.db")).stdout
    declared = seedc("apply", "--root", hub)
    assert "19 inserted" in declared.stdout, declared.stdout
    assert "up to date" in seedc("apply", "--root", hub).stdout


def test_rows_spilled_to_a_temporary_file_plan_apply_and_build_the_same(hub, database, monkeypatch, tmp_path):
    """Past SEEDC_ROW_MEMORY the planned rows live in an unnamed temporary file; with a
    budget of 0 every row does, and nothing seedc writes may differ."""
    url, engine = database
    built = {path.name: path.read_bytes() for path in (hub / "seeds").iterdir()}
    spill = tmp_path / "spill"
    spill.mkdir()
    monkeypatch.setenv("SEEDC_ROW_MEMORY", "0")
    monkeypatch.setenv("TMPDIR", str(spill))
    seedc("build", "--root", hub, "--out", tmp_path / "spilled")
    assert {path.name: path.read_bytes() for path in (tmp_path / "spilled").iterdir()} == built
    assert "18 to insert, 0 to update, 0 to prune, 1 skipped" in plan(hub, url).stdout
    assert "18 inserted, 0 updated, 0 pruned, 1 skipped" in apply(hub, url).stdout
    check_rows(engine, users=1)
    assert list(spill.iterdir()) == [], "the temporary file is unlinked at once"
