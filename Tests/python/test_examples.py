"""The deployment examples in docs/examples (shown in docs/deploy.md) parse, and say
what docs/deploy.md says they do."""

import re

import yaml

from conftest import REPO

EXAMPLES = REPO / "docs" / "examples"
VERSION = re.search(r'static let tool = "([^"]+)"', (REPO / "Sources/SeedCompiler/Schema/Version.swift").read_text()).group(1)


def test_github_workflow():
    workflow = yaml.safe_load((EXAMPLES / "github-workflow.yml").read_text())
    steps = workflow["jobs"]["seedc-check"]["steps"]
    runs = [step["run"] for step in steps if "run" in step]
    assert any(run.startswith("pip install") and "seedc==%s" % VERSION in run for run in runs), runs
    assert runs[-1] == "seedc check --format github"
    assert "pull_request" in workflow[True]  # PyYAML reads the key `on` as True


def test_render_blueprint():
    blueprint = yaml.safe_load((EXAMPLES / "render.yaml").read_text())
    services = {service["name"]: service for service in blueprint["services"]}
    paid = services["imhub"]
    assert paid["preDeployCommand"].split("#")[0].strip() == "seedc apply"
    assert "seedc==%s" % VERSION in paid["buildCommand"]
    database = next(var for var in paid["envVars"] if var["key"] == "DATABASE_URL")
    assert database["fromDatabase"] == {"name": blueprint["databases"][0]["name"], "property": "connectionString"}
    free = services["imhub-free"]
    assert free["plan"] == "free" and "preDeployCommand" not in free
    assert next(var for var in free["envVars"] if var["key"] == "DATABASE_URL")["value"].startswith("sqlite:")


def test_deploy_page_shows_the_examples():
    page = (REPO / "docs" / "deploy.md").read_text()
    for name in ("github-workflow.yml", "render.yaml"):
        assert "```yaml\n%s```\n" % (EXAMPLES / name).read_text() in page, "docs/deploy.md does not show docs/examples/%s as it is" % name
        assert "(examples/%s)" % name in page, "docs/deploy.md does not link docs/examples/%s" % name
