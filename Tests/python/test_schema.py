"""`seedc schema` checked the way an editor uses it: YAML read as YAML 1.2 (ruamel.yaml,
as yaml-language-server does) and validated with python-jsonschema (draft 2020-12)."""

import datetime
import json

import jsonschema
import pytest
from ruamel.yaml import YAML

from conftest import REPO, seedc


def load(text):
    yaml = YAML(typ="safe", pure=True)
    yaml.version = (1, 2)
    return as_json(yaml.load(text))


def as_json(value):
    """Dates and times stay the text they were written as (editors treat them so)."""
    if isinstance(value, dict):
        return {str(k): as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    if isinstance(value, datetime.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


@pytest.fixture(scope="module")
def validator():
    run = seedc("schema", "--root", REPO)
    schema = json.loads(run.stdout)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def errors(validator, text):
    return sorted(validator.iter_errors(load(text)), key=lambda e: list(e.absolute_path))


def test_repository_content_and_include_file_are_valid(validator):
    for name in ("content.yaml", "records/users.yaml"):
        assert [e.message for e in errors(validator, (REPO / name).read_text())] == [], name


def test_broken_column_type(validator, tmp_path):
    text = (REPO / "content.yaml").read_text().replace("slug:        {type: text, required: true", "slug:        {type: txt, required: true", 1)
    found = errors(validator, text)
    assert [list(e.absolute_path) for e in found] == [["seed", "tables", "sectors", "columns", "slug"]]
    # seedc itself refuses the same content, and prints no schema.
    (tmp_path / "content.yaml").write_text(text)
    run = seedc("schema", "--root", tmp_path, check=False)
    assert run.returncode == 1 and run.stdout == ""
    assert 'unknown type "txt" (did you mean "text"?)' in run.stderr


def test_unknown_record_field(validator):
    text = (REPO / "content.yaml").read_text().replace("        contact_name: Marlene O'Connor\n", "        contact_nam: Marlene O'Connor\n", 1)
    found = errors(validator, text)
    assert [list(e.absolute_path) for e in found] == [["seed", "records", "whatsapp_groups", 0]]
    assert "'contact_nam' was unexpected" in found[0].message


def test_include_file_records(validator):
    text = "users:\n  - username: jane\n    password_hash: {env: JANE_PASSWORD}\n    is_admin: maybe\n  - full_name: No Name\n    password_hash: {env: X}\n"
    found = errors(validator, text)
    assert [list(e.absolute_path) for e in found] == [["users", 0, "is_admin"], ["users", 1]]
    assert "'username' is a required property" in found[1].message
    assert [list(e.absolute_path) for e in errors(validator, "usres: []\n")] == [[]]


def test_values_as_yaml_1_2_types_them(validator):
    """A text column takes 0755 (a number to YAML 1.2) and `no` (a string); enum and max hold."""
    record = "seed:\n  tables: {}\n  records:\n    contacts:\n      - {name: a, organization: b, phone: 0755, position: no, status: %s, parish: %s}\n"
    assert errors(validator, record % ("active", "x")) == []
    found = errors(validator, record % ("retired", "x" * 101))
    assert [e.absolute_path[-1] for e in found] == ["parish", "status"]

