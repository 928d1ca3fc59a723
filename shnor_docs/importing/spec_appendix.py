"""The appendices as spec data: ``act.appendices`` with their kinds and titles, the programme's
parts, the roadmap; and what the marks said when it differs from the act."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from shnor_docs.importing.appendix import AppendixRead, Piece
from shnor_docs.importing.body import Programme, link_goal, markdown, passport, text_parts
from shnor_docs.importing.emit import Note
from shnor_docs.importing.indicators import indicators
from shnor_docs.importing.parties import Registry
from shnor_docs.importing.report import Report
from shnor_docs.importing.roadmap import read_roadmap
from shnor_docs.importing.roadmap_spec import roadmap_data
from shnor_docs.importing.segments import Mark

_KINDS = (("план мероприятий", re.compile(r"^план\s+мероприятий", re.I)),
          ("муниципальная программа", re.compile(r"^муниципальная\s+программа", re.I)),
          ("программа", re.compile(r"^программа", re.I)),
          ("комплекс мер", re.compile(r"^комплекс\s+мер", re.I)))


@dataclass
class Appendices:
    """What the appendices give the spec."""

    appendices: list[Any] = field(default_factory=list)
    programme: dict[str, Any] = field(default_factory=dict)
    roadmap: dict[str, Any] | None = None
    title: str | None = None
    kind: str | None = None
    programme_number: int | None = None


@dataclass
class Act:
    """The act's own number and date, to compare each mark with."""

    number: str | None
    date: dt.date | None


def appendices_data(reads: list[AppendixRead], marks: list[Mark | None], registry: Registry,
                    period: str, report: Report, act: Act) -> Appendices:
    found = Appendices()
    programme = Programme()
    for read, mark in zip(reads, marks, strict=True):
        assert mark is not None
        entry = _appendix(read, mark, found, programme, registry, period, report)
        notes = _cited_as(entry, mark, act, report)
        found.appendices.append(Note(entry, notes) if notes else entry)
    link_goal(programme)
    found.programme = {**programme.data, **({"body": programme.body} if programme.body else {})}
    return found


def _appendix(read: AppendixRead, mark: Mark, found: Appendices, programme: Programme,
              registry: Registry, period: str, report: Report) -> dict[str, Any]:
    title = "\n".join(read.title)
    only_plan = len(read.pieces) == 1 and read.pieces[0].kind == "roadmap" and not read.pieces[
        0].heading
    taken = bool(programme.body) or (found.roadmap is not None and only_plan)
    kind = "plan" if only_plan else "text" if taken else "programme"
    entry: dict[str, Any] = {"number": mark.number, "document": kind}
    flat_title = " ".join(read.title)
    if found.title is None and flat_title:
        found.title, found.kind = flat_title, _kind(flat_title)
    if title and (title != found.title or kind == "text"):
        entry["title"] = title
    if read.subtitle:
        entry["subtitle"] = read.subtitle
    if not read.title:
        report.check(f"у приложения {mark.number or ''} не найден заголовок (жирные или "
                     "выровненные по центру строки под отметкой)")
    if kind == "text":
        entry["text"] = "\n\n".join(markdown(p.paras) for p in read.pieces if p.paras)
        report.miss(f"приложение {mark.number or ''}: вторая программа или план — перенесён "
                    "только текст")
        return entry
    if kind == "programme":
        found.programme_number = mark.number
    for piece in read.pieces:
        _piece(piece, found, programme, registry, period, report, kind == "plan")
    report.ok(f"приложение {mark.number or 'без номера'}: {kind}")
    return entry


def _piece(piece: Piece, found: Appendices, programme: Programme, registry: Registry,
           period: str, report: Report, plan: bool) -> None:
    if piece.kind == "roadmap" and found.roadmap is None:
        assert piece.table is not None
        data = roadmap_data(read_roadmap(piece.table, report), registry, period, report)
        if piece.heading:
            data = {"title": piece.heading, **data}
        found.roadmap = data
        if not plan:
            programme.body.append("roadmap")
    elif piece.kind == "passport" and "passport" not in programme.data:
        passport(piece, programme, report)
    elif piece.kind == "indicators" and indicators(piece, programme, registry, report):
        pass
    elif piece.kind == "heading":
        programme.body.append({"part": "heading", "text": piece.heading})
    elif piece.kind == "text":
        text_parts(piece, programme, report)
    else:
        rows = len(piece.table.rows) if piece.table else 0
        report.miss(f"таблица из {rows} строк (не план, не паспорт, не показатели) не "
                    "перенесена" + (f": «{piece.heading}»" if piece.heading else ""))


def _kind(title: str) -> str | None:
    return next((kind for kind, pattern in _KINDS if pattern.match(title)), None)


def _cited_as(entry: dict[str, Any], mark: Mark, act: Act, report: Report) -> list[str]:
    """A mark that cites another number or date than the act: kept in ``cited_as``."""
    if act.number is None or act.date is None:
        return []
    cited: dict[str, Any] = {}
    if mark.act_number and mark.act_number != act.number:
        cited["number"] = mark.act_number
    if mark.date and mark.date != act.date:
        cited["date"] = mark.date
    if not cited:
        return []
    entry["cited_as"] = cited
    said = f"от {mark.date:%d.%m.%Y} № {mark.act_number}" if mark.date else mark.text
    return [report.defect(f"отметка о приложении {mark.number or ''} называет акт «{said}», а "
                          f"акт — от {act.date:%d.%m.%Y} № {act.number}")]
