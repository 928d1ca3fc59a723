"""Tables as a grid: which column each cell stands in, header rows, section rows.

Word tables carry merged cells (``w:gridSpan`` across, ``w:vMerge`` down), header rows that
repeat on every page (``w:tblHeader``, or typed again after a page break), a row of column
numbers «1 | 2 | 3», and rows split by hand across pages. Here they become a list of rows of
texts by grid column, with each row's kind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from shnor_docs.importing.source import Cell, Row, Table
from shnor_docs.importing.words import clean, flat

ROADMAP_HEADERS = (
    ("title", re.compile(r"^(наименовани|мероприяти|содержани)", re.I)),
    ("number", re.compile(r"^(№|n\s*п/?п|п/п|номер)", re.I)),
    ("deadline", re.compile(r"срок|дата|период|время\s+проведения", re.I)),
    ("responsible", re.compile(r"ответствен|исполнител", re.I)),
    ("result", re.compile(r"результат|форма\s+(?:завершения|отч[её]т)|продукт", re.I)),
    ("indicators", re.compile(r"показател|индикатор", re.I)),
    ("note", re.compile(r"отметк|примечани|выполнени", re.I)),
    ("title", re.compile(r"наименовани|мероприяти|содержани|направлени|вид\s+работ|действи",
                         re.I)),
)


@dataclass
class GridRow:
    """One table row by grid column: the text of the cell that starts in each column."""

    texts: list[str]
    spans: list[int]
    merged: list[str | None]
    header: bool
    lines: list[list[str]] = field(default_factory=list)

    @property
    def filled(self) -> list[int]:
        return [i for i, t in enumerate(self.texts) if t]


def grid(table: Table) -> list[GridRow]:
    """Every row of ``table`` by grid column (a merged cell's text in its first column)."""
    width = table.width
    rows = []
    for row in table.rows:
        rows.append(_grid_row(row, width))
    return rows


def _grid_row(row: Row, width: int) -> GridRow:
    texts = [""] * width
    spans = [0] * width
    merged: list[str | None] = [None] * width
    lines: list[list[str]] = [[] for _ in range(width)]
    column = 0
    for cell in row.cells:
        if column >= width:
            texts.append("")
            spans.append(0)
            merged.append(None)
            lines.append([])
            width += 1
        texts[column], spans[column], merged[column] = _text(cell), cell.span, cell.merge
        lines[column] = _lines(cell)
        column += max(cell.span, 1)
    return GridRow(texts, spans, merged, row.header, lines)


def _lines(cell: Cell) -> list[str]:
    """A cell's lines: its paragraphs and manual line breaks, tidied, empty ones dropped."""
    return [flat(line) for p in cell.paras for line in clean(p.text).split("\n") if flat(line)]


def _text(cell: Cell) -> str:
    return " ".join(_lines(cell)) if cell.merge != "continue" else ""


def header_roles(row: GridRow) -> dict[int, str] | None:
    """The role of each column (number, title, deadline …) from header words, or None when the
    row is not the header of a plan."""
    roles: dict[int, str] = {}
    for index, text in enumerate(row.texts):
        if not text or len(text) > 80:
            continue
        for role, pattern in ROADMAP_HEADERS:
            if pattern.search(text) and role not in roles.values():
                roles[index] = role
                break
    found = set(roles.values())
    if "title" in found and ({"deadline", "responsible"} & found):
        return roles
    return None


def column_numbers(row: GridRow) -> bool:
    """«1 | 2 | 3 | 4»: the row that numbers the columns."""
    filled = [t for t in row.texts if t]
    return len(filled) >= 3 and all(t.rstrip(".") == str(i) for i, t in enumerate(filled, 1))


def section_title(row: GridRow, width: int) -> tuple[str | None, str | None] | None:
    """(number, title) of a row that heads a section: one text across (nearly) the whole
    width, or a number in the first column and a title across the rest."""
    filled = row.filled
    if len(filled) == 1 and row.spans[filled[0]] >= max(width - 1, 2):
        return None, row.texts[filled[0]]
    if len(filled) == 2 and filled[0] == 0 and row.spans[filled[1]] >= width - 1 >= 2:
        return row.texts[0], row.texts[filled[1]]
    return None


def same_as(row: GridRow, other: GridRow) -> bool:
    return [t.lower() for t in row.texts] == [t.lower() for t in other.texts]
