"""Shared set-up: the seedc binary, copies of the repository's content to edit, fresh
SQLite files and fresh PostgreSQL databases with the IM Hub's tables."""

import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
import sqlalchemy

sys.path.insert(0, str(Path(__file__).parent))
from models import Base  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
SEEDC = os.environ.get("SEEDC_BIN", str(REPO / ".build" / "debug" / "seedc"))
PG_URL = os.environ.get("SEEDC_TEST_DATABASE_URL")
FIXTURES = REPO.parent / "shared" / "fixtures"
CONTENT = ("content.yaml", "sectors", "announcements", "records")


def seedc(*args, check=True):
    result = subprocess.run([SEEDC, *map(str, args)], capture_output=True, text=True)
    if check and result.returncode != 0:
        raise AssertionError("seedc %s failed (%d):\n%s%s" % (args, result.returncode, result.stdout, result.stderr))
    return result


@pytest.fixture
def hub(tmp_path):
    """A built copy of the repository's content, safe to edit."""
    root = tmp_path / "hub"
    root.mkdir()
    for name in CONTENT:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, root / name)
        else:
            shutil.copy(source, root / name)
    seedc("build", "--root", root)
    return root


@pytest.fixture
def sqlite_path(tmp_path):
    """A SQLite file with the app's tables, created the way its ORM creates them."""
    path = tmp_path / "app.db"
    engine = sqlalchemy.create_engine("sqlite:///%s" % path)
    Base.metadata.create_all(engine)
    engine.dispose()
    return path


@pytest.fixture
def pg_databases():
    """Makes fresh PostgreSQL databases on the test server (with the app's tables unless
    told otherwise) and drops them afterwards."""
    if not PG_URL:
        pytest.skip("SEEDC_TEST_DATABASE_URL is not set (scripts/test.sh starts a server)")
    admin = sqlalchemy.create_engine(PG_URL.replace("postgresql://", "postgresql+psycopg2://"), isolation_level="AUTOCOMMIT")
    names = []

    def make(tables=True):
        name = "t_" + uuid.uuid4().hex[:12]
        with admin.connect() as connection:
            connection.exec_driver_sql('CREATE DATABASE "%s"' % name)
        names.append(name)
        url = PG_URL.rsplit("/", 1)[0] + "/" + name
        if tables:
            engine = sqlalchemy.create_engine(url.replace("postgresql://", "postgresql+psycopg2://"))
            Base.metadata.create_all(engine)
            engine.dispose()
        return url

    yield make
    with admin.connect() as connection:
        for name in names:
            connection.exec_driver_sql('DROP DATABASE "%s" WITH (FORCE)' % name)
    admin.dispose()


@pytest.fixture
def pg_url(pg_databases):
    """A fresh PostgreSQL database with the app's tables on the test server."""
    return pg_databases()


def load_module(root):
    """Imports <root>/seeds/seed_initial_data.py as the app does (from seeds.…)."""
    import importlib

    sys.path.insert(0, str(root))
    try:
        for name in [n for n in sys.modules if n == "seeds" or n.startswith("seeds.")]:
            del sys.modules[name]
        return importlib.import_module("seeds.seed_initial_data")
    finally:
        sys.path.remove(str(root))
