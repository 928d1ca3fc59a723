"""A Word document as plain blocks: paragraphs and tables in reading order.

The body is read straight from its XML (lxml, fast enough for tables of thousands of rows):
runs give text, tabs and manual line breaks; Word's automatic numbers are computed and put in
front of the text as if they were typed, so that recognition sees «1. Утвердить …» either way.
Content controls, inserted revisions, hyperlinks and fields are read through; deleted
revisions and field codes are not text. Text boxes are read as paragraphs after their anchor.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from docx.oxml.ns import qn

from shnor_docs.importing.numbering import Numbering
from shnor_docs.importing.styles import Styles, num_of, on, spacing_of

_CONTAINERS = {qn(f"w:{t}") for t in (
    "hyperlink", "ins", "smartTag", "sdt", "sdtContent", "fldSimple", "customXml", "moveTo",
    "dir", "bdo",
)}
_BODY_CONTAINERS = {qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")}
_SPACED_TWIPS = 30  # character spacing of 1.5 pt and more: letter-spaced by formatting
W_P, W_TBL, W_R, W_TC = qn("w:p"), qn("w:tbl"), qn("w:r"), qn("w:tc")


@dataclass
class Para:
    """A paragraph: its text (number included), number, level and look."""

    text: str
    label: str = ""
    level: int = 0
    bullet: bool = False
    bold: bool = False
    align: str = ""
    spaced: bool = False
    style: str = ""

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")


@dataclass
class Cell:
    paras: list[Para]
    span: int = 1
    merge: str | None = None  # vertical merge: «restart», «continue» or None

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paras).strip()


@dataclass
class Row:
    cells: list[Cell]
    header: bool = False


@dataclass
class Table:
    rows: list[Row]
    width: int = 0  # columns of the table grid


@dataclass
class Reader:
    """Turns body XML into blocks; one per document (it holds the numbering counters)."""

    styles: Styles
    numbering: Numbering
    blocks: list[Para | Table] = field(default_factory=list)

    def read(self, body: Any) -> list[Para | Table]:
        for block in self._walk(body):
            self.blocks.append(block)
        return self.blocks

    def _walk(self, parent: Any) -> Iterator[Para | Table]:
        for child in parent.iterchildren():
            if child.tag == W_P:
                yield from self.paragraphs(child)
            elif child.tag == W_TBL:
                yield self.table(child)
            elif child.tag in _BODY_CONTAINERS:
                yield from self._walk(child)

    def paragraphs(self, p: Any) -> Iterator[Para]:
        """The paragraph, then the paragraphs of its text boxes."""
        yield self.paragraph(p)
        for box in p.iter(qn("w:txbxContent")):
            if not any(a.tag == qn("mc:Fallback") for a in box.iterancestors()):
                for inner in box.iterchildren(W_P):
                    yield self.paragraph(inner)

    def paragraph(self, p: Any) -> Para:
        ppr = p.find(qn("w:pPr"))
        style_id = _val(ppr, "w:pStyle")
        props = self.styles.props(style_id)
        text, bold, spaced = self._runs(p, props.bold, props.spacing)
        jc = _val(ppr, "w:jc") or props.align or ""
        num = num_of(ppr) or props.num
        label = self.numbering.label(*num) if num and num[0] != "0" else None
        para = Para(text, align=jc, bold=bold, spaced=spaced, style=props.name)
        if label is not None and label.text:
            para.label, para.level, para.bullet = label.text, label.level, label.bullet
            para.text = f"{label.text} {text.lstrip()}" if text.strip() else label.text
        return para

    def _runs(self, p: Any, style_bold: bool | None, style_spacing: int | None
              ) -> tuple[str, bool, bool]:
        parts: list[str] = []
        counted = bold_chars = spaced_chars = 0
        for run in _runs(p):
            rpr = run.find(qn("w:rPr"))
            bold = on(rpr.find(qn("w:b"))) if rpr is not None else None
            if bold is None:
                bold = style_bold if style_bold is not None else self.styles.default_bold
            spacing = spacing_of(rpr)
            spacing = style_spacing if spacing is None else spacing
            text = _run_text(run)
            parts.append(text)
            letters = sum(1 for c in text if not c.isspace())
            counted += letters
            bold_chars += letters if bold else 0
            spaced_chars += letters if (spacing or 0) >= _SPACED_TWIPS else 0
        return "".join(parts), bool(counted) and bold_chars == counted, (
            bool(counted) and spaced_chars * 2 > counted)

    def table(self, tbl: Any) -> Table:
        grid = tbl.find(qn("w:tblGrid"))
        width = len(grid.findall(qn("w:gridCol"))) if grid is not None else 0
        rows = []
        for tr in tbl.iterchildren(qn("w:tr")):
            trpr = tr.find(qn("w:trPr"))
            cells = [Cell([], _int(_val(trpr, "w:gridBefore"), 0))] if _val(
                trpr, "w:gridBefore") else []
            for tc in _cells(tr):
                cells.append(self.cell(tc))
            header = trpr is not None and bool(on(trpr.find(qn("w:tblHeader"))))
            rows.append(Row([c for c in cells if c.span > 0], header))
        return Table(rows, width or max((sum(c.span for c in r.cells) for r in rows), default=0))

    def cell(self, tc: Any) -> Cell:
        tcpr = tc.find(qn("w:tcPr"))
        merge = tcpr.find(qn("w:vMerge")) if tcpr is not None else None
        state = None if merge is None else (merge.get(qn("w:val")) or "continue")
        paras: list[Para] = []
        for block in self._walk(tc):
            if isinstance(block, Para):
                paras.append(block)
            else:  # a table inside a cell: its rows as lines of the cell
                paras += [Para(" ".join(c.text for c in r.cells)) for r in block.rows]
        return Cell(paras, _int(_val(tcpr, "w:gridSpan"), 1), state)


def _within(parent: Any, tag: str, containers: set[str]) -> Iterator[Any]:
    """The children of ``parent`` with ``tag``, also those wrapped in ``containers``."""
    for child in parent.iterchildren():
        if child.tag == tag:
            yield child
        elif child.tag in containers:
            yield from _within(child, tag, containers)


def _cells(tr: Any) -> Iterator[Any]:
    return _within(tr, W_TC, _BODY_CONTAINERS)


def _runs(parent: Any) -> Iterator[Any]:
    return _within(parent, W_R, _CONTAINERS)


_CHARS = {qn("w:tab"): "\t", qn("w:ptab"): "\t", qn("w:cr"): "\n",
          qn("w:noBreakHyphen"): "-", qn("w:softHyphen"): ""}


def _run_text(run: Any) -> str:
    out = []
    for child in run.iterchildren():
        tag = child.tag
        if tag == qn("w:t"):
            out.append(child.text or "")
        elif tag == qn("w:br"):
            if child.get(qn("w:type")) in (None, "textWrapping"):
                out.append("\n")
        elif tag in _CHARS:
            out.append(_CHARS[tag])
    return "".join(out)


def _val(parent: Any, tag: str) -> str | None:
    found = parent.find(qn(tag)) if parent is not None else None
    return found.get(qn("w:val")) if found is not None else None


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def read_blocks(document: Any) -> list[Para | Table]:
    """Every block of a python-docx document's body, in reading order."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    part = document.part
    try:
        numbering = part.part_related_by(RT.NUMBERING).element
    except (KeyError, NotImplementedError):
        numbering = None
    try:
        styles = part.part_related_by(RT.STYLES).element
    except (KeyError, NotImplementedError):
        styles = None
    reader = Reader(Styles(styles), Numbering.read(numbering))
    return reader.read(document.element.body)
