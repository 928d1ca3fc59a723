"""Golden files: the text and structure of prikaz.docx and index.html, normalised.

Regenerate after an intended change: ``SHNOR_UPDATE_GOLDEN=1 python -m pytest tests/render``.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from tests.render.conftest import SLUGS

GOLDEN = Path(__file__).resolve().parent.parent / "golden" / "docx"


def _paragraph(p) -> str:
    style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    name = style.get(qn("w:val")) if style is not None else "-"
    pieces = []
    for node in p.iter(qn("w:t"), qn("w:tab"), qn("w:br")):
        pieces.append(
            "\t" if node.tag == qn("w:tab") else "⏎" if node.tag == qn("w:br") else node.text or ""
        )
    text = "".join(pieces).replace("\u00a0", "⍽")
    breaks = "§" if p.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None else ""
    return f"[{name}]{breaks} {text}".rstrip()


def dump_docx(path: Path) -> str:
    """One line per paragraph (style and text, ⍽ = no-break space), tables row by row."""
    body = Document(str(path)).element.body
    lines = []
    for child in body:
        if child.tag == qn("w:p"):
            lines.append(_paragraph(child))
        elif child.tag == qn("w:tbl"):
            for row in child.iter(qn("w:tr")):
                header = "H" if row.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None else ""
                cells = [
                    " / ".join(_paragraph(p) for p in tc.iter(qn("w:p")))
                    for tc in row.iter(qn("w:tc"))
                ]
                lines.append(f"|{header}| " + " || ".join(cells))
        elif child.tag == qn("w:sectPr"):
            size = child.find(qn("w:pgSz"))
            lines.append(f"[section {size.get(qn('w:orient')) or 'portrait'}]")
    return "\n".join(lines) + "\n"


def dump_html(path: Path) -> str:
    """The page's text, one tag per line, whitespace normalised."""
    html = path.read_text(encoding="utf-8")
    body = html[html.index("<body>") :]
    return re.sub(r"\n\s*\n+", "\n", re.sub(r">\s*<", ">\n<", body)).strip() + "\n"


def _compare(actual: str, golden: Path) -> None:
    if os.environ.get("SHNOR_UPDATE_GOLDEN"):
        golden.write_text(actual, encoding="utf-8")
    assert golden.is_file(), f"нет эталона {golden.name}: SHNOR_UPDATE_GOLDEN=1"
    assert actual == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("slug", SLUGS)
def test_prikaz_docx_matches_golden(built: Path, slug: str) -> None:
    _compare(dump_docx(built / slug / "prikaz.docx"), GOLDEN / f"{slug}.prikaz.txt")


@pytest.mark.parametrize("slug", SLUGS)
def test_index_html_matches_golden(built: Path, slug: str) -> None:
    _compare(dump_html(built / slug / "index.html"), GOLDEN / f"{slug}.index.html.txt")
