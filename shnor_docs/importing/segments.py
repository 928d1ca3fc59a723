"""Cutting a document into the act and its appendices at the appendix marks.

An appendix begins with its mark: «Приложение № 2 / к приказу … / от 06.10.2020 № 718-ОД»
(or «УТВЕРЖДЁН / приказом … / от … № …»), typed as separate lines, as one paragraph with line
breaks, or in a cell of a layout table. Everything before the first mark is the act.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from shnor_docs.importing.source import Para, Table
from shnor_docs.importing.words import clean, find_date, find_number, flat

_START = re.compile(r"^(?:приложение(?:\s*№?\s*(\d+))?\b|утвержд[её]н[аоы]?\b)", re.I)
_CITES = re.compile(
    r"\b(?:к\s+(приказу|постановлению|распоряжению|решению)|"
    r"(приказом|постановлением|распоряжением|решением))\b", re.I
)
KIND_WORDS = {"приказ": "prikaz", "постановлен": "postanovlenie", "распоряжен": "rasporyazhenie",
              "решен": "reshenie"}
MARK_LINES = 9


@dataclass
class Mark:
    """What an appendix mark says: its number and the act it cites, as written."""

    number: int | None
    act_kind: str | None
    authority: str
    date: dt.date | None
    act_number: str | None
    text: str
    lines: int


@dataclass
class Segment:
    """The act (mark None) or one appendix with its mark."""

    blocks: list[Para | Table] = field(default_factory=list)
    mark: Mark | None = None


def layout_lines(table: Table) -> list[Para]:
    """A small layout table (the date left, the number right; a mark in a right cell) read as
    its cells' paragraphs, row by row; cells of one row also joined by a tab."""
    paras: list[Para] = []
    for row in table.rows:
        filled = [c for c in row.cells if c.text]
        if len(filled) > 1 and all(len(c.paras) == 1 for c in filled):
            paras.append(Para("\t".join(c.text for c in filled)))
            continue
        for cell in filled:
            paras.extend(cell.paras)
    return paras


def _is_layout(table: Table) -> bool:
    text = " ".join(c.text for r in table.rows for c in r.cells)
    return len(table.rows) <= 3 and (bool(_START.match(text.strip())) or len(text) < 400)


def split(blocks: list[Para | Table]) -> list[Segment]:
    """The act and the appendices, in order (the act may be empty)."""
    items: list[Para | Table] = []
    for block in blocks:
        if isinstance(block, Table) and _is_layout(block) and _mark_in(layout_lines(block)):
            items += layout_lines(block)
        else:
            items.append(block)
    segments = [Segment()]
    index = 0
    while index < len(items):
        mark = parse_mark(items, index)
        if mark is not None:
            segments.append(Segment(mark=mark))
            index += mark.lines
            continue
        segments[-1].blocks.append(items[index])
        index += 1
    return segments


def _mark_in(paras: list[Para]) -> bool:
    return any(parse_mark(paras, i) for i in range(len(paras)))


def parse_mark(items: list[Para | Table], index: int) -> Mark | None:
    """The mark starting at ``items[index]``, or None."""
    first = items[index]
    if not isinstance(first, Para) or not _START.match(clean(first.text)):
        return None
    lines: list[str] = []
    count = 0
    for item in items[index: index + MARK_LINES]:
        if not isinstance(item, Para):
            break
        count += 1
        lines += [line for line in clean(item.text).split("\n") if line.strip()]
        joined = flat(" ".join(lines))
        if find_date(joined) is None or not _CITES.search(joined):
            continue
        if find_number(joined) is None and index + count < len(items):
            after = items[index + count]
            if isinstance(after, Para) and clean(after.text).startswith("№"):
                lines.append(clean(after.text))
                count += 1
        return _mark(lines, count)
    return None


def _mark(lines: list[str], count: int) -> Mark:
    text = flat(" ".join(lines))
    start = _START.match(text)
    number = int(start.group(1)) if start and start.group(1) else None
    cites = _CITES.search(text)
    assert cites is not None
    word = (cites.group(1) or cites.group(2)).lower()
    kind = next((v for k, v in KIND_WORDS.items() if word.startswith(k)), None)
    date = find_date(text[cites.end():])
    act_number = find_number(text[cites.end():])
    rest = text[cites.end(): cites.end() + (date.start if date else len(text))]
    if act_number is not None and act_number.start < (date.start if date else len(text)):
        rest = rest[: act_number.start]
    authority = re.sub(r"\s+от\s*$", "", rest.strip()).strip(" ,")
    return Mark(number, kind, authority, date.value if date else None,
                str(act_number.value) if act_number else None, text, count)
