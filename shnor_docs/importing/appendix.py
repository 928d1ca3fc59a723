"""An appendix as read: its title lines, then its parts in order (headings, texts, tables).

The title is the run of bold or centred lines under the mark; a line «на 2021–2023 гг.» at its
end is the subtitle. What follows is cut into parts: a heading (a short bold or centred line)
with the text or the table under it. Tables are told by their look: a plan by its header
words, a passport by its labels in two columns, an indicator table by «показател…».
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from shnor_docs.importing.roadmap import is_roadmap
from shnor_docs.importing.segments import Segment
from shnor_docs.importing.source import Para, Table
from shnor_docs.importing.tables import grid
from shnor_docs.importing.words import clean, flat

_SUBTITLE = re.compile(r"^(?:на\s+)?(?:\d{4}\s*[-–—/]\s*\d{4}|\d{4})\s*(?:гг?\.?|годы|год|"
                       r"учебн\w*\s+год\w*)?$|^на\s+\d{4}", re.I)
_PART_WORDS = re.compile(r"^(?:\d+\.?\s+)?(паспорт|цел[ьи]\b|задач|пояснительная|введение|"
                         r"общие положения|раздел\b|показател|этап|срок\w* реализации|"
                         r"механизм|ожидаемые|план мероприятий|дорожная карта)", re.I)
_PASSPORT_LABELS = re.compile(r"наименование программы|цел[ьи]|задач|срок|исполнител|"
                              r"разработчик|основани", re.I)
_INDICATOR_HEADER = re.compile(r"наименование показател|показател|индикатор", re.I)
HEADING_LENGTH = 250


@dataclass
class Piece:
    """A part of an appendix: kind «heading», «text», «roadmap», «passport», «indicators» or
    «table» (not recognised), its heading, and its content."""

    kind: str
    heading: str | None = None
    paras: list[Para] = field(default_factory=list)
    table: Table | None = None


@dataclass
class AppendixRead:
    title: list[str]
    subtitle: str | None
    pieces: list[Piece]


def read_appendix(segment: Segment) -> AppendixRead:
    blocks = segment.blocks
    index = 0
    while index < len(blocks) and isinstance(blocks[index], Para) and not clean(
        blocks[index].text
    ):
        index += 1
    title: list[str] = []
    while index < len(blocks):
        block = blocks[index]
        if not isinstance(block, Para) or not _title_like(block) or (
            title and _PART_WORDS.match(clean(block.text))
        ):
            break
        title += [flat(line) for line in clean(block.text).split("\n") if flat(line)]
        index += 1
    subtitle = title.pop() if len(title) > 1 and _SUBTITLE.match(title[-1]) else None
    return AppendixRead(title, subtitle, pieces(blocks[index:]))


def _title_like(para: Para) -> bool:
    text = clean(para.text)
    return bool(text) and (para.bold or para.align == "center") and len(text) < 600


def heading_like(para: Para) -> bool:
    """A heading: a short line, bold or centred, not a list item."""
    text = clean(para.text)
    if not text or len(text) > HEADING_LENGTH or para.bullet:
        return False
    return para.bold or (para.align == "center" and not text.endswith((";", ",")))


def table_kind(table: Table) -> str:
    """«roadmap», «indicators», «passport» or «table» (not recognised)."""
    rows = grid(table)
    if not rows:
        return "table"
    first = " ".join(rows[0].texts)
    if _INDICATOR_HEADER.search(first) and not re.search(r"срок", first, re.I) and \
            table.width >= 3:
        return "indicators"
    if is_roadmap(table):
        return "roadmap"
    labels = [r.texts[0] for r in rows if r.texts and r.texts[0]]
    if table.width == 2 and len(rows) >= 3 and sum(
        bool(_PASSPORT_LABELS.search(label)) for label in labels
    ) >= 2:
        return "passport"
    return "table"


def pieces(blocks: list[Para | Table]) -> list[Piece]:
    """Headings, texts and tables in order; a heading goes with what follows it."""
    found: list[Piece] = []
    pending: str | None = None
    for block in blocks:
        if isinstance(block, Table):
            found.append(Piece(table_kind(block), pending, table=block))
            pending = None
            continue
        text = clean(block.text)
        if not text:
            continue
        if heading_like(block):
            if pending is not None:
                found.append(Piece("heading", pending))
            pending = flat(text.replace("\n", " "))
            continue
        if found and found[-1].kind == "text" and pending is None:
            found[-1].paras.append(block)
        else:
            found.append(Piece("text", pending, [block]))
            pending = None
    if pending is not None:
        found.append(Piece("heading", pending))
    return found
