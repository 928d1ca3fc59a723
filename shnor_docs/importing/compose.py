"""From a document's blocks to the spec's three files: programme, parties, roadmap."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from shnor_docs.importing.act_body import Body, parse_body
from shnor_docs.importing.act_head import Head, parse_head
from shnor_docs.importing.act_spec import (
    authority_name,
    executor_data,
    points_data,
    signature_data,
)
from shnor_docs.importing.appendix import AppendixRead, read_appendix, table_kind
from shnor_docs.importing.emit import Note
from shnor_docs.importing.parties import Registry
from shnor_docs.importing.period import fallback_period, find_period
from shnor_docs.importing.problems import ImportFailure
from shnor_docs.importing.report import Report
from shnor_docs.importing.segments import Mark, Segment, layout_lines, split
from shnor_docs.importing.source import Para, Table
from shnor_docs.importing.spec_appendix import Act, Appendices, appendices_data
from shnor_docs.importing.words import clean


@dataclass
class Composed:
    """The spec's data by file, before it is written."""

    programme: dict[str, Any] = field(default_factory=dict)
    parties: list[Any] = field(default_factory=list)
    roadmap: dict[str, Any] | None = None


@dataclass
class Reading:
    """Everything read from the document, shared by the steps that make spec data."""

    head: Head
    body: Body
    segments: list[Segment]
    reads: list[AppendixRead]
    registry: Registry
    report: Report
    period: str = ""


def compose(blocks: list[Para | Table], report: Report) -> Composed:
    segments = split(blocks)
    scratch = Report()  # what the act's reading says counts only if there is an act
    act_paras = _act_paras(segments[0].blocks, scratch)
    head = parse_head(act_paras, scratch) if act_paras else Head()
    if head.kind is None and len(segments) == 1:
        segments, act_paras = _plan_alone(segments[0], report), []
    else:
        report.merge(scratch)
    body = parse_body(act_paras[head.body_start:]) if head.kind else Body()
    reading = Reading(head, body, segments, [read_appendix(s) for s in segments[1:]],
                      Registry(), report)
    texts = [p.text for p in act_paras] + [b.text for s in segments[1:] for b in s.blocks
                                           if isinstance(b, Para)]
    for text in texts:  # «(далее – X)» wherever the document says it
        reading.registry.learn(clean(text))
    reading.period = _period(reading)
    act = Act(head.number, head.date) if head.kind else Act(None, None)
    apps = appendices_data(reading.reads, [s.mark for s in segments[1:]], reading.registry,
                           reading.period, report, act)
    if apps.roadmap is None:
        report.miss("план мероприятий не найден (нет таблицы с графами наименования, срока и "
                    "ответственных): roadmap.yaml не записан")
    composed = Composed()
    composed.programme = _programme_file(reading, apps)
    reading.registry.finish()
    composed.parties = _parties(reading.registry, report)
    composed.roadmap = apps.roadmap
    return composed


def _plan_alone(segment: Segment, report: Report) -> list[Segment]:
    """A document that is a plan and nothing else (no act, no mark): an appendix of its own."""
    if not any(isinstance(b, Table) and table_kind(b) == "roadmap" for b in segment.blocks):
        raise ImportFailure("I010", "в документе нет ни заголовка акта (ПРИКАЗ, ПОСТАНОВЛЕНИЕ, "
                            "РАСПОРЯЖЕНИЕ), ни отметки «Приложение № … к …», ни таблицы плана")
    report.check("акта и отметки о приложении в документе нет: импортирован один план; орган и "
                 "акт укажите сами")
    return [Segment(), Segment(segment.blocks, Mark(None, None, "", None, None, "", 0))]


def _parties(registry: Registry, report: Report) -> list[Any]:
    """The registry, a party named only by an abbreviation the document never introduces
    marked as the source's defect (R601 finds it)."""
    found: list[Any] = []
    for entry in registry.entries.values():
        name = entry.name or ""
        if entry.kind != "person" and not entry.abbreviation and re.fullmatch(
            r"[А-ЯЁ]{2,8}(?:\s[А-ЯЁ]{2,8})*", name
        ):
            found.append(Note(entry.data(), [report.defect(
                f"сокращение «{name}» в документе не расшифровано: полного наименования нет")]))
        else:
            found.append(entry.data())
    return found


def _act_paras(blocks: list[Para | Table], report: Report) -> list[Para]:
    paras: list[Para] = []
    for block in blocks:
        if isinstance(block, Para):
            paras.append(block)
        elif len(block.rows) <= 3:
            paras += layout_lines(block)
        else:
            report.miss(f"таблица в тексте акта ({len(block.rows)} строк) не перенесена")
    return paras


def _period(reading: Reading) -> str:
    texts = [line for read in reading.reads for line in (*read.title, read.subtitle or "")]
    texts.append(reading.head.title or "")
    found = find_period(texts)
    if found:
        reading.report.ok(f"период программы: {found}")
        return found
    date = reading.head.date or next((s.mark.date for s in reading.segments[1:]
                                      if s.mark and s.mark.date), None)
    return fallback_period(date)


def _programme_file(reading: Reading, apps: Appendices) -> dict[str, Any]:
    head, report = reading.head, reading.report
    data: dict[str, Any] = {"include": ["parties.yaml"] + (["roadmap.yaml"] if apps.roadmap
                                                           else [])}
    data["authority"] = _authority(reading)
    if head.kind or any(s.mark and s.mark.text for s in reading.segments):
        data["act"] = _act(reading, apps)
    programme: dict[str, Any] = {"title": apps.title or head.title or "Программа"}
    if apps.kind:
        programme["kind"] = apps.kind
    if apps.programme_number is not None:
        programme["appendix"] = apps.programme_number
    period_note = [] if find_period([apps.title or "", head.title or ""]) or any(
        r.subtitle for r in reading.reads) else [report.check(
            f"период программы в документе не назван: взят год акта ({reading.period})")]
    programme["period"] = Note(reading.period, period_note)
    programme.update(apps.programme)
    data["programme"] = programme
    form = _form(reading, apps)
    if form:
        data["form"] = form
    return data


def _authority(reading: Reading) -> dict[str, Any]:
    marks = [s.mark for s in reading.segments[1:] if s.mark]
    genitive = marks[0].authority if marks and marks[0].authority else None
    name, notes = authority_name(reading.head.heading, genitive)
    data: dict[str, Any] = {"name": Note(name, [reading.report.check(n) for n in notes])}
    if reading.head.heading:
        data["heading"] = reading.head.heading
    if genitive:
        data["name_genitive"] = genitive
    if reading.head.place:
        data["place"] = reading.head.place
    return data


def _act(reading: Reading, apps: Appendices) -> dict[str, Any]:
    head, body, report = reading.head, reading.body, reading.report
    mark = next((s.mark for s in reading.segments[1:] if s.mark), None)
    kind = head.kind or (mark.act_kind if mark and mark.act_kind in (
        "prikaz", "postanovlenie", "rasporyazhenie") else "prikaz")
    number = head.number or (mark.act_number if mark else None)
    date = head.date or (mark.date if mark else None)
    data: dict[str, Any] = {"kind": kind}
    if head.kind_title:
        data["heading"] = head.kind_title
    data["number"] = Note(number or "б/н", [] if number else [report.check(
        "номер акта не найден")])
    data["date"] = Note(date or dt.date.today(), [] if date else [report.check(
        "дата акта не найдена: записана сегодняшняя")])
    if head.kind and head.title:
        data["title"] = head.title
    if head.preamble:
        from shnor_docs.importing.emit import Markdown

        data["preamble"] = Markdown(head.preamble) if "\n" in head.preamble else head.preamble
        data["basis"] = head.basis
    if head.directive is not None:
        data["directive"] = head.directive
    data["points"] = points_data(body.points, reading.registry, reading.period, report)
    if head.kind and body.points:
        report.ok(f"пункты акта: {len(body.points)}")
    data["signatory"] = signature_data(body, reading.registry)
    data["executor"] = executor_data(body, reading.registry)
    if body.executor and body.executor.mark:
        data["executor_mark"] = body.executor.mark
    if head.kind:
        _report_end(body, report)
    _number_unnumbered(data["points"], apps)
    data["appendices"] = apps.appendices + _not_attached(data["points"], apps)
    return data


def _report_end(body: Body, report: Report) -> None:
    sign, executor = body.signature, body.executor
    if sign:
        report.ok(" ".join(["подпись:", *sign.position, sign.initials, sign.surname]))
    else:
        report.miss("подпись не найдена")
    if executor:
        report.ok(" ".join(["исполнитель:", *executor.lines]))
    else:
        report.miss("отметка об исполнителе не найдена")


def _number_unnumbered(points: list[Any], apps: Appendices) -> None:
    """An appendix with no number («УТВЕРЖДЁН приказом …», «Приложение к приказу …») takes
    the number a point gives it («(приложение № 1)»), in order, when that number is free."""
    entries = [a.value if isinstance(a, Note) else a for a in apps.appendices]
    held = {e["number"] for e in entries}
    wanted = [p["appendix"] for p in _all(points) if p.get("appendix") not in (None, *held)]
    for entry in entries:
        if entry["number"] is None and wanted:
            entry["number"] = wanted.pop(0)


def _not_attached(points: list[Any], apps: Appendices) -> list[dict[str, Any]]:
    """Appendices the points approve that the document does not hold: declared, not built."""
    held = {(a.value if isinstance(a, Note) else a)["number"] for a in apps.appendices}
    missing = []
    for point in _all(points):
        number = point.get("appendix")
        if number and number not in held:
            held.add(number)
            text = str(point.get("text", "")).lower()
            kind = "list" if text.startswith(("список", "перечень")) else "text"
            missing.append(Note({"number": number, "document": kind, "attached": False},
                                [f"приложения № {number} в документе нет: оно объявлено, "
                                 "но не собирается"]))
    return missing


def _all(points: list[Any]) -> list[dict[str, Any]]:
    found = []
    for raw in points:
        point = raw.value if isinstance(raw, Note) else raw
        found.append(point)
        found += _all(point.get("points", []))
    return found


def _form(reading: Reading, apps: Appendices) -> dict[str, Any]:
    head = reading.head
    form: dict[str, Any] = {}
    if head.spaced:
        form["directive"] = "spaced"
    if head.directive_bold:
        form["directive_bold"] = True
    if head.kind and head.date_style == "numeric":
        form["date_style"] = "numeric"
    return form
