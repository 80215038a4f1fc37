"""`seedc plan --format json` on a real SQLite file and PostgreSQL database: inserts,
updates with old and new values, prunes, skipped rows and totals; the exit codes of
the text format; secrets never shown."""

import json

import pytest
import sqlalchemy

from conftest import seedc
from models import Base

PENDING = 2
PASSWORD = "correct horse battery staple"


@pytest.fixture(params=["sqlite", "postgres"])
def url(request, tmp_path, monkeypatch):
    monkeypatch.setenv("ADMIN_PASSWORD", PASSWORD)
    monkeypatch.delenv("IM_OFFICER_PASSWORD", raising=False)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    if request.param == "postgres":
        return request.getfixturevalue("pg_url")
    path = tmp_path / "app.db"
    engine = sqlalchemy.create_engine("sqlite:///%s" % path)
    Base.metadata.create_all(engine)
    engine.dispose()
    return "sqlite:%s" % path


def plan(hub, url, *args):
    run = seedc("plan", "--root", hub, "--database", url, "--format", "json", *args, check=False)
    return run.returncode, json.loads(run.stdout)


def table(report, name):
    return next(t for t in report["tables"] if t["table"] == name)


def test_fresh_database(hub, url):
    status, report = plan(hub, url)
    assert status == PENDING and report["pending"] is True
    contacts = table(report, "contacts")
    assert ["Sandra Campbell", "Parish Disaster Office"] in [i["key"] for i in contacts["inserts"]]
    users = table(report, "users")
    assert users["inserts"] == [{"key": ["admin"], "secrets_from_env": ["ADMIN_PASSWORD"]}]
    assert users["skipped"] == [{"key": ["im.officer"], "variables": ["IM_OFFICER_PASSWORD"]}]
    totals = report["totals"]
    assert totals["inserts"] == sum(len(t["inserts"]) for t in report["tables"]) > 0
    assert (totals["updates"], totals["prunes"], totals["skipped"]) == (0, 0, 1)
    assert all(t["totals"]["inserts"] == len(t["inserts"]) for t in report["tables"])


def test_updates_prunes_and_nothing_to_do(hub, url):
    seedc("apply", "--root", hub, "--database", url)
    content = hub / "content.yaml"
    text = content.read_text()
    text = text.replace("Distribution plans by parish (no duplicate targeting).", "Plans by parish.")
    start = text.index("      - name: Health Partners")
    text = text[:start] + text[text.index("      - name: Food Security Working Group"):]
    content.write_text(text)
    status, report = plan(hub, url, "--prune")
    assert status == PENDING
    groups = table(report, "whatsapp_groups")
    assert groups["updates"] == [{
        "key": ["https://chat.whatsapp.com/ExampleFood04"],
        "columns": [{"column": "description", "old": "Distribution plans by parish (no duplicate targeting).", "new": "Plans by parish."}],
    }]
    assert groups["prunes"] == [["https://chat.whatsapp.com/ExampleHealth03"]]
    assert report["totals"] == {"inserts": 0, "updates": 1, "prunes": 1, "skipped": 1}
    assert PASSWORD not in json.dumps(report) and "$2b$" not in json.dumps(report)

    seedc("apply", "--root", hub, "--database", url, "--prune")
    status, report = plan(hub, url, "--prune")
    assert status == 0 and report["pending"] is False
    assert report["totals"]["inserts"] == report["totals"]["updates"] == report["totals"]["prunes"] == 0


def test_invalid_content_exits_1_with_json_diagnostics(hub, url):
    content = hub / "content.yaml"
    content.write_text(content.read_text().replace("sector: WASH\n", "sector: Wash\n", 1))
    run = seedc("plan", "--root", hub, "--database", url, "--format", "json", check=False)
    assert run.returncode == 1 and run.stdout == ""
    problem = json.loads(run.stderr.splitlines()[0])
    assert problem["id"] == "unknown-reference"
