#!/usr/bin/env python3
"""Turns the benchmark's results (.bench/results/GROUP/NAME.*: hyperfine JSON, peak
RSS, row checksums, failures) into docs/benchmarks.md: the targets of issue 11 as
measured, then one table per size and layout. Fails when two tools that load the
same records disagree on the rows, or when a measured command failed. The text after
`<!-- notes -->` in OUTPUT is hand-written and kept.

    report.py RESULTS OUTPUT COMMAND"""

import datetime
import json
import os
import platform
import subprocess
import sys
from pathlib import Path

LOADERS = ["seedc-apply", "seed_initial_data", "incumbent", "floor-sqlite-import", "sqlite-utils", "seedc-apply-postgres", "psql-postgres-sql"]
LABELS = {
    "seedc-build": "`seedc build`",
    "seedc-check": "`seedc check`",
    "seedc-apply": "`seedc apply`, fresh SQLite",
    "seedc-apply-noop": "`seedc apply`, no-op re-apply",
    "seed_initial_data": "`seed_initial_data.py`, fresh SQLite",
    "seed_initial_data-noop": "`python -B seed_initial_data.py`, no-op (cold, no .pyc)",
    "incumbent": "incumbent: PyYAML C loader + sqlite3",
    "sqlite-utils": "peer: `sqlite-utils insert` from JSON, fresh SQLite",
    "floor-yaml-scan": "floor: libyaml event scan",
    "floor-sqlite-import": "floor: `sqlite3 .import`, one transaction",
    "seedc-apply-postgres": "`seedc apply`, fresh PostgreSQL",
    "psql-postgres-sql": "`psql -f seeds/postgres.sql`",
    "seedc-build-markdown": "`seedc build`, 1,000 markdown files",
    "seedc-check-repo": "`seedc check`, this repository",
    "seedc-apply-repo-noop": "`seedc apply` no-op, this repository",
}
INLINE = "-inline"


def load(results):
    """{group: {name: result}}; a failed command's result is {"failed": exit status}."""
    table = {}
    for folder in sorted(p for p in results.iterdir() if p.is_dir()):
        for path in sorted(folder.glob("*.failed")):
            table.setdefault(folder.name, {})[path.stem] = {"failed": path.read_text().strip()}
        for path in sorted(folder.glob("*.json")):
            run = json.loads(path.read_text())["results"][0]
            meta = path.with_suffix(".meta").read_text().split("\n")
            rss = int(path.with_suffix(".rss").read_text().split()[-1])
            table.setdefault(folder.name, {})[path.stem] = {
                "median": run["median"], "min": run["min"], "max": run["max"], "rows": int(meta[0]), "check": meta[1], "rss": rss / 1024,
                "runs": run.get("runs", len(run.get("times", [])))}
    return table


RELATIONAL = "r"


def is_relational(group):
    """The relational case's groups: r1000, r100000 (not "repo")."""
    return group.startswith(RELATIONAL) and group[1:].isdigit()


def size_of(group):
    return int(group[1:].removesuffix(INLINE))


def relational_rows(table):
    """Per size with a relational case: (tool, relational, flat, ratio) for the loaders."""
    rows = []
    for group in sorted((g for g in table if is_relational(g)), key=size_of):
        flat = table.get("n%d" % size_of(group), {})
        for name in ("seedc-apply", "seedc-apply-postgres", "psql-postgres-sql"):
            related, plain = figure(table[group], name), figure(flat, name)
            if related and plain:
                rows.append("| %s records | %s | %.3f s | %.3f s | %.2f × |" % (format(size_of(group), ","), LABELS[name], related, plain, related / plain))
    return rows


def figure(tools, name, key="median"):
    """A measured figure, or None when the tool was not measured or failed."""
    result = tools.get(name) if tools else None
    return result[key] if result and "failed" not in result else None


def seconds(value):
    return "%.3f s" % value if value < 10 else "%.1f s" % value


def target_rows(table):
    """(target, measured, met) rows for issue 11's targets, at 100,000 records (else the
    largest size measured up to it, named as such) and at 1,000,000 when measured."""
    sizes = sorted({size_of(g) for g in table if g.startswith("n")})
    small = [s for s in sizes if s <= 100000]
    at = max(small) if small else None
    rows = []

    def row(target, values, measured, met):
        if any(v is None for v in values):
            rows.append((target, "not measured", "–"))
        else:
            rows.append((target, measured(*values), "yes" if met(*values) else "**no**"))

    include, inline = (table.get("n%d" % at, {}), table.get("n%d%s" % (at, INLINE), {})) if at else ({}, {})
    scan_import = figure(include, "floor-sqlite-import")
    layouts = [("include file", include), ("inline", inline)]
    for layout, tools in layouts:
        floors = [figure(tools, "floor-yaml-scan"), scan_import]
        row("`seedc apply` (%s) ≤ 1.5 × (scan + `.import`)" % layout, [figure(tools, "seedc-apply")] + floors,
            lambda a, s, i: "%s = %.2f × (%s + %s)" % (seconds(a), a / (s + i), seconds(s), seconds(i)),
            lambda a, s, i: a <= 1.5 * (s + i))
    for layout, tools in layouts:
        row("`seedc apply` (%s) ≥ 15 × faster than the incumbent" % layout, [figure(tools, "seedc-apply"), figure(include, "incumbent")],
            lambda a, b: "%s vs %s: %.1f ×" % (seconds(a), seconds(b), b / a), lambda a, b: b / a >= 15)
    for layout, tools in layouts:
        row("`seedc apply` (%s) faster than `sqlite-utils`" % layout, [figure(tools, "seedc-apply"), figure(include, "sqlite-utils")],
            lambda a, b: "%s vs %s" % (seconds(a), seconds(b)), lambda a, b: a < b)
    for command in ("build", "check"):
        for layout, tools in layouts:
            row("`seedc %s` (%s) ≤ 2 × the libyaml scan" % (command, layout), [figure(tools, "seedc-" + command), figure(tools, "floor-yaml-scan")],
                lambda a, s: "%s = %.1f × %s" % (seconds(a), a / s, seconds(s)), lambda a, s: a <= 2 * s)
    for layout, tools in layouts:
        row("no-op re-apply (%s) < 0.3 s" % layout, [figure(tools, "seedc-apply-noop")], seconds, lambda a: a < 0.3)
    for layout, tools in layouts:
        row("peak RSS of build, check, apply (%s) < 150 MB" % layout, [figure(tools, "seedc-" + c, "rss") for c in ("build", "check", "apply")],
            lambda b, c, a: "%.0f, %.0f, %.0f MB" % (b, c, a), lambda *v: max(v) < 150)
    row("`seed_initial_data.py` no-op, cold, no .pyc: < 0.5 s and < 60 MB",
        [figure(include, "seed_initial_data-noop"), figure(include, "seed_initial_data-noop", "rss")],
        lambda t, m: "%s, %.0f MB" % (seconds(t), m), lambda t, m: t < 0.5 and m < 60)
    row("first apply through `seed_initial_data.py` ≤ 3 × `seedc apply`", [figure(include, "seed_initial_data"), figure(include, "seedc-apply")],
        lambda m, a: "%s = %.1f × %s" % (seconds(m), m / a, seconds(a)), lambda m, a: m <= 3 * a)
    row("PostgreSQL: `seedc apply` rows/s ≥ `psql -f seeds/postgres.sql`'s",
        [figure(include, "seedc-apply-postgres"), figure(include, "psql-postgres-sql"), figure(include, "seedc-apply-postgres", "rows")],
        lambda a, p, n: "%s vs %s rows/s" % (format(int(n / a), ","), format(int(n / p), ",")), lambda a, p, n: a <= p)
    if at is None:
        rows = []

    if 1000000 in sizes:
        for layout, suffix in (("include file", ""), ("inline", INLINE)):
            big, base = table.get("n1000000" + suffix, {}), table.get("n100000" + suffix, {})
            if not big:
                continue
            for command in ("apply", "build"):
                name = "seedc-" + command
                row("at 1,000,000 records: `seedc %s` (%s) peak RSS < 200 MB" % (command, layout), [figure(big, name, "rss")],
                    lambda m: "%.0f MB" % m, lambda m: m < 200)
                row("at 1,000,000 records: `seedc %s` (%s) ≤ 11 × its 100,000 time" % (command, layout), [figure(big, name), figure(base, name)],
                    lambda b, s: "%s = %.1f × %s" % (seconds(b), b / s, seconds(s)), lambda b, s: b <= 11 * s)
    return rows, at


def main(results, output, command):
    table = load(Path(results))
    problems = []
    for group, tools in sorted(table.items()):
        problems += ["%s: %s failed (exit %s)" % (group, name, r["failed"]) for name, r in tools.items() if "failed" in r]
    for size in sorted({size_of(g) for g in table if g.startswith("n")}):
        checks = {"%s %s" % (g, name): r["check"] for g in ("n%d" % size, "n%d%s" % (size, INLINE))
                  for name, r in table.get(g, {}).items() if r.get("check", "-") != "-"}
        if len(set(checks.values())) > 1:
            problems.append("%s records: the tools disagree on the rows: %s" % (format(size, ","), checks))
    machine = "%s, %d cores, %s" % (platform.machine(), os.cpu_count(), subprocess.run(
        ["sh", "-c", "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"], capture_output=True, text=True).stdout.strip())
    lines = ["# Benchmarks", "",
             "Measured by `%s` on %s (%s), %s. Whole processes, release build; times are medians of "
             "hyperfine runs (3 at 100,000 records, 5 below it, one above it and where marked), peak RSS from `/usr/bin/time`. "
             "Every database a tool loaded was checked to hold the same rows (count and SHA-256 of the rows' columns)."
             % (command, datetime.date.today().isoformat(), platform.node() or "this machine", machine), ""]
    targets, at = target_rows(table)
    if targets:
        lines += ["## Targets (issue 11)", ""]
        if at:
            lines += ["At %s records%s, unless the row says otherwise." % (
                format(at, ","), "" if at == 100000 else " (the targets are set at 100,000; this run had no such size)"), ""]
        lines += ["| target | measured | met |", "|---|---|---|"] + ["| %s | %s | %s |" % r for r in targets] + [""]
    relational = relational_rows(table)
    if relational:
        lines += ["## Relational against flat", "",
                  "The relational case (`bench/relational.py`: posts referencing their author and category by natural key, "
                  "categories a tree, every id the database's) beside the flat one of the same size, in this run.", "",
                  "| size | tool | relational | flat | ratio |", "|---|---|---:|---:|---:|"] + relational + [""]
    order = ["repo", "markdown"] + sorted((g for g in table if g.startswith("n") or is_relational(g)), key=lambda g: (size_of(g), is_relational(g), g.endswith(INLINE)))
    titles = {"repo": "This repository's content (19 records)", "markdown": "A markdown collection of 1,000 files"}
    for group in [g for g in order if g in table]:
        tools = table[group]
        inline = group.endswith(INLINE)
        # The inline layout's references are the include layout's (the same records),
        # except the scan, which reads the file that holds them: content.yaml.
        same = table.get(group.removesuffix(INLINE), {}) if inline else tools
        incumbent = figure(same, "incumbent")
        scan = figure(tools, "floor-yaml-scan")
        scan_import = figure(same, "floor-sqlite-import")
        load_floor = scan + scan_import if scan and scan_import else None
        if group in titles:
            title = titles[group]
        elif is_relational(group):
            title = "%s records, relational (`bench/relational.py`)" % format(size_of(group), ",")
        else:
            title = "%s records, %s" % (format(size_of(group), ","), "inline in `content.yaml` (`seed.records:`)" if inline else "in an include file (`records/bench.yaml`)")
        lines += ["## " + title, "",
                  "| tool | median | min–max | × incumbent | × floor | rows/s | peak RSS | rows (checksum) |",
                  "|---|---:|---:|---:|---:|---:|---:|---|"]
        for name, result in sorted(tools.items(), key=lambda item: list(LABELS).index(item[0]) if item[0] in LABELS else 99):
            if "failed" in result:
                lines.append("| %s | **failed** (exit %s) | | | | | | |" % (LABELS.get(name, name), result["failed"]))
                continue
            floor = scan if name in ("seedc-build", "seedc-check") else load_floor if name in LOADERS else None
            ratio_incumbent = "%.2f" % (result["median"] / incumbent) if incumbent else "–"
            ratio_floor = "%.2f" % (result["median"] / floor) if floor else "–"
            lines.append("| %s | %.3f s%s | %.3f–%.3f | %s | %s | %s | %.0f MB | %s |" % (
                LABELS.get(name, name), result["median"], " (1 run)" if result["runs"] == 1 else "", result["min"], result["max"], ratio_incumbent, ratio_floor,
                format(int(result["rows"] / result["median"]), ","), result["rss"], result["check"]))
        lines.append("")
    lines += ["\"× floor\" compares `seedc build`/`check` with the libyaml scan of the file that holds the records "
              "(`records/bench.yaml`, or `content.yaml` for the inline layout), and the loaders with the sum of the two "
              "floors (that scan + `.import`). The inline layout's \"× incumbent\" and `.import` are the include layout's, "
              "which load the same records. `.import` and `sqlite-utils` load the columns the records give "
              "(an announcement's markdown body as its `content`), not the defaults and timestamps seedc fills.", ""]
    if problems:
        lines += ["**Problems:**", ""] + ["- " + p for p in problems] + [""]
    Path(output).parent.mkdir(parents=True, exist_ok=True)
    notes = Path(output).read_text().split("<!-- notes -->", 1)[1] if Path(output).exists() and "<!-- notes -->" in Path(output).read_text() else "\n"
    Path(output).write_text("\n".join(lines) + "<!-- notes -->" + notes)
    if problems:
        sys.exit("\n".join(problems))


if __name__ == "__main__":
    main(*sys.argv[1:4])
