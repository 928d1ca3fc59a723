"""Round trip: build a programme's signed document, import it, build again.

The document text is the same (every paragraph of the body and of the table cells, spaces
normalised) and ``shnor check`` finds the same things (codes and counts; positions differ).

What a document cannot carry, and the test therefore gives the import from the original spec:
the ``checks:`` settings of a programme (sterlitamak switches the dictionary rule R603 on) —
they configure the linter, they are not printed.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from shnor_docs.build import build_programme
from shnor_docs.importing import import_document
from tests.conftest import PROGRAMMES, SPECS
from tests.importing.roundtrip import document_text, findings

CASES = {
    "belaya-kalitva": (PROGRAMMES / "belaya-kalitva", "prikaz.docx"),
    "dubrovka": (PROGRAMMES / "dubrovka", "prikaz.docx"),
    "meshchovsk": (PROGRAMMES / "meshchovsk", "prikaz.docx"),
    # An appendix to a постановление whose text the spec does not hold: the appendix alone.
    "sterlitamak": (PROGRAMMES / "sterlitamak", "prilozhenie-2.docx"),
    "regional-order": (SPECS / "regional-order", "prikaz.docx"),
}


def _round_trip(name: str, tmp_path: Path) -> tuple[Path, Path, Path, Path]:
    source, document = CASES[name]
    first = build_programme(source, tmp_path / "first", {"docx"})
    folder = tmp_path / "imported" / name
    result = import_document(first.folder / document, folder)
    assert result.problems == []
    settings = yaml.safe_load((source / "programme.yaml").read_text(encoding="utf-8"))
    if "checks" in settings:
        with (folder / "programme.yaml").open("a", encoding="utf-8") as handle:
            handle.write(yaml.safe_dump({"checks": settings["checks"]}, allow_unicode=True))
    second = build_programme(folder, tmp_path / "second", {"docx"})
    return source, folder, first.folder / document, second.folder / document


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_document_reads_the_same_after_import(name: str, tmp_path: Path) -> None:
    source, folder, before, after = _round_trip(name, tmp_path)
    assert document_text(after) == document_text(before)
    assert findings(folder) == findings(source)
    for path in folder.glob("*.yaml"):
        assert max(len(line) for line in path.read_text(encoding="utf-8").splitlines()) <= 100


def test_the_import_says_what_it_recognised(tmp_path: Path) -> None:
    _, folder, _, _ = _round_trip("belaya-kalitva", tmp_path)
    report = (folder / "import-report.md").read_text(encoding="utf-8")
    for line in ("номер: 749", "паспорт программы: строк 10", "план мероприятий: разделов 4",
                 "этапы реализации: 3", "задачи программы: 4"):
        assert line in report
    first = (folder / "programme.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema=")
    for name in ("parties.yaml", "roadmap.yaml"):
        text = (folder / name).read_text(encoding="utf-8")
        assert text.startswith("# yaml-language-server: $schema=")
        assert max(len(line) for line in text.splitlines()) <= 100
