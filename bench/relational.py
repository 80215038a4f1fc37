#!/usr/bin/env python3
"""The relational case of the benchmark: content whose records reference each other by
natural key, as `seedc init` and `capture` write them for a blog's tables. Of SIZE
records, 10 % are authors (keyed by email), 1 % categories forming a tree four levels
deep (each references its parent by slug), and the rest posts, each referencing its
author by email and its category by slug. The ids are the database's own.

    relational.py SIZE DIR          writes DIR/content.yaml and DIR/records/bench.yaml
    relational.py --tables URL      creates the tables (dropping them first) in a
                                    sqlite:///PATH or postgresql:// database
"""

import random
import sys
from pathlib import Path

SCHEMA = """
CREATE TABLE authors (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE, name TEXT);
CREATE TABLE categories (id INTEGER PRIMARY KEY, slug TEXT NOT NULL UNIQUE, title TEXT, parent_id INTEGER REFERENCES categories (id));
CREATE TABLE posts (id INTEGER PRIMARY KEY, slug TEXT NOT NULL UNIQUE, title TEXT, body TEXT,
                    author_id INTEGER NOT NULL REFERENCES authors (id), category_id INTEGER REFERENCES categories (id));
"""

CONTENT = """# The relational benchmark: posts -> users and categories, categories a tree.
seed:
  include: [records/bench.yaml]
  tables:
    authors:
      key: email
      columns:
        email: {type: email, required: true}
        name: text
    categories:
      key: slug
      columns:
        slug: {type: text, required: true}
        title: text
        parent_id: {type: text, references: categories.id}
    posts:
      key: slug
      columns:
        slug: {type: text, required: true}
        title: text
        body: text
        author_id: {type: email, required: true, references: authors.id}
        category_id: {type: text, references: categories.id}
"""


def generate(size, folder):
    rng = random.Random(size)
    authors = max(1, size // 10)
    categories = max(1, size // 100)
    posts = size - authors - categories
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "records").mkdir(exist_ok=True)
    (folder / "content.yaml").write_text(CONTENT)
    with open(folder / "records" / "bench.yaml", "w") as out:
        out.write("authors:\n")
        for n in range(authors):
            out.write("  - email: author%d@example.org\n    name: \"Author %d ✚\"\n" % (n, n))
        out.write("categories:\n")
        for n in range(categories):
            # Level by level: the first 10 are roots, each later one under an earlier one.
            out.write("  - slug: c%05d\n    title: Category %d\n" % (n, n))
            if n >= 10:
                out.write("    parent_id: c%05d\n" % rng.randrange(0, n // 2 + 1))
        out.write("posts:\n")
        for n in range(posts):
            out.write("  - slug: p%07d\n    title: \"Post %d: it's here\"\n    body: \"Line one\\nLine two 🌀\"\n    author_id: author%d@example.org\n"
                      % (n, n, rng.randrange(authors)))
            if n % 7:
                out.write("    category_id: c%05d\n" % rng.randrange(categories))


def tables(url):
    if url.startswith("sqlite:///"):
        import sqlite3
        connection = sqlite3.connect(url[len("sqlite:///"):])
        connection.executescript("DROP TABLE IF EXISTS posts; DROP TABLE IF EXISTS categories; DROP TABLE IF EXISTS authors; "
                                 "DROP TABLE IF EXISTS seedc_ledger;" + SCHEMA)
        connection.close()
    else:
        import psycopg2
        connection = psycopg2.connect(url)
        connection.autocommit = True
        with connection.cursor() as cursor:
            cursor.execute("DROP TABLE IF EXISTS posts, categories, authors, seedc_ledger CASCADE;" + SCHEMA.replace("INTEGER PRIMARY KEY", "serial PRIMARY KEY"))
        connection.close()


if __name__ == "__main__":
    if sys.argv[1] == "--tables":
        tables(sys.argv[2])
    else:
        generate(int(sys.argv[1]), Path(sys.argv[2]))
