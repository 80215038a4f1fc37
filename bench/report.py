#!/usr/bin/env python3
"""Turns the benchmark's results (.bench/results: hyperfine JSON, peak RSS, row
checksums) into docs/benchmarks.md, and fails when two tools that load the same
content disagree on the rows.

    report.py RESULTS OUTPUT COMMAND"""

import datetime
import json
import os
import platform
import subprocess
import sys
from pathlib import Path

LOADERS = ["seedc-apply", "seed_initial_data", "incumbent", "floor-sqlite-import", "seedc-apply-postgres", "psql-postgres-sql"]
LABELS = {
    "seedc-build": "`seedc build`",
    "seedc-check": "`seedc check`",
    "seedc-apply": "`seedc apply`, fresh SQLite",
    "seedc-apply-noop": "`seedc apply`, no-op re-apply",
    "seed_initial_data": "`seed_initial_data.py`, fresh SQLite",
    "incumbent": "incumbent: PyYAML C loader + sqlite3",
    "floor-yaml-scan": "floor: libyaml event scan",
    "floor-sqlite-import": "floor: `sqlite3 .import`, one transaction",
    "seedc-apply-postgres": "`seedc apply`, fresh PostgreSQL",
    "psql-postgres-sql": "`psql -f seeds/postgres.sql`",
    "seedc-build-markdown": "`seedc build`, 1,000 markdown files",
    "seedc-check-repo": "`seedc check`, this repository",
    "seedc-apply-repo-noop": "`seedc apply` no-op, this repository",
}


def load(results):
    table = {}
    for path in sorted(results.glob("*.json")):
        group, name = path.stem.split("-", 1)
        run = json.loads(path.read_text())["results"][0]
        meta = (results / (path.stem + ".meta")).read_text().split("\n")
        rss = int((results / (path.stem + ".rss")).read_text().split()[-1])
        table.setdefault(group, {})[name] = {
            "median": run["median"], "min": run["min"], "max": run["max"], "rows": int(meta[0]), "check": meta[1], "rss": rss / 1024,
            "runs": run.get("runs", len(run.get("times", [])))}
    return table


def main(results, output, command):
    table = load(Path(results))
    problems = []
    for group, tools in table.items():
        checks = {name: tools[name]["check"] for name in LOADERS if name in tools}
        if len(set(checks.values())) > 1:
            problems.append("%s: the tools disagree on the rows: %s" % (group, checks))
    machine = "%s, %d cores, %s" % (platform.machine(), os.cpu_count(), subprocess.run(
        ["sh", "-c", "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"], capture_output=True, text=True).stdout.strip())
    lines = ["# Benchmarks", "",
             "Measured by `%s` on %s (%s), %s. Whole processes, release build; times are medians of "
             "hyperfine runs (3 at 100,000 records, 5 otherwise; one run where marked), peak RSS from `/usr/bin/time`. Every database a "
             "tool loaded was checked to hold the same rows (count and SHA-256 of the rows' columns)."
             % (command, datetime.date.today().isoformat(), platform.node() or "this machine", machine), ""]
    order = ["repo", "markdown"] + sorted((g for g in table if g.startswith("n")), key=lambda g: int(g[1:]))
    titles = {"repo": "This repository's content (19 records)", "markdown": "A markdown collection of 1,000 files"}
    for group in [g for g in order if g in table]:
        tools = table[group]
        incumbent = tools.get("incumbent")
        scan = tools.get("floor-yaml-scan")
        load_floor = (scan["median"] + tools["floor-sqlite-import"]["median"]) if scan and "floor-sqlite-import" in tools else None
        title = titles[group] if group in titles else "%s records" % format(int(group[1:]), ",")
        lines += ["## " + title, "",
                  "| tool | median | min–max | × incumbent | × floor | rows/s | peak RSS | rows (checksum) |",
                  "|---|---:|---:|---:|---:|---:|---:|---|"]
        for name, result in sorted(tools.items(), key=lambda item: list(LABELS).index(item[0]) if item[0] in LABELS else 99):
            floor = scan["median"] if scan and name in ("seedc-build", "seedc-check") else load_floor if name in LOADERS else None
            ratio_incumbent = "%.2f" % (result["median"] / incumbent["median"]) if incumbent else "–"
            ratio_floor = "%.2f" % (result["median"] / floor) if floor else "–"
            lines.append("| %s | %.3f s%s | %.3f–%.3f | %s | %s | %s | %.0f MB | %s |" % (
                LABELS.get(name, name), result["median"], " (1 run)" if result["runs"] == 1 else "", result["min"], result["max"], ratio_incumbent, ratio_floor,
                format(int(result["rows"] / result["median"]), ","), result["rss"], result["check"]))
        lines.append("")
    lines += ["\"× floor\" compares `seedc build`/`check` with the libyaml scan of the same records, and the loaders "
              "with the sum of the two floors (scan + `.import`).", ""]
    if problems:
        lines += ["**Problems:**", ""] + ["- " + p for p in problems] + [""]
    Path(output).parent.mkdir(parents=True, exist_ok=True)
    notes = Path(output).read_text().split("<!-- notes -->", 1)[1] if Path(output).exists() and "<!-- notes -->" in Path(output).read_text() else "\n"
    Path(output).write_text("\n".join(lines) + "<!-- notes -->" + notes)
    if problems:
        sys.exit("\n".join(problems))


if __name__ == "__main__":
    main(*sys.argv[1:4])
