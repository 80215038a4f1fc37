"""seedc's Python runtime as a file of its own (Sources/SeedCompiler/Rendering/Python/
seed_runtime.py): imported and tested directly, checked by pyflakes, and the very text
every generated seed_initial_data.py starts with."""

import importlib.util
import json
import sqlite3
import subprocess
import sys

import pytest

from conftest import REPO, load_module

RUNTIME = REPO / "Sources" / "SeedCompiler" / "Rendering" / "Python" / "seed_runtime.py"


@pytest.fixture
def runtime():
    spec = importlib.util.spec_from_file_location("seed_runtime", RUNTIME)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_pyflakes_finds_nothing():
    result = subprocess.run([sys.executable, "-m", "pyflakes", str(RUNTIME)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_runtime_holds_no_sql():
    text = RUNTIME.read_text()
    for word in ("SELECT ", "INSERT ", "UPDATE ", "BEGIN IMMEDIATE", "SAVEPOINT ", "pg_advisory", "rounds=12"):
        assert word not in text


def test_generated_module_is_the_runtime_then_content(hub):
    module = (hub / "seeds" / "seed_initial_data.py").read_text()
    body = module.split("\n", 2)[2]
    assert body.startswith(RUNTIME.read_text())
    assert "\nCONTENT = Content(\n" in body[len(RUNTIME.read_text()):]


def test_runtime_without_content_says_so(runtime):
    with pytest.raises(RuntimeError, match="seedc build"):
        runtime.seed_initial_data(sqlite3.connect(":memory:"))


def test_runtime_applies_a_generated_content(runtime, hub, sqlite_path, monkeypatch):
    monkeypatch.setenv("ADMIN_PASSWORD", "x")
    monkeypatch.setenv("IM_OFFICER_PASSWORD", "y")
    content = load_module(hub).CONTENT
    content.rows = str(hub / "seeds" / content.rows)
    connection = sqlite3.connect(sqlite_path)
    first = runtime.apply_content(connection, content)
    assert first == {"inserted": 19, "updated": 0, "skipped": 0}
    # Unchanged content reads the ledger's stamp and never opens the data file.
    content.rows = str(hub / "seeds" / "missing.jsonl")
    assert runtime.apply_content(connection, content) == {"inserted": 0, "updated": 0, "skipped": 0}


def test_data_file_of_other_content_is_refused(runtime, hub, sqlite_path):
    content = load_module(hub).CONTENT
    data = hub / "seeds" / content.rows
    lines = data.read_text().split("\n", 1)
    header = json.loads(lines[0])
    header["content_sha256"] = "0" * 64
    data.write_text(json.dumps(header) + "\n" + lines[1])
    content.rows = str(data)
    with pytest.raises(RuntimeError, match="does not belong"):
        runtime.apply_content(sqlite3.connect(sqlite_path), content)
    # Nothing was applied: the transaction rolled back.
    assert sqlite3.connect(sqlite_path).execute("SELECT count(*) FROM contacts").fetchone()[0] == 0


def test_read_rows_resolves_statements_per_dialect(runtime, tmp_path):
    data = tmp_path / "rows.jsonl"
    data.write_text(
        '{"seedc": 1, "content_sha256": "abc"}\n'
        '["sql", "sqlite", "S0"]\n["sql", "postgresql", "P0"]\n["sql", "sqlite", "S1"]\n'
        '["batch", "t", {"sqlite": [["insert", 1, 1], ["claim", 0, 3]], "postgresql": [["insert", 0]]}, [["a", "k", "h"]]]\n'
        '["batch", "b", {"sqlite": [["insert", 1, 1]], "postgresql": [["insert", 0]]}, [[{"hex": "00ff"}, "k", "h"]], [0]]\n'
        '["group", "u", ["p0", "lk", "lh"], ["p0"], {"sqlite": [0, 1, null, 0], "postgresql": [0, 0, null, 0]}, [[{"env": "X"}, "k", "h"]]]\n'
    )
    assert list(runtime.read_rows(str(data), "abc", "sqlite")) == [
        ("batch", "t", [("insert", "S1", 1), ("claim", "S0", 3)], [["a", "k", "h"]], ()),
        ("batch", "b", [("insert", "S1", 1)], [[{"hex": "00ff"}, "k", "h"]], [0]),
        ("group", "u", ["p0", "lk", "lh"], ["p0"], ("S0", "S1", None, "S0"), [[{"env": "X"}, "k", "h"]]),
    ]
    assert list(runtime.read_rows(str(data), "abc", "postgresql"))[0][2] == [("insert", "P0", None)]
    # A batch's binary values (at the positions given last) become bytes.
    assert runtime._with_bytes([[{"hex": "00ff"}, "k", "h"], [None, "k2", "h2"]], [0]) == [[b"\x00\xff", "k", "h"], [None, "k2", "h2"]]
