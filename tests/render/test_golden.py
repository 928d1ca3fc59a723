"""Golden files: the text LibreOffice extracts from every DOCX, and index.html, normalised.

Each golden text is reviewed against the original in the seeds before it is committed: it is
what an official reads. Regenerate after an intended change:
``SHNOR_UPDATE_GOLDEN=1 python -m pytest tests/render``.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from tests.conftest import PROGRAMMES
from tests.render.conftest import SLUGS, main_docx, soffice

GOLDEN = Path(__file__).resolve().parent.parent / "golden" / "docx"
TEXTS = Path(__file__).resolve().parent.parent / "golden" / "text"


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
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
    assert golden.is_file(), f"нет эталона {golden.name}: SHNOR_UPDATE_GOLDEN=1"
    assert actual == golden.read_text(encoding="utf-8")


def normalise_text(text: str) -> str:
    """LibreOffice's text export without its noise: BOM, no-break spaces, blank lines."""
    text = text.lstrip("\ufeff").replace("\u00a0", " ").replace("\r\n", "\n")
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return "\n".join(line for line in lines if line) + "\n"


@pytest.fixture(scope="module")
def extracted(built: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Every DOCX of every example as LibreOffice's plain text, converted in one run."""
    out = tmp_path_factory.mktemp("text")
    files = sorted(built.glob("*/*.docx"))
    command = [soffice(), f"-env:UserInstallation={(out / 'profile').as_uri()}", "--headless",
               "--convert-to", "txt:Text (encoded):UTF8", "--outdir", str(out / "txt")]
    for path in files:  # one folder per programme: the file names repeat
        target = out / "in" / f"{path.parent.name}--{path.name}"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(path.read_bytes())
    subprocess.run([*command, *sorted(str(p) for p in (out / "in").iterdir())],
                   capture_output=True, timeout=600, check=True)
    return {p.stem: normalise_text(p.read_text(encoding="utf-8")) for p in (out / "txt").iterdir()}


def _documents() -> list[tuple[str, str]]:
    from shnor_docs.render.context import build_context
    from shnor_docs.spec.load import load_programme

    found = []
    for slug in SLUGS:
        ctx = build_context(load_programme(PROGRAMMES / slug))
        found += [(slug, d["file"]) for d in ctx["documents"]]
    return found


@pytest.mark.parametrize(("slug", "name"), _documents())
def test_docx_text_matches_golden(extracted: dict[str, str], slug: str, name: str) -> None:
    _compare(extracted[f"{slug}--{name}"], TEXTS / slug / f"{name}.txt")


@pytest.mark.parametrize("slug", SLUGS)
def test_main_docx_structure_matches_golden(built: Path, slug: str) -> None:
    """Styles, tables and sections of the signed document (text alone misses them)."""
    _compare(dump_docx(main_docx(built / slug)), GOLDEN / f"{slug}.txt")


@pytest.mark.parametrize("slug", SLUGS)
def test_index_html_matches_golden(built: Path, slug: str) -> None:
    _compare(dump_html(built / slug / "index.html"), GOLDEN / f"{slug}.index.html.txt")
