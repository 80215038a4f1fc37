#!/usr/bin/env python3
"""Count and SHA-256 of the benchmark's rows in a database, over the columns every
tool writes, so no figure comes from a run that did the wrong work.

    checksum.py sqlite:PATH | postgresql://URL
    checksum.py --relational DATABASE       the relational case (bench/relational.py),
                                            references followed to natural keys"""

import hashlib
import sys

COLUMNS = {
    "sectors": ["slug", "title", "description"],
    "contacts": ["name", "organization", "position", "email", "phone", "sector", "parish", "latitude", "longitude", "notes"],
    "whatsapp_groups": ["name", "sector", "description", "link"],
    "announcements": ["title", "substr(CAST(date AS TEXT), 1, 10)", "author"],
}


RELATIONAL = {
    "authors": ("authors", ["email", "name"]),
    "categories": ("categories c LEFT JOIN categories p ON p.id = c.parent_id", ["c.slug", "c.title", "p.slug"]),
    "posts": ("posts t JOIN authors a ON a.id = t.author_id LEFT JOIN categories c ON c.id = t.category_id",
              ["t.slug", "t.title", "t.body", "a.email", "c.slug"]),
}


def main(url, relational=False):
    if url.startswith("sqlite:"):
        import sqlite3

        connection = sqlite3.connect(url[len("sqlite:"):])
    else:
        import psycopg2

        connection = psycopg2.connect(url)
    cursor = connection.cursor()
    digest = hashlib.sha256()
    count = 0
    for table, columns in (RELATIONAL if relational else COLUMNS).items():
        source, columns = columns if relational else ('"%s"' % table, columns)
        cursor.execute('SELECT %s FROM %s' % (", ".join(columns), source))
        rows = sorted(tuple("" if v is None else str(v) for v in row) for row in cursor.fetchall())
        count += len(rows)
        for row in rows:
            digest.update(("\x1f".join(row) + "\x1e").encode("utf-8"))
    print("%d rows sha256:%s" % (count, digest.hexdigest()[:16]))


if __name__ == "__main__":
    main(sys.argv[-1], relational=sys.argv[1] == "--relational")
