"""seeds/seed_initial_data.py in the app's own stack: sqlite3, SQLAlchemy (SQLite and
PostgreSQL) and psycopg2, run twice each."""

import logging
import shutil
import sqlite3

import bcrypt
import psycopg2
import pytest
import sqlalchemy
from sqlalchemy.orm import Session

from conftest import load_module, seedc
from expectations import check_rows
from models import User

PASSWORD = "correct horse battery staple"


@pytest.fixture
def module(hub, monkeypatch):
    monkeypatch.setenv("ADMIN_PASSWORD", PASSWORD)
    monkeypatch.delenv("IM_OFFICER_PASSWORD", raising=False)
    return load_module(hub)


def run_twice(module, target, caplog):
    with caplog.at_level(logging.WARNING):
        first = module.seed_initial_data(target)
    assert first["inserted"] == 18 and first["skipped"] == 1
    assert "IM_OFFICER_PASSWORD" in caplog.text and PASSWORD not in caplog.text
    second = module.seed_initial_data(target)
    assert second == {"inserted": 0, "updated": 0, "skipped": 1}


def check_admin(engine):
    with Session(engine) as session:
        admin = session.query(User).filter_by(username="admin").one()
        assert admin.password_hash.startswith("$2b$12$")
        assert bcrypt.checkpw(PASSWORD.encode(), admin.password_hash.encode())
        assert admin.is_admin is True and admin.is_active is True


def test_sqlite3_connection(module, sqlite_path, caplog):
    connection = sqlite3.connect(sqlite_path)
    run_twice(module, connection, caplog)
    connection.close()
    engine = sqlalchemy.create_engine("sqlite:///%s" % sqlite_path)
    check_rows(engine, users=1)
    check_admin(engine)


def test_sqlalchemy_engine_sqlite(module, sqlite_path, caplog):
    engine = sqlalchemy.create_engine("sqlite:///%s" % sqlite_path)
    run_twice(module, engine, caplog)
    check_rows(engine, users=1)
    check_admin(engine)


def test_sqlalchemy_connection_postgres(module, pg_url, caplog):
    engine = sqlalchemy.create_engine(pg_url.replace("postgresql://", "postgresql+psycopg2://"))
    with engine.connect() as connection:
        run_twice(module, connection, caplog)
        connection.commit()
    check_rows(engine, users=1)
    check_admin(engine)


def test_sqlalchemy_engine_postgres(module, pg_url, caplog):
    engine = sqlalchemy.create_engine(pg_url.replace("postgresql://", "postgresql+psycopg2://"))
    run_twice(module, engine, caplog)
    check_rows(engine, users=1)


def test_psycopg2_connection(module, pg_url, caplog):
    connection = psycopg2.connect(pg_url)
    run_twice(module, connection, caplog)
    connection.close()
    check_rows(sqlalchemy.create_engine(pg_url.replace("postgresql://", "postgresql+psycopg2://")), users=1)


def test_module_and_script_agree(hub, module, sqlite_path, tmp_path):
    """The module after the script finds nothing to do but the password records."""
    import subprocess

    with open(hub / "seeds" / "sqlite.sql", "rb") as stdin:
        subprocess.run(["sqlite3", "-bail", str(sqlite_path)], stdin=stdin, check=True)
    connection = sqlite3.connect(sqlite_path)
    counts = module.seed_initial_data(connection)
    assert counts == {"inserted": 1, "updated": 0, "skipped": 1}


def test_no_secret_in_seeds(hub, sqlite_path, monkeypatch):
    """seedc is given the passwords (in the environment, as a deployment sets them) for
    a build and an apply: they reach the database, hashed, and no file of seeds/ nor
    any output holds them."""
    other = "im officer's own secret"
    monkeypatch.setenv("ADMIN_PASSWORD", PASSWORD)
    monkeypatch.setenv("IM_OFFICER_PASSWORD", other)
    shutil.rmtree(hub / "seeds")
    printed = [seedc("build", "--root", hub), seedc("apply", "--root", hub, "--database", "sqlite:%s" % sqlite_path)]
    assert "19 inserted" in printed[1].stdout
    hashes = dict(sqlite3.connect(sqlite_path).execute("SELECT username, password_hash FROM users").fetchall())
    assert bcrypt.checkpw(PASSWORD.encode(), hashes["admin"].encode())
    assert bcrypt.checkpw(other.encode(), hashes["im.officer"].encode())
    files = sorted((hub / "seeds").iterdir())
    assert len(files) == 5
    for secret in (PASSWORD, other):
        for path in files:
            assert secret.encode() not in path.read_bytes(), path.name
        assert not any(secret in run.stdout + run.stderr for run in printed)
