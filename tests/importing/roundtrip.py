"""Helpers of the round-trip tests: a document's text, normalised, and a programme's findings."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path

import docx
from docx.oxml.ns import qn

AS_OF = dt.date(2024, 6, 1)


def document_text(path: Path) -> list[str]:
    """Every paragraph of the body and of its table cells, in order, as a reader sees it:
    no-break spaces and tabs as spaces, one space between words, empty paragraphs dropped."""
    body = docx.Document(str(path)).element.body
    lines = []
    for p in body.iter(qn("w:p")):
        text = "".join(_run_text(r) for r in p.iter(qn("w:r")))
        text = " ".join(text.replace("\u00a0", " ").split())
        if text:
            lines.append(text)
    return lines


def _run_text(run) -> str:
    out = []
    for child in run:
        if child.tag == qn("w:t"):
            out.append(child.text or "")
        elif child.tag in (qn("w:tab"), qn("w:br")):
            out.append(" ")
    return "".join(out)


def findings(folder: Path) -> Counter[str]:
    """Codes of ``shnor check`` findings with their counts (positions differ after import)."""
    from shnor_docs.checks.runner import check_spec
    from shnor_docs.spec.load import load_programme

    return Counter(f.code for f in check_spec(load_programme(folder), AS_OF))


def squeeze(line: str) -> str:
    """A line without any spaces: «1.Разработка» and «1. Разработка» compare equal."""
    return re.sub(r"\s+", "", line)
