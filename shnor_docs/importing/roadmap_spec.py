"""The plan as spec data: numbering style told from the printed numbers, deadlines kept as
written (parsed, or ``{text: …}`` with a comment), responsible cells split into parties."""

from __future__ import annotations

import re
from typing import Any

from shnor_docs.importing.emit import Markdown, Note
from shnor_docs.importing.parties import Registry
from shnor_docs.importing.report import Report
from shnor_docs.importing.roadmap import RoadmapRead, SectionRead
from shnor_docs.importing.words import md_escape

TEXT_FIELDS = {"result": "result", "note": "note"}
_SPLIT = re.compile(r"\s*[,;]\s*(?![^()«»]*[)»])")


def roadmap_data(read: RoadmapRead, registry: Registry, period: Any, report: Report
                 ) -> dict[str, Any]:
    """The ``roadmap`` mapping."""
    fields = _fields(read, report)
    numbering, dot, explicit = _numbering(read.sections)
    by_line = any(len(a.cells.get("responsible", [])) > 1
                  for s in read.sections for a in s.activities)
    data: dict[str, Any] = {
        "numbering": numbering, "number_format": "1." if dot else "1",
    }
    in_column = any(s.in_column for s in read.sections)
    numbers = [s.number for s in read.sections if s.title]
    plain = all(n and n.rstrip(".") == str(i) for i, n in enumerate(numbers, 1)) if numbers \
        else False
    if not plain:
        data["section_numbers"] = False
    if in_column:
        data["section_number_column"] = True
    if read.column_numbers:
        data["column_numbers"] = True
    if by_line:
        data["responsible_separator"] = "line"
    data["columns"] = [{fields.get(role, role): header} for role, header in read.headers.items()
                       if role in fields or role in ("number", "title", "deadline",
                                                     "responsible")]
    data["sections"] = [
        _section(s, plain, explicit, fields, registry, period, report) for s in read.sections
    ]
    report.ok(f"план мероприятий: разделов {len(read.sections)}, мероприятий "
              f"{sum(len(s.activities) for s in read.sections)}")
    return data


def _fields(read: RoadmapRead, report: Report) -> dict[str, str]:
    """Which spec field holds each text column; a «Показатели» column of free text goes to the
    result (or the note) and keeps its header."""
    fields = {role: role for role in read.headers if role in TEXT_FIELDS}
    if "indicators" in read.headers:
        free = next((f for f in ("result", "note") if f not in fields.values()), None)
        if free:
            fields["indicators"] = free
            report.check(f"графа «{read.headers['indicators']}» — текст, а не ссылки на "
                         f"показатели: перенесена в поле {free} с тем же заголовком")
    return fields


def _numbering(sections: list[SectionRead]) -> tuple[str, bool, bool]:
    """(numbering, numbers end with a dot, numbers written out) from the printed numbers."""
    printed = [a.number for s in sections for a in s.activities]
    dot = sum(n.endswith(".") for n in printed) * 2 > len(printed)
    suffix = "." if dot else ""
    styles: dict[str, list[str]] = {"section": [], "local": [], "continuous": []}
    running = 0
    for s_index, section in enumerate(sections, 1):
        own = (section.number or "").rstrip(".") or str(s_index)
        for a_index, _ in enumerate(section.activities, 1):
            running += 1
            styles["section"].append(f"{own}.{a_index}{suffix}")
            styles["local"].append(f"{a_index}{suffix}")
            styles["continuous"].append(f"{running}{suffix}")
    for name in ("continuous", "local", "section") if len(sections) > 1 else ("local",
                                                                            "section"):
        if styles[name] == printed:
            return ("continuous" if name == "local" and len(sections) == 1 else name), dot, False
    best = max(styles, key=lambda k: sum(a == b for a, b in zip(styles[k], printed,
                                                                strict=True)))
    return best, dot, True


def _section(section: SectionRead, plain: bool, explicit: bool, fields: dict[str, str],
             registry: Registry, period: Any, report: Report) -> dict[str, Any]:
    data: dict[str, Any] = {}
    if section.number and (not plain or (section.in_column and section.number.endswith("."))):
        data["number"] = section.number
    if section.title:
        data["title"] = section.title
    seen: dict[str, int] = {}
    activities = []
    for activity in section.activities:
        item = _activity(activity, explicit, fields, registry, period, report)
        notes = list(item.pop("_notes"))
        key = activity.number.rstrip(".")
        if explicit and key and key in seen:
            notes.append(report.defect(f"номер мероприятия {key} повторяется"))
        seen[key] = seen.get(key, 0) + 1
        activities.append(Note(item, notes) if notes else item)
    data["activities"] = activities
    return data


def _activity(activity: Any, explicit: bool, fields: dict[str, str], registry: Registry,
              period: Any, report: Report) -> dict[str, Any]:
    cells = activity.cells
    notes: list[str] = []
    item: dict[str, Any] = {}
    if explicit and activity.number:
        item["number"] = activity.number
    item["title"] = _markdown(cells.get("title", [])) or "(без наименования)"
    if not cells.get("title"):
        notes.append(report.check(f"у мероприятия {activity.number.rstrip('.')} нет наименования"))
    deadline, note = _deadline(" ".join(cells.get("deadline", [])), period, report)
    if deadline is not None:
        item["deadline"] = Note(deadline, [note]) if note else deadline
    item["responsible"] = _responsible(cells.get("responsible", []), registry)
    for role, field_name in fields.items():
        text = _markdown(cells.get(role, []))
        if text:
            item[field_name] = text
    if activity.joined:
        number = activity.number.rstrip(".")
        notes.append(report.check(f"мероприятие {number}: продолжение строки на следующей "
                                  "странице присоединено к нему"))
    item["_notes"] = notes
    return item


def _markdown(lines: list[str]) -> str:
    """A cell's lines: a line that goes on in lower case continues the one before (a break
    made only to fit the cell); the others are paragraphs."""
    joined: list[str] = []
    for line in lines:
        if joined and line[:1].islower():
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
    text = "\n\n".join(md_escape(line) for line in joined)
    return Markdown(text) if "\n" in text else text


def _deadline(text: str, period: Any, report: Report) -> tuple[Any, str | None]:
    from shnor_docs.deadlines import DeadlineError, parse_deadline

    if not text:
        return None, None
    try:
        parse_deadline(text, period)
    except (DeadlineError, ValueError):
        return {"text": text}, report.check(
            f"срок «{text}» не разобран: записан словами и не отслеживается (R208)")
    return text, None


def _responsible(lines: list[str], registry: Registry) -> list[str]:
    found = [registry.cell(piece) for line in lines for piece in split_parties(line)]
    return list(dict.fromkeys(found))


def split_parties(line: str) -> list[str]:
    """A line of a responsible cell as parties: commas and semicolons outside brackets and
    quotes part them, unless what follows continues the name («…, осуществляющие …»)."""
    pieces: list[str] = []
    for piece in _SPLIT.split(line):
        if pieces and _continues(piece):
            pieces[-1] = f"{pieces[-1]}, {piece}"
        elif piece.strip():
            pieces.append(piece.strip())
    return pieces


def _continues(piece: str) -> bool:
    from shnor_docs.morphology import analyser

    first = piece.split(" ", 1)[0]
    if not first or not first[0].islower():
        return False
    parses = analyser().parse(first)
    return parses[0].tag.POS in ("PRTF", "PRTS", "GRND") or first in ("в", "а", "том", "который",
                                                                    "которые")
