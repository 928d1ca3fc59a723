"""The indicator table: columns by their header words, a direction merged over its rows.

Columns: № (number), направление (area), наименование показателя (name), критерии / методика
(method), источники / методы сбора (sources), ответственные (responsible), ед. изм. (unit),
базовое значение (baseline) and one column per year (targets). A direction's number and name
stand once over its rows (merged down, or left empty below); a second name in the direction
column under the first is its sub-direction.
"""

from __future__ import annotations

import re
from typing import Any

from shnor_docs.importing.appendix import Piece
from shnor_docs.importing.body import Programme
from shnor_docs.importing.parties import Registry
from shnor_docs.importing.report import Report
from shnor_docs.importing.roadmap_spec import split_parties
from shnor_docs.importing.tables import GridRow, grid
from shnor_docs.importing.words import md_escape

HEADERS = (
    ("number", re.compile(r"^(№|n\s*п/?п|п/п)", re.I)),
    ("name", re.compile(r"наименование\s+показател|^показател|индикатор", re.I)),
    ("area", re.compile(r"направлени", re.I)),
    ("method", re.compile(r"критери|методик|расч[её]т", re.I)),
    ("sources", re.compile(r"источник|метод\w*\s+сбора|сбор\w*\s+информ", re.I)),
    ("responsible", re.compile(r"ответствен|исполнител", re.I)),
    ("unit", re.compile(r"ед\.?\s*изм|единиц", re.I)),
    ("baseline", re.compile(r"базов", re.I)),
)
_YEAR = re.compile(r"^(20\d\d)\s*(?:г\.?|год)?$")
_BULLET = re.compile(r"^[-–—•]\s*")


def _roles(row: GridRow) -> dict[int, str]:
    roles: dict[int, str] = {}
    for index, text in enumerate(row.texts):
        year = _YEAR.match(text)
        if year:
            roles[index] = f"year:{year.group(1)}"
            continue
        for role, pattern in HEADERS:
            if text and pattern.search(text) and role not in roles.values():
                roles[index] = role
                break
    return roles


def indicators(piece: Piece, programme: Programme, registry: Registry, report: Report) -> bool:
    """Read the table into ``programme.indicators`` and a part with its columns."""
    assert piece.table is not None
    rows = grid(piece.table)
    roles = _roles(rows[0]) if rows else {}
    if "name" not in roles.values() or "indicators" in programme.data:
        return False
    found: list[dict[str, Any]] = []
    state: dict[str, Any] = {"area": None, "subarea": None, "numbers": []}
    by_line = False
    for row in rows[1:]:
        if row.header or row.texts == rows[0].texts or not row.filled:
            continue
        item = _indicator(row, roles, state, registry, len(found) + 1)
        by_line = by_line or len(row.lines[_at(roles, "responsible")] if _at(
            roles, "responsible") is not None else []) > 1
        found.append(item)
    programme.data["indicators"] = found
    columns = [{"key": roles[i], "header": rows[0].texts[i]} for i in sorted(roles)
               if not roles[i].startswith("year:")]
    part: dict[str, Any] = {"part": "indicators", "heading": piece.heading or "",
                            "columns": columns}
    if by_line:
        part["responsible_separator"] = "line"
    programme.body.append(part)
    report.ok(f"таблица показателей: {len(found)}")
    return True


def _at(roles: dict[int, str], role: str) -> int | None:
    return next((i for i, r in roles.items() if r == role), None)


def _indicator(row: GridRow, roles: dict[int, str], state: dict[str, Any], registry: Registry,
               index: int) -> dict[str, Any]:
    cell = {role: row.lines[i] if i < len(row.lines) else [] for i, role in roles.items()}
    number = " ".join(cell.get("number", []))
    lines = cell.get("area", [])
    if number or state["area"] is None:  # a new direction: its name, then its sub-direction
        state["area"] = lines[0] if lines else None
        state["subarea"] = " ".join(lines[1:]) or None
    elif lines:
        state["subarea"] = " ".join(lines)
    item: dict[str, Any] = {"id": f"i{index}"}
    if "area" not in roles.values() and number and number.rstrip(".") != str(index):
        item["number"] = number
    if state["area"]:
        item["area"] = state["area"]
    if state["subarea"]:
        item["subarea"] = state["subarea"]
    item["name"] = md_escape(" ".join(cell.get("name", []))) or "(без наименования)"
    if cell.get("unit"):
        item["unit"] = " ".join(cell["unit"])
    if cell.get("method"):
        item["method"] = _list("\n".join(cell["method"]).split("\n"))
    if cell.get("sources"):
        item["sources"] = [_BULLET.sub("", line) for line in cell["sources"]]
    item["responsible"] = [registry.cell(p) for line in cell.get("responsible", [])
                           for p in split_parties(line)]
    targets = {int(role[5:]): " ".join(cell[role]) for role in cell
               if role.startswith("year:") and cell[role]}
    if targets:
        item["targets"] = targets
    return item


def _list(lines: list[str]) -> str:
    from shnor_docs.importing.emit import Markdown

    if all(_BULLET.match(line) for line in lines):
        return Markdown("\n".join(f"- {md_escape(_BULLET.sub('', line))}" for line in lines))
    text = "\n\n".join(md_escape(line) for line in lines)
    return Markdown(text) if "\n" in text else text
