"""The parts of a programme appendix as spec data (``programme.body`` and what it prints).

Free text stays text (``part: text`` with its heading, Markdown). Lists under «Цель»,
«Задачи» become goals and tasks, stage lines («1 этап. Подготовительный (01.06. –
31.08.2021) – …») stages with their dates, the passport its rows with their values, the
indicator table indicators, the plan the roadmap. What is not recognised is kept as text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from shnor_docs.importing.appendix import Piece
from shnor_docs.importing.emit import Markdown
from shnor_docs.importing.report import Report
from shnor_docs.importing.source import Para
from shnor_docs.importing.tables import grid
from shnor_docs.importing.words import clean, find_date, flat, md_escape

_BULLET = re.compile(r"^[-–—•▪◦·]\s*(.*)$", re.S)
_ITEM = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*)[.)]\s*(\S.*)$", re.S)
_GOALS = re.compile(r"^(?:\d+\.\s*)?цел[ьи]\b", re.I)
_TASKS = re.compile(r"^(?:\d+\.\s*)?задач", re.I)
_INLINE_GOAL = re.compile(r"^(Цел[ьи](?:\s+[а-яё]+){0,3})\s+[–—-]\s+(\S.*)$")
_INDICATOR_LEAD = re.compile(r"показател[а-яё]*\s*:$", re.I)
_STAGE = re.compile(r"^(\d)\s*(?:-?й\s*)?этап\.?\s*([А-ЯЁA-Z][\w-]*)?[^(]*\(([^)]*)\)", re.I)


@dataclass
class Programme:
    """What the appendix adds to the spec's ``programme`` section."""

    body: list[Any] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)
    roadmap: list[Piece] = field(default_factory=list)
    indicators: list[Piece] = field(default_factory=list)


def markdown(paras: list[Para]) -> str:
    """Paragraphs as Markdown: bulleted ones a list, the others paragraphs as written."""
    out = ""
    previous_bullet = False
    for para in paras:
        text = flat(clean(para.text).replace("\n", " "))
        if not text:
            continue
        bullet = _BULLET.match(text) if not para.label or para.bullet else None
        if para.bullet and para.label:
            bullet = re.match(r"^\S+\s*(.*)$", text, re.S)
        if bullet:
            line = "  " * para.level + f"- {md_escape(bullet.group(1))}"
            out += ("\n" if previous_bullet else "\n\n" if out else "") + line
        else:
            out += ("\n\n" if out else "") + md_escape(text)
        previous_bullet = bool(bullet)
    return Markdown(out) if "\n" in out else out


def text_parts(piece: Piece, programme: Programme, report: Report) -> None:
    """A heading with its text: goals, tasks or stages where they are recognisably so."""
    heading = piece.heading
    if heading and _GOALS.match(heading) and _listed(piece, programme, "goals"):
        report.ok(f"цели программы: {len(programme.data['goals'])}")
        return
    if heading and _TASKS.match(heading) and _listed(piece, programme, "tasks"):
        report.ok(f"задачи программы: {len(programme.data['tasks'])}")
        return
    if _stages(piece, programme):
        report.ok(f"этапы реализации: {len(programme.data['stages'])}")
        return
    _split_text(piece, programme, report)


def _split_text(piece: Piece, programme: Programme, report: Report) -> None:
    """Text paragraphs as text parts, with an inline goal («Цель программы – …») and a list of
    indicators («… по следующим показателям:» and the items) taken out where they stand."""
    heading: str | None = piece.heading
    chunk: list[Para] = []
    paras = piece.paras
    index = 0
    while index < len(paras):
        used = _inline_goal(paras[index], programme) or _indicator_list(paras, index, programme)
        if not used:
            chunk.append(paras[index])
            index += 1
            continue
        heading = _flush(chunk, heading, programme, before=used[0])
        chunk = []
        programme.body.append(used[0])
        index += used[1]
        report.ok("цель программы" if used[0]["part"] == "goals" else "показатели (перечнем)")
    _flush(chunk, heading, programme)


def _flush(chunk: list[Para], heading: str | None, programme: Programme,
           before: dict[str, Any] | None = None) -> None:
    """The text gathered so far as a part; a heading with no text of its own stands alone."""
    if chunk:
        part: dict[str, Any] = {"part": "text"}
        if heading is not None:
            part["heading"] = heading
        part["text"] = markdown(chunk)
        programme.body.append(part)
    elif heading is not None:
        programme.body.append({"part": "heading", "text": heading})
    return None


def _inline_goal(para: Para, programme: Programme) -> tuple[dict[str, Any], int] | None:
    text = flat(clean(para.text))
    match = _INLINE_GOAL.match(text)
    if match is None or "goals" in programme.data:
        return None
    programme.data["goals"] = [{"id": "g1", "text": md_escape(match.group(2))}]
    return {"part": "goals", "heading": match.group(1), "style": "inline"}, 1


def _indicator_list(paras: list[Para], index: int, programme: Programme
                    ) -> tuple[dict[str, Any], int] | None:
    lead = flat(clean(paras[index].text))
    if not _INDICATOR_LEAD.search(lead) or "indicators" in programme.data:
        return None
    items = []
    for para in paras[index + 1:]:
        text = flat(clean(para.text))
        bullet = _BULLET.match(text) if not para.label else re.match(r"^\S+\s*(.*)$", text)
        if bullet is None or not (para.bullet or not para.label):
            break
        items.append(bullet.group(1))
    if not items:
        return None
    programme.data["indicators"] = [
        {"id": f"i{n}", "name": md_escape(item)} | ({"unit": "%"} if item.lower().startswith(
            "процент") else {}) for n, item in enumerate(items, 1)
    ]
    part = {"part": "indicators", "heading": "", "layout": "list", "lead": md_escape(lead)}
    return part, len(items) + 1


def _listed(piece: Piece, programme: Programme, key: str) -> bool:
    items = []
    for para in piece.paras:
        text = flat(clean(para.text).replace("\n", " "))
        match = _ITEM.match(text)
        if match is None:
            return False
        items.append((match.group(1), match.group(2)))
    if not items or key in programme.data:
        return False
    sequential = all(number == str(i) for i, (number, _) in enumerate(items, 1))
    prefix = "g" if key == "goals" else "t"
    entries = []
    for index, (number, text) in enumerate(items, 1):
        entry: dict[str, Any] = {"id": f"{prefix}{index}"}
        if key == "tasks" and not sequential:
            entry["number"] = number
        entry["text"] = md_escape(text)
        entries.append(entry)
    programme.data[key] = entries
    style = "numbered" if sequential or key == "tasks" else None
    part = {"part": key, "heading": piece.heading or ""}
    if style:
        part["style"] = style
    programme.body.append(part)
    return True


def _stages(piece: Piece, programme: Programme) -> bool:
    """Stage lines with dates: the lines before them stay the part's lead."""
    lead: list[Para] = []
    stages: list[dict[str, Any]] = []
    for para in piece.paras:
        text = flat(clean(para.text).replace("\n", " "))
        match = _STAGE.match(text)
        if match is None:
            if stages:
                return False
            lead.append(para)
            continue
        window = _window(match.group(3))
        if window is None:
            return False
        name = match.group(2) or f"{match.group(1)} этап"
        stages.append({"name": name, "start": window[0], "end": window[1], "text": md_escape(text)})
    if not stages or "stages" in programme.data:
        return False
    programme.data["stages"] = stages
    part: dict[str, Any] = {"part": "stages", "heading": piece.heading or ""}
    if lead:
        part["lead"] = markdown(lead)
    programme.body.append(part)
    return True


def _window(text: str) -> tuple[Any, Any] | None:
    """«01.06. – 31.08.2021», «01.09.2021 - 31.12.2022»: (start, end); a start without a year
    takes the end's year."""
    parts = re.split(r"\s*[-–—]\s*", text.strip())
    if len(parts) != 2:
        return None
    end = find_date(parts[1])
    start = find_date(parts[0]) or (find_date(f"{parts[0].rstrip('.')}.{end.value.year}")
                                    if end else None)
    if start is None or end is None:
        return None
    return start.value, end.value


def passport(piece: Piece, programme: Programme, report: Report) -> None:
    assert piece.table is not None
    rows = []
    for row in grid(piece.table):
        label = row.texts[0] if row.texts else ""
        lines = row.lines[1] if len(row.lines) > 1 else []
        value = "\n\n".join(md_escape(line) for line in lines)
        if label:
            rows.append({"label": label, "value": Markdown(value) if "\n" in value else value
                         or "–"})
    programme.data["passport"] = {"heading": piece.heading or "", "rows": rows}
    programme.body.append("passport")
    report.ok(f"паспорт программы: строк {len(rows)}")


def link_goal(programme: Programme) -> None:
    """With one goal, every indicator not tied to a task serves it."""
    goals = programme.data.get("goals", [])
    if len(goals) != 1:
        return
    for indicator in programme.data.get("indicators", []):
        if "task" not in indicator and "goal" not in indicator:
            indicator["goal"] = goals[0]["id"]
