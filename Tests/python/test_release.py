"""The release artifacts (scripts/release.sh: the tarball and the wheel) run where there
is no Swift toolchain: each command runs in its own mount namespace (`unshare -m`)
with an empty tmpfs over the toolchain folder. From the tarball's binary and from a
fresh venv with the wheel installed: --version, build, check, apply to SQLite, apply
to PostgreSQL. Both binaries import no symbol newer than glibc 2.34 and GCC 11's
libstdc++ (`objdump -T`), the wheel is tagged manylinux_2_34, and dist/SHA256SUMS
checks.

scripts/test.sh builds the artifacts once and sets SEEDC_DIST; without it these
tests skip (run scripts/release.sh, then SEEDC_DIST=dist)."""

import os
import re
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
import sqlalchemy

from conftest import CONTENT, REPO, SEEDC
from expectations import check_rows

TOOLCHAIN = os.environ.get("SEEDC_TOOLCHAIN", "/opt/swift")
DIST = os.environ.get("SEEDC_DIST")
VERSION = re.search(r'static let tool = "([^"]+)"', (REPO / "Sources/SeedCompiler/Schema/Version.swift").read_text()).group(1)

pytestmark = [
    pytest.mark.skipif(not DIST, reason="SEEDC_DIST is not set: build the artifacts with scripts/release.sh (scripts/test.sh does)"),
    pytest.mark.skipif(os.geteuid() != 0, reason="hiding the toolchain needs root (unshare -m and a tmpfs mount)"),
]


def hidden(*command, env=None, without_libpq=False):
    """Runs `command` with an empty tmpfs over the toolchain, in a private mount
    namespace; `without_libpq` also puts an empty file over libpq.so.5."""
    script = 'mount -t tmpfs -o size=1m seedc-no-toolchain "$0" && '
    if without_libpq:
        script += 'for f in /usr/lib/*/libpq.so.5; do mount --bind /dev/null "$f"; done && '
    return subprocess.run(["unshare", "-m", "sh", "-c", script + 'exec "$@"', TOOLCHAIN, *map(str, command)],
                          capture_output=True, text=True, env=env)


@pytest.fixture(scope="module")
def binaries(tmp_path_factory):
    """{"tarball": path, "wheel": path} of the release binary, installed both ways."""
    dist = Path(DIST)
    tarball = dist / ("seedc-%s-linux-x86_64.tar.gz" % VERSION)
    wheels = list(dist.glob("seedc-%s-py3-none-manylinux_*_x86_64.whl" % VERSION))
    assert tarball.is_file(), "missing %s" % tarball
    assert len(wheels) == 1, "expected one wheel in %s, found %s" % (dist, wheels)
    root = tmp_path_factory.mktemp("release")
    with tarfile.open(tarball) as archive:
        assert archive.getnames() == ["seedc"]
        archive.extractall(root / "tar", filter="data")
    venv = root / "venv"
    subprocess.run([sys.executable, "-m", "venv", venv], check=True)
    # As a user would, with the venv's own pip (the wheel has no dependencies: no index needed).
    subprocess.run([venv / "bin" / "pip", "install", "-q", "--disable-pip-version-check", "--no-index", wheels[0]], check=True)
    return {"tarball": root / "tar" / "seedc", "wheel": venv / "bin" / "seedc"}


def test_the_toolchain_is_hidden():
    assert Path(TOOLCHAIN, "usr/bin/swift").exists()
    listing = hidden("ls", "-A", TOOLCHAIN)
    assert listing.returncode == 0 and listing.stdout == "", listing.stderr
    # The debug build links the toolchain's libswiftCore.so: hidden, it cannot start.
    debug = hidden(SEEDC, "--version")
    assert debug.returncode != 0 and "libswift" in debug.stderr


@pytest.mark.parametrize("kind", ["tarball", "wheel"])
def test_runs_without_the_toolchain(kind, binaries, tmp_path, pg_url, monkeypatch):
    seedc = binaries[kind]
    env = dict(os.environ, ADMIN_PASSWORD="correct horse battery staple", IM_OFFICER_PASSWORD="another one")
    env.pop("DATABASE_URL", None)

    version = hidden(seedc, "--version", env=env)
    assert (version.returncode, version.stdout) == (0, "seedc %s (content format 1)\n" % VERSION), version.stderr

    root = tmp_path / "hub"
    root.mkdir()
    for name in CONTENT:
        (shutil.copytree if (REPO / name).is_dir() else shutil.copy)(REPO / name, root / name)
    build = hidden(seedc, "build", "--root", root, env=env)
    assert build.returncode == 0, build.stderr
    outputs = sorted(path.name for path in (REPO / "seeds").iterdir())
    assert outputs == ["manifest.json", "postgres.sql", "seed_initial_data.jsonl", "seed_initial_data.py", "sqlite.sql"]
    assert sorted(path.name for path in (root / "seeds").iterdir()) == outputs
    for name in outputs:
        assert (root / "seeds" / name).read_bytes() == (REPO / "seeds" / name).read_bytes(), name
    check = hidden(seedc, "check", "--root", root, env=env)
    assert check.returncode == 0, check.stderr

    from models import Base

    sqlite_file = tmp_path / "app.db"
    engine = sqlalchemy.create_engine("sqlite:///%s" % sqlite_file)
    Base.metadata.create_all(engine)
    for url, engine in (("sqlite:%s" % sqlite_file, engine),
                        (pg_url, sqlalchemy.create_engine(pg_url.replace("postgresql://", "postgresql+psycopg2://")))):
        apply = hidden(seedc, "apply", "--root", root, "--database", url, env=env)
        assert apply.returncode == 0, apply.stderr
        check_rows(engine, users=2)
        again = hidden(seedc, "plan", "--root", root, "--database", url, env=env)
        assert again.returncode == 0 and "nothing to do" in again.stdout, again.stdout + again.stderr
        engine.dispose()


def test_libpq_is_needed_only_for_postgres(binaries, hub, sqlite_path, pg_url):
    """libpq is loaded when a postgres:// database is used, not before."""
    seedc = binaries["tarball"]
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    check = hidden(seedc, "check", "--root", hub, env=env, without_libpq=True)
    assert check.returncode == 0, check.stderr
    apply = hidden(seedc, "apply", "--root", hub, "--database", "sqlite:%s" % sqlite_path, env=env, without_libpq=True)
    assert apply.returncode == 0, apply.stderr
    postgres = hidden(seedc, "plan", "--root", hub, "--database", pg_url, env=env, without_libpq=True)
    assert postgres.returncode == 1
    assert "PostgreSQL needs libpq, which could not be loaded" in postgres.stderr
    assert "apt-get install libpq5" in postgres.stderr


# The newest symbol versions the release may import: glibc 2.34 (RHEL/Alma/Rocky 9,
# Amazon Linux 2023; Ubuntu 22.04 has 2.35) and GCC 11's libstdc++ (RHEL 9's).
FLOOR = {"GLIBC": (2, 34), "GLIBCXX": (3, 4, 29), "CXXABI": (1, 3, 13)}


@pytest.mark.parametrize("kind", ["tarball", "wheel"])
def test_imports_nothing_newer_than_glibc_2_34(kind, binaries):
    dump = subprocess.run(["objdump", "-T", binaries[kind]], capture_output=True, text=True, check=True).stdout
    imported = [line for line in dump.splitlines() if "*UND*" in line]
    assert any("GLIBC_2.34" in line for line in imported), "expected glibc symbols in:\n" + dump[:2000]
    too_new = []
    for line in imported:
        found = re.search(r"\((GLIBC|GLIBCXX|CXXABI)_([0-9.]+)\)", line)
        if found and tuple(map(int, found.group(2).split("."))) > FLOOR[found.group(1)]:
            too_new.append(line)
    assert too_new == []


def test_wheel_is_manylinux_2_34_and_checksums_verify():
    dist = Path(DIST)
    assert [w.name for w in dist.glob("*.whl")] == ["seedc-%s-py3-none-manylinux_2_34_x86_64.whl" % VERSION]
    check = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=dist, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    assert sorted(check.stdout.splitlines()) == [
        "seedc-%s-linux-x86_64.tar.gz: OK" % VERSION,
        "seedc-%s-py3-none-manylinux_2_34_x86_64.whl: OK" % VERSION,
    ]
