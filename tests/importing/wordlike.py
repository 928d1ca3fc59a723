"""Word-like documents for the import tests, made with python-docx as an official makes them in
Word: automatic list numbering, layout tables, merged cells, header rows repeated on every
page, manual line breaks, tabs, letter spacing."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

ALIGN = {"center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT,
         "both": WD_ALIGN_PARAGRAPH.JUSTIFY}


@dataclass
class C:
    """A table cell: its text (line breaks as «\\n»), columns it spans, vertical merge."""

    text: str = ""
    span: int = 1
    merge: str | None = None  # «restart» or «continue»


def _el(tag: str, **attrs: str) -> OxmlElement:
    element = OxmlElement(tag)
    for key, value in attrs.items():
        element.set(qn(f"w:{key}"), value)
    return element


class Word:
    """A document being written the way Word writes one."""

    def __init__(self) -> None:
        self.doc = docx.Document()
        self.numbering = self.doc.part.part_related_by(RT.NUMBERING).element
        self._next_abstract = 100
        self._next_num = 100

    def list(self, levels: tuple[tuple[str, str], ...] = (("decimal", "%1."),
                                                          ("decimal", "%1.%2.")),
             start: int = 1) -> str:
        """A new list definition with its own counters; its numId."""
        abstract = _el("w:abstractNum", abstractNumId=str(self._next_abstract))
        for ilvl, (fmt, text) in enumerate(levels):
            lvl = _el("w:lvl", ilvl=str(ilvl))
            lvl.append(_el("w:start", val=str(start if ilvl == 0 else 1)))
            lvl.append(_el("w:numFmt", val=fmt))
            lvl.append(_el("w:lvlText", val=text))
            abstract.append(lvl)
        first_num = self.numbering.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            self.numbering.append(abstract)
        num = _el("w:num", numId=str(self._next_num))
        num.append(_el("w:abstractNumId", val=str(self._next_abstract)))
        self.numbering.append(num)
        self._next_abstract += 1
        self._next_num += 1
        return str(self._next_num - 1)

    def para(self, text: str = "", *, bold: bool = False, align: str | None = None,
             num: tuple[str, int] | None = None, spacing: int | None = None,
             container=None) -> None:
        """A paragraph; «\\n» is a manual line break, «\\t» a tab."""
        paragraph = (container or self.doc).add_paragraph()
        if align:
            paragraph.alignment = ALIGN[align]
        if num:
            ppr = paragraph._p.get_or_add_pPr()
            numpr = _el("w:numPr")
            numpr.append(_el("w:ilvl", val=str(num[1])))
            numpr.append(_el("w:numId", val=num[0]))
            ppr.append(numpr)
        _runs(paragraph, text, bold, spacing)

    def layout(self, rows: list[list[str]]) -> None:
        """A borderless table that only places text: date left, number right, and so on."""
        table = self.doc.add_table(rows=len(rows), cols=len(rows[0]))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                cell = table.cell(r, c)
                cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
                self.para(text, container=cell)

    def table(self, rows: list[list[C | str]], header: int = 1) -> None:
        """A data table; the first ``header`` rows repeat on every page (``w:tblHeader``)."""
        width = max(sum(c.span if isinstance(c, C) else 1 for c in row) for row in rows)
        table = self.doc.add_table(rows=0, cols=width)
        table.style = "Table Grid"
        for index, row in enumerate(rows):
            self._row(table, [c if isinstance(c, C) else C(c) for c in row], index < header)

    def _row(self, table, cells: list[C], header: bool) -> None:
        tr = _el("w:tr")
        if header:
            trpr = _el("w:trPr")
            trpr.append(_el("w:tblHeader"))
            tr.append(trpr)
        for cell in cells:
            tc = _el("w:tc")
            tcpr = _el("w:tcPr")
            if cell.span > 1:
                tcpr.append(_el("w:gridSpan", val=str(cell.span)))
            if cell.merge:
                tcpr.append(_el("w:vMerge", val=cell.merge) if cell.merge == "restart"
                            else _el("w:vMerge"))
            tc.append(tcpr)
            for line in cell.text.split("\n\n") if cell.text else [""]:
                p = _el("w:p")
                tc.append(p)
                _runs(docx.text.paragraph.Paragraph(p, None), line, False, None)
            tr.append(tc)
        table._tbl.append(tr)

    def repeat_rows(self, times: int) -> None:
        """The last table's rows after its header, ``times`` over (a long table)."""
        tbl = self.doc.tables[-1]._tbl
        rows = tbl.findall(qn("w:tr"))[1:]
        for _ in range(times - 1):
            for row in rows:
                tbl.append(copy.deepcopy(row))

    def save(self, path: Path) -> Path:
        """Save; like Word, never end the body with a table (a paragraph always follows it)."""
        body = self.doc.element.body
        last = body[-2] if len(body) > 1 else None
        if last is not None and last.tag == qn("w:tbl"):
            self.para()
        self.doc.save(str(path))
        return path


def _runs(paragraph, text: str, bold: bool, spacing: int | None) -> None:
    for line_no, line in enumerate(text.split("\n")):
        if line_no:
            paragraph.add_run().add_break()
        for part_no, part in enumerate(line.split("\t")):
            if part_no:
                paragraph.add_run().add_tab()
            if part:
                run = paragraph.add_run(part)
                run.bold = bold or None
                if spacing:
                    rpr = run._r.get_or_add_rPr()
                    rpr.append(_el("w:spacing", val=str(spacing)))
