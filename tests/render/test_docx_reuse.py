"""What one process reuses between programmes (the finished template, compiled templates) never
carries one programme's form or template into another's documents."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

from docx import Document

from shnor_docs.build import build_programme
from tests.conftest import SPECS

FORMATS = {"docx", "html"}


def _copy(tmp_path: Path, name: str, form: str = "") -> Path:
    target = tmp_path / name
    shutil.copytree(SPECS / "regional-order", target)
    if form:
        spec = target / "programme.yaml"
        text = spec.read_text(encoding="utf-8").replace("form:\n", f"form:\n{form}", 1)
        spec.write_text(text, encoding="utf-8")
    return target


def _fonts(path: Path) -> set[str]:
    styles = Document(str(path)).styles
    return {s.font.name for s in styles if s.type == 1 and s.name.startswith("Shnor")} - {None}


def test_each_programme_keeps_its_own_form(tmp_path: Path) -> None:
    plain = _copy(tmp_path, "plain")
    arial = _copy(tmp_path, "arial", "  font: Arial\n  size: 13\n")
    out = tmp_path / "out"
    for folder in (plain, arial, plain):  # the same process, back and forth
        build_programme(folder, out, FORMATS)
        if folder is plain:
            assert _fonts(out / "plain" / "prikaz.docx") == {"Times New Roman"}
    assert _fonts(out / "arial" / "prikaz.docx") == {"Arial"}
    assert _fonts(out / "arial" / "prilozhenie-1.docx") == {"Arial"}
    assert _fonts(out / "plain" / "prilozhenie-1.docx") == {"Times New Roman"}


def test_section_breaks_declare_no_namespace_again(tmp_path: Path) -> None:
    """The appendices are spliced in as text: a section break copied from the template does not
    repeat the root's namespace declarations."""
    out = tmp_path / "out"
    build_programme(_copy(tmp_path, "plain"), out, FORMATS)
    with zipfile.ZipFile(out / "plain" / "prikaz.docx") as docx:
        xml = docx.read("word/document.xml").decode("utf-8")
    assert xml.count("<w:sectPr") >= 2  # a break between the act and its landscape appendix
    assert xml.count("xmlns:w=") == 1
