"""The consolidated text (актуальная редакция): the new revision's documents with a note
«(в ред. приказа от … № …)» at each item the amendment changed or added."""

from __future__ import annotations

from typing import Any

from shnor_docs.model import Spec
from shnor_docs.render.blocks import Block, Rich, Run, plain_text

Notes = dict[tuple[object, ...], str]


def annotate(ctx: dict[str, Any], spec: Spec, notes: Notes) -> int:
    """Put each note at its item in the template data; the number of notes placed."""
    placed = 0
    for document in ctx["documents"]:
        for part in document.get("parts", []):
            if part.get("name") == "roadmap":
                placed += _roadmap(part["table"], spec, notes)
            elif part.get("name") == "indicators":
                placed += _indicators(part["table"], spec, notes)
    if ctx.get("act"):
        placed += _points(ctx["act"]["points"], notes)
    return placed


def _column(table: dict[str, Any], key: str) -> int:
    keys = [c["key"] for c in table["columns"]]
    return keys.index(key) if key in keys else len(keys) - 1


def _append(cell: dict[str, Any], note: str) -> None:
    content: Rich = cell["content"]
    cell["content"] = Rich([*content.blocks, Block("p", [Run(note)])], content.role)


def _roadmap(table: dict[str, Any], spec: Spec, notes: Notes) -> int:
    """Rows follow the sections: a group row for a titled section, then its activities."""
    assert spec.roadmap is not None
    rows = iter(table["rows"])
    column = _column(table, "title")
    placed = 0
    for s, section in enumerate(spec.roadmap.sections):
        if section.title:
            next(rows)
        for a, _ in enumerate(section.activities):
            row = next(rows)
            note = notes.get(("activity", s, a))
            if note:
                _append(row["cells"][column], note)
                placed += 1
    return placed


def _indicators(table: dict[str, Any], spec: Spec, notes: Notes) -> int:
    """Rows are found by the indicator's name (the table may group them)."""
    column = _column(table, "name")
    by_name = {plain_text(i.name): notes.get(("indicator", i.id))
               for i in spec.programme.indicators}
    placed = 0
    for row in table["rows"]:
        if row["group"]:
            continue
        cell = row["cells"][column]
        note = by_name.get(" ".join(b.text for b in cell["content"].blocks))
        if note:
            _append(cell, note)
            placed += 1
    return placed


def _points(points: Rich, notes: Notes) -> int:
    placed = 0
    for block in points.blocks:
        first = block.runs[0].text if block.runs else ""
        note = notes.get(("point", first.strip().rstrip(".")))
        if first.endswith(" ") and note:
            block.runs.append(Run(f" {note}"))
            placed += 1
    return placed
