"""Accounts never reach the public content.yaml, and columns the app maintains stay the
app's: `seedc init` then `seedc capture` on the IM Hub's tables (models.py), from
SQLite and PostgreSQL, after an admin added a user through the UI."""

import datetime

import sqlalchemy
import yaml

from conftest import seedc
from test_apply import database, rows, secrets  # noqa: F401  (fixtures shared with the apply tests)
from test_capture import insert, plan

LOGIN = datetime.datetime(2025, 11, 2, 10, 30)


def as_text(row):
    """SQLite hands a raw query's datetime back as text, PostgreSQL as a datetime."""
    return tuple(str(value)[:19] for value in row)


def add_account(engine):
    insert(engine, "users", dict(username="jane.doe", password_hash="$2b$12$" + "x" * 53, full_name="Jane Doe",
                                 email="jane.doe@example.org", is_admin=True, last_login=LOGIN))
    insert(engine, "contacts", dict(name="Public Contact", organization="Red Cross", location_type="field", status="active",
                                    deleted=False, approved=True))


def test_init_and_capture_keep_the_account_out_of_content_yaml(database, tmp_path, monkeypatch):
    url, engine = database
    add_account(engine)
    root = tmp_path / "site"
    root.mkdir()
    (root / "content.yaml").write_text("title: Hub\n")

    seedc("init", "--root", root, "--database", url)
    schema = yaml.safe_load((root / "content.yaml").read_text())["seed"]
    users = schema["tables"]["users"]
    assert users["private"] is True and users["on_conflict"] == "keep"
    assert users["columns"]["last_login"] == {"type": "datetime", "app_owned": True}
    assert "records/users.yaml" in schema["include"]
    assert "written by the app itself" in (root / "content.yaml").read_text()

    captured = seedc("capture", "--root", root, "--database", url)
    assert "1 users (in records/users.yaml)" in captured.stdout, captured.stdout
    public = (root / "content.yaml").read_text()
    for secret in ("jane", "Jane Doe", "example.org", "$2b$"):
        assert secret not in public
    assert "Public Contact" in public  # public tables are still captured into content.yaml
    private = yaml.safe_load((root / "records" / "users.yaml").read_text())["users"]
    assert private == [{"username": "jane.doe", "password_hash": {"env": "USERS_JANE_DOE_PASSWORD"}, "full_name": "Jane Doe",
                        "email": "jane.doe@example.org", "is_admin": True, "is_active": True}]  # no last_login

    # The content compiles and matches the database; moving the account back into
    # content.yaml is refused at the record.
    seedc("build", "--root", root)
    assert plan(root, url).returncode == 0
    text = public.replace("  records:\n", "  records:\n    users:\n      - {username: x, password_hash: {env: X_PASSWORD}}\n", 1)
    (root / "content.yaml").write_text(text)
    refused = seedc("build", "--root", root, check=False)
    assert refused.returncode == 1 and "[private-record-in-public-file]" in refused.stderr
    assert "move the record to records/users.yaml" in refused.stderr
    (root / "content.yaml").write_text(public)

    # The app logs Jane in and she edits her profile; an apply of changed content
    # (a new contact) leaves both alone: keep never overwrites, last_login is the app's.
    later = datetime.datetime(2025, 12, 1, 8, 0)
    with engine.begin() as connection:
        connection.execute(sqlalchemy.text("UPDATE users SET last_login = :t, full_name = 'Jane D.' WHERE username = 'jane.doe'"), dict(t=later))
    (root / "content.yaml").write_text(public.replace("      - name: Public Contact\n",
                                                      "      - name: Another Contact\n        organization: WFP\n      - name: Public Contact\n", 1))
    monkeypatch.setenv("USERS_JANE_DOE_PASSWORD", "unused: the row exists")
    seedc("apply", "--root", root, "--database", url)
    assert as_text(rows(engine, "SELECT full_name, last_login FROM users WHERE username = 'jane.doe'")[0]) == ("Jane D.", str(later)[:19])


def test_app_owned_is_never_set_compared_or_hashed(database, tmp_path):
    """An `on_conflict: update` table: content wins on its columns, never on app_owned ones."""
    url, engine = database
    root = tmp_path / "site"
    root.mkdir()
    content = """seed:
  include: [records/users.yaml]
  tables:
    users:
      key: username
      on_conflict: update
      columns:
        username: text
        password_hash: password
        full_name: text
        last_login: {type: datetime, app_owned: true}
"""
    (root / "content.yaml").write_text(content)
    (root / "records").mkdir()
    (root / "records" / "users.yaml").write_text("users:\n  - {username: jane.doe, full_name: Jane Doe}\n")
    insert(engine, "users", dict(username="jane.doe", password_hash="h", full_name="Someone Else", last_login=LOGIN))
    seedc("build", "--root", root)
    sql = (root / "seeds" / "sqlite.sql").read_text() + (root / "seeds" / "postgres.sql").read_text()
    assert "last_login" not in sql and "last_login" not in (root / "seeds" / "seed_initial_data.py").read_text()
    seedc("apply", "--root", root, "--database", url)
    assert as_text(rows(engine, "SELECT full_name, last_login FROM users WHERE username = 'jane.doe'")[0]) == ("Jane Doe", str(LOGIN)[:19])
    assert plan(root, url).returncode == 0
    # A value for it in content is refused.
    (root / "records" / "users.yaml").write_text("users:\n  - {username: jane.doe, last_login: 2025-01-01}\n")
    refused = seedc("build", "--root", root, check=False)
    assert refused.returncode == 1 and "[app-owned-field]" in refused.stderr
