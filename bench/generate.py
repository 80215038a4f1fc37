#!/usr/bin/env python3
"""Deterministic benchmark content in seedc's format, in the IM Hub's shape.

    generate.py N OUT            N records: ~80% contacts, 10% WhatsApp groups,
                                 10% announcements with markdown bodies
    generate.py --inline N OUT   the same records inline in content.yaml
    generate.py --markdown N OUT N sector pages as a markdown collection

Writes OUT/content.yaml (the seed section), OUT/records/bench.yaml (the records)
and, for the floors and peers, the same rows as OUT/csv/<table>.csv (sqlite3
.import) and OUT/json/<table>.json (a JSON array of objects, sqlite-utils insert),
where an announcement's markdown body is its `content` column, as the incumbent
stores it. With --inline, only OUT/content.yaml, its `seed.records:` holding the
records. Values carry quotes, multi-line notes, non-ASCII and emoji. Standard library only;
the same N gives the same bytes."""

import csv
import json
import random
import sys
from pathlib import Path

SECTORS = ["Health", "Shelter", "WASH", "Food Security", "Protection", "Education", "Logistics", "Early Recovery"]
PARISHES = ["Kingston", "St. Andrew", "St. Catherine", "Clarendon", "Manchester", "St. Elizabeth", "Westmoreland",
            "Hanover", "St. James", "Trelawny", "St. Ann", "St. Mary", "Portland", "St. Thomas"]
ORGS = ["Red Cross ✚", "ODPEM", "UNICEF", "WFP", "Food For The Poor", "Médecins Sans Frontières", "Habitat for Humanity"]
FIRST = ["Aaliyah", "Andre", "Beverley", "Chevelle", "Dwayne", "Éloise", "Garfield", "Keisha", "Marlon", "Nadine", "O'Neil", "Shanique"]
LAST = ["Brown", "Campbell", "Williams", "Thompson", "Gordon", "Grant", "Reid", "Stewart", "McKenzie", "Clarke"]

SCHEMA = """seed:
  include: [records/*.yaml]
  tables:
    sectors:
      key: slug
      columns:
        slug:        {type: text, required: true}
        title:       {type: text, required: true}
        description: {type: text}
        created_at:  {type: datetime, default: now}
        updated_at:  {type: datetime, default: now, on_update: now}
    whatsapp_groups:
      key: link
      columns:
        name:        {type: text, required: true, max: 200}
        sector:      {type: text, required: true, references: sectors.title}
        description: {type: text, required: true}
        link:        {type: url, required: true, max: 500}
        approved:    {type: boolean, default: true}
        deleted:     {type: boolean, default: false}
        created_at:  {type: datetime, default: now}
        updated_at:  {type: datetime, default: now, on_update: now}
    announcements:
      key: title
      columns:
        title:      {type: text, required: true, max: 200}
        content:    {type: html, from: body, required: true}
        date:       {type: datetime, required: true}
        priority:   {type: text, enum: [high, medium, normal, low], default: normal}
        author:     {type: text, max: 200}
        approved:   {type: boolean, default: true}
        deleted:    {type: boolean, default: false}
        created_at: {type: datetime, default: now}
        updated_at: {type: datetime, default: now, on_update: now}
    contacts:
      key: [name, organization]
      columns:
        name:          {type: text, required: true, max: 200}
        organization:  {type: text, required: true, max: 200}
        position:      {type: text, max: 200}
        email:         {type: email, max: 200}
        phone:         {type: text, max: 50}
        sector:        {type: text, references: sectors.title}
        parish:        {type: text, max: 100}
        latitude:      {type: text, max: 50}
        longitude:     {type: text, max: 50}
        notes:         {type: text}
        deleted:       {type: boolean, default: false}
        approved:      {type: boolean, default: true}
        created_at:    {type: datetime, default: now}
        updated_at:    {type: datetime, default: now, on_update: now}
"""


def quoted(text):
    """A YAML double-quoted scalar (JSON's escapes are YAML's)."""
    return json.dumps(text, ensure_ascii=False)


def records(n):
    rng = random.Random(n)
    groups = n // 10
    announcements = n // 10
    contacts = n - groups - announcements
    out = {"sectors": [], "whatsapp_groups": [], "announcements": [], "contacts": []}
    for i, title in enumerate(SECTORS):
        out["sectors"].append({"slug": title.lower().replace(" ", "-"), "title": title, "description": "The %s cluster" % title})
    for i in range(contacts):
        name = "%s %s %d" % (rng.choice(FIRST), rng.choice(LAST), i)
        note = "Line one for %s — \"quoted\" 🌀\nSecond line: it's fine" % name if i % 3 == 0 else "Call before 18:00"
        out["contacts"].append({
            "name": name, "organization": rng.choice(ORGS), "position": "Coordinator, \"field\" %d" % (i % 50),
            "email": "person%d@example.org" % i, "phone": "0%03d-%04d" % (i % 1000, i % 10000),
            "sector": rng.choice(SECTORS), "parish": rng.choice(PARISHES),
            "latitude": "%.4f" % (17.9 + rng.random()), "longitude": "%.4f" % (-77.9 + rng.random()), "notes": note})
    for i in range(groups):
        out["whatsapp_groups"].append({
            "name": "%s group %d" % (rng.choice(SECTORS), i), "sector": rng.choice(SECTORS),
            "description": "Coordination for parish %s — post updates daily 💧" % rng.choice(PARISHES),
            "link": "https://chat.whatsapp.com/Bench%07d" % i})
    for i in range(announcements):
        day = 1 + i % 28
        out["announcements"].append({
            "title": "Update %d: distribution in %s" % (i, rng.choice(PARISHES)), "date": "2025-11-%02d" % day,
            "author": rng.choice(FIRST), "body": "## Update %d\n\nTrucks leave at **08:00**; bring ID.\n\n- water\n- tarpaulins ⛺\n" % i})
    return out


def write_yaml(data, f, indent=""):
    """The records as YAML mappings of table to record lists, every line prefixed by indent."""
    for table, rows in data.items():
        f.write("%s%s:\n" % (indent, table))
        for row in rows:
            first = True
            for key, value in row.items():
                f.write(indent + ("  - " if first else "    ") + key + ": ")
                first = False
                if key == "body":
                    f.write("|\n" + "".join(indent + "      " + line + "\n" if line else "\n" for line in value.rstrip("\n").split("\n")))
                else:
                    f.write(quoted(value) + "\n")


def table_rows(rows):
    """A table's rows as the database columns the loaders write (body -> content)."""
    return [{("content" if c == "body" else c): v for c, v in row.items()} for row in rows]


def write_csv(data, folder):
    folder.mkdir(parents=True, exist_ok=True)
    for table, rows in data.items():
        rows = table_rows(rows)
        with open(folder / ("%s.csv" % table), "w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f)
            writer.writerow(list(rows[0]))
            for row in rows:
                writer.writerow(list(row.values()))


def write_json(data, folder):
    folder.mkdir(parents=True, exist_ok=True)
    for table, rows in data.items():
        with open(folder / ("%s.json" % table), "w", encoding="utf-8", newline="\n") as f:
            f.write("[\n")
            for i, row in enumerate(table_rows(rows)):
                f.write((",\n" if i else "") + json.dumps(row, ensure_ascii=False))
            f.write("\n]\n")


def markdown_collection(n, out):
    (out / "sectors").mkdir(parents=True, exist_ok=True)
    (out / "content.yaml").write_text("""seed:
  routes:
    /sectors/{slug}: sectors.slug
  tables:
    sectors:
      key: slug
      source: sectors/
      columns:
        slug:        {type: text, required: true}
        title:       {type: text, required: true}
        description: {type: text}
        body_html:   {type: html, from: body}
""")
    for i in range(n):
        (out / "sectors" / ("sector-%04d.md" % i)).write_text(
            "---\ntitle: Sector %d\ndescription: \"Page %d — coordination\"\n---\n# Sector %d\n\n"
            "See [the previous page](/sectors/sector-%04d) and the **plan** ⛺.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n" % (i, i, i, max(i - 1, 0)))


def main(argv):
    if argv[1] == "--markdown":
        markdown_collection(int(argv[2]), Path(argv[3]))
        return
    inline = argv[1] == "--inline"
    n, out = int(argv[1 + inline]), Path(argv[2 + inline])
    out.mkdir(parents=True, exist_ok=True)
    data = records(n)
    with open(out / "content.yaml", "w", encoding="utf-8", newline="\n") as f:
        if inline:
            f.write(SCHEMA.replace("  include: [records/*.yaml]\n", "") + "  records:\n")
            write_yaml(data, f, "    ")
        else:
            f.write(SCHEMA)
    if inline:
        return
    (out / "records").mkdir(exist_ok=True)
    with open(out / "records" / "bench.yaml", "w", encoding="utf-8", newline="\n") as f:
        write_yaml(data, f)
    write_csv(data, out / "csv")
    write_json(data, out / "json")


if __name__ == "__main__":
    main(sys.argv)
