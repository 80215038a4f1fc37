#!/usr/bin/env python3
"""Count and SHA-256 of the benchmark's rows in a database, over the columns every
tool writes, so no figure comes from a run that did the wrong work.

    checksum.py sqlite:PATH | postgresql://URL"""

import hashlib
import sys

COLUMNS = {
    "sectors": ["slug", "title", "description"],
    "contacts": ["name", "organization", "position", "email", "phone", "sector", "parish", "latitude", "longitude", "notes"],
    "whatsapp_groups": ["name", "sector", "description", "link"],
    "announcements": ["title", "substr(CAST(date AS TEXT), 1, 10)", "author"],
}


def main(url):
    if url.startswith("sqlite:"):
        import sqlite3

        connection = sqlite3.connect(url[len("sqlite:"):])
    else:
        import psycopg2

        connection = psycopg2.connect(url)
    cursor = connection.cursor()
    digest = hashlib.sha256()
    count = 0
    for table, columns in COLUMNS.items():
        cursor.execute('SELECT %s FROM "%s"' % (", ".join(columns), table))
        rows = sorted(tuple("" if v is None else str(v) for v in row) for row in cursor.fetchall())
        count += len(rows)
        for row in rows:
            digest.update(("\x1f".join(row) + "\x1e").encode("utf-8"))
    print("%d rows sha256:%s" % (count, digest.hexdigest()[:16]))


if __name__ == "__main__":
    main(sys.argv[1])
