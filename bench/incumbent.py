#!/usr/bin/env python3
"""The incumbent: how the app seeds today, made idempotent. PyYAML's C loader reads
the records, Python's sqlite3 inserts each one that is missing (INSERT ... SELECT ...
WHERE NOT EXISTS on its natural key), all in one transaction.

    incumbent.py RECORDS.yaml DATABASE"""

import sqlite3
import sys

import yaml

KEYS = {"sectors": ["slug"], "whatsapp_groups": ["link"], "announcements": ["title"], "contacts": ["name", "organization"]}


def main(path, database):
    with open(path, "rb") as f:
        data = yaml.load(f, Loader=yaml.CSafeLoader)
    connection = sqlite3.connect(database)
    with connection:
        for table, rows in data.items():
            for row in rows:
                row = dict(row)
                if "body" in row:
                    row["content"] = row.pop("body")
                columns = list(row)
                match = " AND ".join('"%s" = ?' % key for key in KEYS[table])
                connection.execute(
                    'INSERT INTO "%s" (%s) SELECT %s WHERE NOT EXISTS (SELECT 1 FROM "%s" WHERE %s)'
                    % (table, ", ".join('"%s"' % c for c in columns), ", ".join("?" * len(columns)), table, match),
                    [row[c] for c in columns] + [row[key] for key in KEYS[table]])
    connection.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
