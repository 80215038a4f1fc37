#!/usr/bin/env python3
"""Counts the tests a run of scripts/test.sh skipped, from the XCTest log (`Test
skipped - REASON` lines) and pytest's `-rs` summary (`SKIPPED [N] FILE:LINE: REASON`).

Every skip in this project is for something the machine lacks: ../shared/fixtures,
the PostgreSQL server, root, the release artifacts. CI has all of them, so when
CI=true any skip fails the run (exit 1); elsewhere the skips are listed and counted.

    python3 scripts/skips.py .build/swift-test.log .build/pytest.log
"""

import os
import re
import sys

XCTEST = re.compile(r"^.*?: (\S+) : Test skipped(?: - (.*))?$")
PYTEST = re.compile(r"^SKIPPED \[(\d+)\] (.*)$")


def skips(paths):
    found = []
    for path in paths:
        try:
            lines = open(path, encoding="utf-8", errors="replace").read().splitlines()
        except FileNotFoundError:
            found.append((1, "%s: no log (the run did not happen)" % path))
            continue
        for line in lines:
            match = XCTEST.match(line)
            if match:
                found.append((1, "%s: %s" % (match.group(1), match.group(2) or "")))
            match = PYTEST.match(line)
            if match:
                found.append((int(match.group(1)), match.group(2)))
    return found


def main():
    found = skips(sys.argv[1:])
    total = sum(count for count, _ in found)
    for count, what in found:
        print("skipped%s: %s" % (" %d" % count if count > 1 else "", what))
    ci = os.environ.get("CI") == "true"
    print("%d tests skipped%s" % (total, " (CI=true: a skip fails the run)" if ci and total else ""))
    return 1 if ci and total else 0


if __name__ == "__main__":
    sys.exit(main())
