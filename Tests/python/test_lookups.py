"""A column that holds another record's database id (`references: regions.id`, where
`id` is not declared) is filled by looking the record up by its natural key, the same
way by all three ways of applying, on both engines."""

import subprocess

import pytest
import sqlalchemy

from conftest import load_module, seedc
from test_apply import database, rows, secrets  # noqa: F401  (fixtures shared with the apply tests)

CONTENT = """seed:
  tables:
    regions:
      key: slug
      columns:
        slug: {type: text, required: true}
        name: {type: text, required: true}
    places:
      key: name
      columns:
        name:      {type: text, required: true}
        region_id: {type: text, required: true, references: regions.id}
  records:
    regions:
      - {slug: north, name: North}
      - {slug: south, name: "South 🌴"}
    places:
      - {name: "Port Antonio", region_id: north}
      - {name: "Black River", region_id: south}
"""

TABLES = [
    "CREATE TABLE regions (id %s PRIMARY KEY, slug VARCHAR(50) NOT NULL, name VARCHAR(50) NOT NULL)",
    "CREATE TABLE places (id %s PRIMARY KEY, name VARCHAR(50) NOT NULL, region_id INTEGER NOT NULL REFERENCES regions (id))",
]


@pytest.fixture
def site(tmp_path):
    root = tmp_path / "site"
    root.mkdir()
    (root / "content.yaml").write_text(CONTENT)
    seedc("build", "--root", root)
    return root


def create(engine, url):
    serial = "INTEGER" if url.startswith("sqlite") else "SERIAL"
    with engine.begin() as connection:
        connection.exec_driver_sql("DROP TABLE IF EXISTS places")
        connection.exec_driver_sql("DROP TABLE IF EXISTS regions")
        connection.exec_driver_sql("DROP TABLE IF EXISTS seedc_ledger")
        # Ids that are not 1 and 2, so a wrong lookup cannot pass by chance.
        for statement in TABLES:
            connection.exec_driver_sql(statement % serial)
        connection.exec_driver_sql("INSERT INTO regions (id, slug, name) VALUES (40, 'west', 'West')")


def places(engine):
    return sorted(rows(engine, "SELECT p.name, r.slug FROM places p JOIN regions r ON r.id = p.region_id"))


EXPECTED = [("Black River", "south"), ("Port Antonio", "north")]


@pytest.mark.parametrize("way", ["apply", "script", "module"])
def test_ids_are_looked_up_by_natural_key(site, database, way):
    url, engine = database
    create(engine, url)
    if way == "apply":
        seedc("apply", "--root", site, "--database", url)
    elif way == "script":
        if url.startswith("sqlite:"):
            subprocess.run(["sqlite3", "-bail", url[len("sqlite:"):]], stdin=(site / "seeds" / "sqlite.sql").open(), check=True)
        else:
            with engine.begin() as connection:
                connection.exec_driver_sql((site / "seeds" / "postgres.sql").read_text().replace("%", "%%"))
    else:
        load_module(site).seed_initial_data(engine)
    assert places(engine) == EXPECTED
    # Every way agrees with apply afterwards: nothing left to do.
    assert seedc("plan", "--root", site, "--database", url, check=False).returncode == 0
    assert places(engine) == EXPECTED
