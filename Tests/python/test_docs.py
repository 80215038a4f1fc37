"""The documentation holds together: every relative link and #anchor in README.md and
docs/*.md resolves, the table of diagnostic ids in docs/diagnostics.md is exactly the
ids DiagnosticID defines, and the README's content.yaml example and everyday commands
are what seedc reads and prints."""

import re
import sqlite3
import subprocess
import unicodedata

import pytest

from conftest import REPO, SEEDC, seedc

PAGES = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
FENCE = re.compile(r"^ {0,3}(```|~~~)")
HEADING = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)")


def prose(text):
    """The lines of a markdown file outside fenced code blocks and HTML comments."""
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    lines, fenced = [], None
    for line in text.split("\n"):
        match = FENCE.match(line)
        if fenced:
            if match and match.group(1) == fenced:
                fenced = None
            continue
        if match:
            fenced = match.group(1)
            continue
        lines.append(line)
    return lines


def slug(heading):
    """GitHub's anchor for a heading: the rendered text, lowercase, punctuation other
    than '-' and '_' dropped, each space a '-'."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", heading)  # a link's text
    text = re.sub(r"<[^>]+>", "", text).replace("`", "").replace("*", "")
    text = text.lower()
    kept = "".join(c for c in text if c in "-_ " or unicodedata.category(c)[0] in "LNM")
    return kept.replace(" ", "-")


def anchors(path):
    seen, result = {}, set()
    for line in prose(path.read_text()):
        match = HEADING.match(line)
        if not match:
            continue
        base = slug(match.group(2))
        count = seen.get(base, 0)
        seen[base] = count + 1
        result.add(base if count == 0 else "%s-%d" % (base, count))
    return result


def links(path):
    for line in prose(path.read_text()):
        for target in LINK.findall(re.sub(r"`[^`]*`", "", line)):
            yield target


def test_slugs_follow_github():
    assert slug("Set up on a fresh machine (Debian, Swift 6)") == "set-up-on-a-fresh-machine-debian-swift-6"
    assert slug("`seedc init`: the schema") == "seedc-init-the-schema"
    assert slug("Columns the app maintains stay the app's") == "columns-the-app-maintains-stay-the-apps"
    assert slug("`--create-tables`") == "--create-tables"
    assert slug("The outputs (`seeds/`)") == "the-outputs-seeds"
    assert slug("The ledger: `seedc_ledger`") == "the-ledger-seedc_ledger"


def test_duplicate_headings_get_numbers(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("# Notes\n\n## Notes\n\n```\n# Notes\n```\n\n## Notes\n")
    assert anchors(page) == {"notes", "notes-1", "notes-2"}


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(REPO)))
def test_relative_links_and_anchors_resolve(page):
    broken = []
    for target in links(page):
        if re.match(r"[a-z][a-z0-9+.-]*:", target, re.I):
            continue  # https:, mailto:
        path, _, anchor = target.partition("#")
        file = (page.parent / path).resolve() if path else page
        if not file.exists():
            broken.append("%s: no such file" % target)
        elif anchor:
            if file.suffix != ".md":
                broken.append("%s: an anchor into a file that is not markdown" % target)
            elif anchor not in anchors(file):
                broken.append("%s: no heading %s in %s" % (target, anchor, file.relative_to(REPO)))
    assert broken == []


def test_every_page_is_linked_from_the_readme():
    readme = set(links(REPO / "README.md"))
    missing = [p.name for p in PAGES[1:] if "docs/%s" % p.name not in readme]
    assert missing == []


def test_every_docs_page_starts_with_a_title_and_a_summary():
    for page in PAGES[1:]:
        lines = [line for line in prose(page.read_text()) if line.strip()]
        assert lines[0].startswith("# "), page.name
        assert not lines[1].startswith(("#", "|", "-", "```")), "%s: no one-line summary under the title" % page.name


def diagnostic_ids():
    source = (REPO / "Sources/SeedCompiler/Diagnostics/DiagnosticID.swift").read_text()
    ids = re.findall(r'static\s+let\s+\w+\s*:\s*DiagnosticID\s*=\s*"([^"]+)"', source)
    assert len(ids) > 40, "DiagnosticID.swift is no longer read right"
    return ids


def documented_ids():
    """The ids in the first column of every table headed `| id |` (problems in the
    content, and problems outside it)."""
    lines = prose((REPO / "docs" / "diagnostics.md").read_text())
    ids = []
    for start in (i for i, line in enumerate(lines) if re.match(r"\|\s*id\s*\|", line)):
        for line in lines[start + 2:]:
            if not line.startswith("|"):
                break
            ids += re.findall(r"`([^`]+)`", line.split("|")[1])
    return ids


def test_the_diagnostics_table_lists_every_id_once():
    documented = documented_ids()
    assert sorted(set(documented)) == sorted(documented), "an id is in the table twice"
    defined = diagnostic_ids()
    assert sorted(set(defined) - set(documented)) == [], "ids DiagnosticID defines that docs/diagnostics.md does not list"
    assert sorted(set(documented) - set(defined)) == [], "ids docs/diagnostics.md lists that DiagnosticID does not define"


def readme_blocks(language):
    """The README's fenced code blocks whose info string is `language`."""
    blocks, info, body = [], None, []
    for line in (REPO / "README.md").read_text().split("\n"):
        if info is None:
            if line.startswith("```"):
                info, body = line[3:].strip(), []
        elif line == "```":
            if info == language:
                blocks.append("\n".join(body) + "\n")
            info = None
        else:
            body.append(line)
    return blocks


def test_readme_content_example_builds(tmp_path):
    blocks = readme_blocks("yaml")
    assert len(blocks) == 1, "the README should show one ```yaml block: the content example"
    (tmp_path / "content.yaml").write_text(blocks[0])
    result = seedc("build", "--root", tmp_path, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "references: users.id" in blocks[0]  # the example shows a relation


# The blog's database the README describes: ids in an order unlike the keys'.
APP_TABLES = """
CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(120) NOT NULL UNIQUE, name VARCHAR(80) NOT NULL);
CREATE TABLE posts (id INTEGER PRIMARY KEY, slug VARCHAR(80) NOT NULL UNIQUE, title VARCHAR(200) NOT NULL,
                    author_id INTEGER NOT NULL REFERENCES users(id), published BOOLEAN NOT NULL DEFAULT 0);
"""
APP_ROWS = """
INSERT INTO users (email, name) VALUES ('zed@example.org', 'Zed Obi'), ('amy@example.org', 'Amy Ng');
INSERT INTO posts (slug, title, author_id, published) VALUES ('hello', 'Hello, world', 2, 1), ('roadmap', 'What comes next', 1, 0);
"""


def test_readme_commands_print_what_the_readme_shows(tmp_path):
    """Runs the README's everyday commands in the folder it describes and compares
    what they print, and the content.yaml init and capture write, with the README."""
    root = tmp_path / "blog"
    root.mkdir()
    for name, script in (("app.db", APP_TABLES + APP_ROWS), ("new.db", APP_TABLES)):
        with sqlite3.connect(root / name) as connection:
            connection.executescript(script)
        connection.close()
    example = readme_blocks("yaml")[0]
    (root / "content.yaml").write_text(example.split("\n", 1)[0] + "\n")  # the app's own settings
    session = next(block for block in readme_blocks("") if block.startswith("$ seedc init"))
    shown = re.findall(r"^\$ seedc (.*?)(?:\s+#.*)?\n(.*)$", session, re.M)
    assert [args.split()[0] for args, _ in shown] == ["init", "capture", "build", "check", "apply"]
    for args, line in shown:
        result = subprocess.run([SEEDC, *args.split()], cwd=root, capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr
        assert (result.stdout + result.stderr).strip().replace(str(root), "/tmp/blog") == line, args
    assert (root / "content.yaml").read_text() == example
    with sqlite3.connect(root / "new.db") as connection:
        authors = connection.execute("SELECT slug, email FROM posts JOIN users ON users.id = posts.author_id ORDER BY slug").fetchall()
    connection.close()
    assert authors == [("hello", "amy@example.org"), ("roadmap", "zed@example.org")]


def test_the_source_files_architecture_names_exist():
    """docs/architecture.md follows `seedc build` and `apply` file by file: each file it
    names is there (a path is relative to Sources/, or to the target named before it)."""
    text = (REPO / "docs" / "architecture.md").read_text()
    sources = REPO / "Sources"
    missing = []
    for match in re.finditer(r"`((?:\w+/)*\w+(?:\+\w+)?\.swift)`", text):
        path = match.group(1)
        found = (sources / path).exists() or any(p.as_posix().endswith("/" + path) for p in sources.rglob("*.swift"))
        if not found:
            missing.append(path)
    assert missing == []
