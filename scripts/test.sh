#!/usr/bin/env bash
# Runs every test: installs what is missing, builds, starts a throwaway PostgreSQL on
# loopback, then runs the Swift tests and the Python tests (generated module and
# scripts on real SQLite and PostgreSQL, through sqlite3, SQLAlchemy and psycopg2),
# after a bounded libFuzzer run over the loader. The release artifacts are built once
# (scripts/release.sh) and run with the toolchain hidden (Tests/python/test_release.py).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
if ! .venv/bin/python -c 'import sqlalchemy, psycopg2, bcrypt, pytest, yaml, pyflakes, jsonschema, ruamel.yaml' 2>/dev/null; then
  python3 -m venv .venv
  .venv/bin/pip install -q --disable-pip-version-check "SQLAlchemy>=2,<3" psycopg2-binary bcrypt pytest PyYAML pyflakes jsonschema ruamel.yaml
fi
swift build --product seedc
read -r pg_dir pg_url < <(scripts/postgres.sh)
trap 'scripts/postgres.sh stop "$pg_dir"' EXIT
export SEEDC_TEST_DATABASE_URL="$pg_url"
export SEEDC_TEST_PYTHON="$PWD/.venv/bin/python"
export SEEDC_BIN="$PWD/.build/debug/seedc"
status=0
if scripts/release.sh; then export SEEDC_DIST="$PWD/dist"; else status=1; fi
scripts/fuzz.sh "${SEEDC_FUZZ_SECONDS:-30}" || status=1
swift test 2>&1 | tee .build/swift-test.log || status=1
.venv/bin/python -m pytest -q Tests/python || status=1
exit $status
