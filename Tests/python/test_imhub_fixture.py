"""The real IM Hub content (../shared/fixtures/imhub, copied), compiled with our schema file for
it and applied to SQLite: its 6 sectors and 4 announcements, with HTML content."""

import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from conftest import FIXTURES, seedc

SCHEMA = Path(__file__).resolve().parent.parent / "Fixtures" / "imhub-seed.yaml"


@pytest.fixture
def imhub(tmp_path):
    """A copy of the fixture with our schema file in it: seedc reads a --schema file
    only inside the content root."""
    source = FIXTURES / "imhub"
    if not source.is_dir():
        pytest.skip("../shared/fixtures/imhub is absent")
    root = tmp_path / "imhub"
    shutil.copytree(source, root)
    shutil.copy(SCHEMA, root / SCHEMA.name)
    return root


def test_compiles_and_applies(imhub, tmp_path, sqlite_path):
    seedc("build", "--root", imhub, "--schema", imhub / SCHEMA.name, "--out", tmp_path / "seeds")
    with open(tmp_path / "seeds" / "sqlite.sql", "rb") as stdin:
        subprocess.run(["sqlite3", "-bail", str(sqlite_path)], stdin=stdin, check=True)
    connection = sqlite3.connect(sqlite_path)
    assert [r[0] for r in connection.execute("SELECT slug FROM sectors ORDER BY slug")] == [
        "education", "food-security", "health", "protection", "shelter", "wash"]
    announcements = connection.execute("SELECT title, content, date, tags FROM announcements ORDER BY date, title").fetchall()
    assert len(announcements) == 4
    assert all(content.startswith("<") for _, content, _, _ in announcements)
    assert ("5W Data Collection Form Updated", "2025-11-16 00:00:00.000000", "forms,5w,data-collection") in [
        (t, d, g) for t, _, d, g in announcements]
