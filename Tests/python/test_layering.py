"""The library's stages depend only forward: a type defined in a folder is used only by
that folder and the folders after it (docs/architecture.md)."""

import re
from pathlib import Path

from conftest import REPO

ORDER = ["Text", "Diagnostics", "Loading", "Markdown", "Schema", "Validation", "Planning", "Rendering", "Reconcile", "Capture", "Pipeline"]
DECLARATION = re.compile(r"^(?:public |private |fileprivate )?(?:indirect )?(?:enum|struct|class|protocol|actor) (\w+)", re.M)


def test_folders_depend_only_forward():
    library = REPO / "Sources" / "SeedCompiler"
    folders = sorted(p.name for p in library.iterdir() if p.is_dir())
    assert folders == sorted(ORDER), "a folder is missing from ORDER (and docs/architecture.md)"
    sources = {path: re.sub(r"//.*", "", path.read_text()) for path in library.glob("*/*.swift")}
    defined = {name: path.parent.name for path, text in sources.items() for name in DECLARATION.findall(text)}
    backward = [
        "%s uses %s from %s" % (path.relative_to(library), name, folder)
        for path, text in sources.items()
        for name, folder in defined.items()
        if folder != path.parent.name and ORDER.index(folder) > ORDER.index(path.parent.name) and re.search(r"\b%s\b" % name, text)
    ]
    assert backward == []
