"""The layers depend only forward (docs/architecture.md).

Between targets: SeedCompiler imports none of seedc's other targets and does no I/O;
SeedFiles (the file system) and SeedDatabase (databases) build on SeedCompiler alone;
SeedFlows (each command's flow, the reporter) on those three; the seedc executable only
parses options, so it imports SeedFlows, SeedCompiler and ArgumentParser and does no
I/O of its own. Inside SeedCompiler, a type defined in a stage's folder is used only by
that folder and the folders after it."""

import re

from conftest import REPO

SOURCES = REPO / "Sources"
ORDER = ["Text", "Diagnostics", "Loading", "Markdown", "Schema", "Document", "Validation", "Planning", "SQL", "Rendering", "Reconcile", "Capture", "Pipeline"]
DECLARATION = re.compile(r"^(?:(?:public|private|fileprivate|internal|package|final|indirect)\s+)*(?:enum|struct|class|protocol|actor)\s+(\w+)", re.M)
# What each target may import: the system, its C modules and the targets below it.
SYSTEM = {"Foundation", "Glibc", "Dispatch"}
IMPORTS = {
    "SeedCompiler": {"CYAML", "CCmarkGFM", "Crypto"},
    "SeedFiles": {"SeedCompiler"},
    "SeedDatabase": {"SeedCompiler", "CLibPQ", "CCrypt", "GRDB", "GRDBSQLite"},
    "SeedFlows": {"SeedCompiler", "SeedFiles", "SeedDatabase"},
    "seedc": {"SeedFlows", "SeedCompiler", "ArgumentParser", "CMalloc"},
}
# Calls that reach the file system or a stream; the targets that may make them.
IO = re.compile(r"\b(FileManager|FileHandle|fopen|open\(|pread|pwrite|mkstemp|unlink|rename\(|Data\(contentsOf|print\()")
DOES_IO = {"SeedFiles", "SeedDatabase", "SeedFlows"}


def code(path):
    """The file's text without comments (a `///` line may name anything)."""
    return re.sub(r"//.*", "", path.read_text())


def test_the_declaration_pattern_sees_every_kind_of_type():
    text = "public final class A {}\nfinal class B {}\nindirect enum C {}\nprivate struct D {}\nprotocol E {}\n"
    assert DECLARATION.findall(text) == ["A", "B", "C", "D", "E"]


def test_targets_import_only_the_layers_below():
    targets = sorted(p.name for p in SOURCES.iterdir() if p.is_dir() and not p.name.startswith("C") and p.name != "EmbedText")
    assert targets == sorted(IMPORTS), "a target is missing from IMPORTS (and docs/architecture.md)"
    wrong = [
        "%s imports %s" % (path.relative_to(SOURCES), module)
        for target, allowed in IMPORTS.items()
        for path in (SOURCES / target).rglob("*.swift")
        for module in re.findall(r"^(?:@\w+\s+)?import\s+(\w+)", path.read_text(), re.M)
        if module not in allowed | SYSTEM
    ]
    assert wrong == []


def test_only_the_io_targets_do_io():
    found = [
        "%s: %s" % (path.relative_to(SOURCES), match)
        for target in IMPORTS
        if target not in DOES_IO
        for path in (SOURCES / target).rglob("*.swift")
        for match in IO.findall(code(path))
    ]
    assert found == []


def test_folders_depend_only_forward():
    library = SOURCES / "SeedCompiler"
    folders = sorted(p.name for p in library.iterdir() if p.is_dir())
    assert folders == sorted(ORDER), "a folder is missing from ORDER (and docs/architecture.md)"
    sources = {path: code(path) for path in library.glob("*/*.swift")}
    defined = {name: path.parent.name for path, text in sources.items() for name in DECLARATION.findall(text)}
    backward = [
        "%s uses %s from %s" % (path.relative_to(library), name, folder)
        for path, text in sources.items()
        for name, folder in defined.items()
        if folder != path.parent.name and ORDER.index(folder) > ORDER.index(path.parent.name) and re.search(r"\b%s\b" % name, text)
    ]
    assert backward == []
