"""Load the public sample databases (chinook, northwind) into SQLite or PostgreSQL.

Each sample is a folder NAME/ holding sqlite.sql and postgres.sql (either may be .sql.gz).
The folders are looked for in $SEEDC_SAMPLE_DATA, then ../shared/fixtures/sample-databases
beside the project, then next to this file; tests should skip when data_dir() is None.

    load_sqlite("northwind", "/tmp/nw.db")
    load_postgres("chinook", "postgresql://postgres@/seedc?host=/tmp/pg&port=5499")
"""
import gzip
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

HERE = Path(__file__).resolve().parent


def data_dir():
    """The folder that holds the samples, or None when they are not on this machine."""
    for d in (os.environ.get("SEEDC_SAMPLE_DATA"),
              HERE.parents[2] / "shared" / "fixtures" / "sample-databases",
              HERE):
        if d and (Path(d) / "chinook").is_dir():
            return Path(d)
    return None


def _script(name, engine):
    base = data_dir()
    if base is None:
        raise FileNotFoundError("sample databases not found; set SEEDC_SAMPLE_DATA")
    for suffix in (".sql", ".sql.gz"):
        path = base / name / (engine + suffix)
        if path.exists():
            data = path.read_bytes()
            return gzip.decompress(data) if suffix.endswith(".gz") else data
    raise FileNotFoundError(f"{base / name}/{engine}.sql")


def load_sqlite(name, path):
    """Create the SQLite database file `path` (replaced if present) from NAME/sqlite.sql."""
    path = Path(path)
    path.unlink(missing_ok=True)
    db = sqlite3.connect(path)
    try:
        db.execute("PRAGMA foreign_keys = ON")
        db.executescript(_script(name, "sqlite").decode("utf-8"))
        broken = db.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            raise sqlite3.IntegrityError(f"{name}: foreign keys broken: {broken[:5]}")
    finally:
        db.close()
    return path


def load_postgres(name, url):
    """Run NAME/postgres.sql into the existing database at `url` with psql."""
    psql = shutil.which("psql") or "/usr/lib/postgresql/15/bin/psql"
    subprocess.run([psql, url, "-X", "-v", "ON_ERROR_STOP=1", "-q", "-f", "-"],
                   input=_script(name, "postgres"), check=True,
                   stdout=subprocess.DEVNULL)
