"""The generated scripts print nothing on success through the real shells: no
advisory-lock result row, no NOTICE about the ledger table, on a first and a second run."""

import subprocess


def test_postgres_script_is_quiet(hub, pg_url):
    script = hub / "seeds" / "postgres.sql"
    for _ in range(2):  # the second run meets an existing ledger table
        run = subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", pg_url, "-f", str(script)], capture_output=True, text=True)
        assert run.returncode == 0, run.stderr
        assert (run.stdout, run.stderr) == ("", "")


def test_postgres_script_still_reports_errors(hub, pg_databases):
    url = pg_databases(tables=False)
    run = subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", url, "-f", str(hub / "seeds" / "postgres.sql")], capture_output=True, text=True)
    assert run.returncode != 0
    assert 'relation "announcements" does not exist' in run.stderr


def test_sqlite_script_is_quiet(hub, sqlite_path):
    for _ in range(2):
        with open(hub / "seeds" / "sqlite.sql", "rb") as stdin:
            run = subprocess.run(["sqlite3", str(sqlite_path)], stdin=stdin, capture_output=True, text=True)
        assert run.returncode == 0, run.stderr
        assert (run.stdout, run.stderr) == ("", "")
