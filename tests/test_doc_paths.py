"""The documentation points only to what its reader has: files of the repository (or the
outputs it says a command makes), and no path of a machine the documents were written on."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCUMENTS = [ROOT / "README.md", ROOT / "SECURITY.md", *sorted((ROOT / "docs").glob("*.md"))]
# absolute paths a reader has too: the examples' runs (/tmp/out) and the system's files
EVERYWHERE = ("/tmp/", "/dev/", "/usr/")
# the repository's folders, whose files a document may name by their path from its top
FOLDERS = ("risk_profiles", "docs", "src", "tests", "sample_chains", "bench", "scripts", ".ci")
QUOTED = re.compile(r"`([^`\s]+)`")


def _ignored() -> list[str]:
    """What the repository leaves to be made (bench/out/): named, it need not be there."""
    lines = (ROOT / ".gitignore").read_text("utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def test_the_documents_name_no_file_a_reader_cannot_find() -> None:
    ignored = _ignored()
    unfollowable = []
    for document in DOCUMENTS:
        for number, line in enumerate(document.read_text("utf-8").splitlines(), 1):
            for path in QUOTED.findall(line):
                where = f"{document.relative_to(ROOT)}:{number}: {path}"
                if path.startswith("/") and path != "/" and not path.startswith(EVERYWHERE):
                    unfollowable.append(where)
                elif path.split("/", 1)[0] in FOLDERS and "/" in path:
                    made = any(path.startswith(entry) for entry in ignored)
                    if not made and not any(ROOT.glob(path)):
                        unfollowable.append(where)
    assert not unfollowable
