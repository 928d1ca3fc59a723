"""The parts of a programme as template data: passport, texts, lists and tables, in spec order.

A part is a dict with ``kind`` «text» (a heading and Rich blocks), «passport» (rows of label
and value) or «table» (see :mod:`shnor_docs.render.tables`), and ``heading``. Headings are the
spec's own; a default heading fills in only where the spec gives none, and an empty heading
means none.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from shnor_docs.model import Part, Spec
from shnor_docs.render.blocks import Block, Rich, Run, bullets, parse_markdown, plain_text
from shnor_docs.render.citing import Citer
from shnor_docs.render.context_lists import schools_table
from shnor_docs.render.context_passport import passport_part
from shnor_docs.render.context_tables import (
    indicators_empty,
    indicators_table,
    roadmap_table,
)
from shnor_docs.render.context_texts import Item, funding_lines, list_blocks, stage_lines
from shnor_docs.render.russian import decline_phrase, typograph

TEXT_FIELDS = ("summary", "measures", "mechanism", "expected_results", "control")
HEADINGS = {
    "summary": "Пояснительная записка",
    "goals": "Цели {kind}",
    "tasks": "Задачи {kind}",
    "measures": "Комплекс мер",
    "mechanism": "Механизм реализации {kind}",
    "stages": "Сроки и этапы реализации {kind}",
    "indicators": "Целевые показатели (индикаторы) {kind}",
    "expected_results": "Ожидаемые результаты",
    "control": "Система организации контроля",
    "funding": "Объёмы и источники финансирования",
    "risk_factors": "Факторы риска",
    "schools": "Школы — участники {kind}",
}


def heading_of(spec: Spec, part: Part) -> str | None:
    """The part's heading: the spec's, or the default; None when there is to be none."""
    if part.heading is not None:
        return typograph(part.heading) or None
    default = HEADINGS.get(part.part)
    if default is None:
        return None
    if part.part == "goals" and len(spec.programme.goals) == 1:
        default = "Цель {kind}"
    return typograph(default.format(kind=decline_phrase(spec.programme.kind, "genitive")))


def text_part(heading: str | None, blocks: list[Block]) -> dict[str, Any]:
    return {"kind": "text", "heading": heading, "body": Rich(blocks, "body")}


def programme_parts(spec: Spec, parts: list[Part], citer: Citer) -> list[dict[str, Any]]:
    """Every part in the order given, each present only where the spec has something for it."""
    found: list[dict[str, Any]] = []
    for part in parts:
        found += _BUILDERS[part.part](spec, part, citer)
    return [p for p in found if p["kind"] != "text" or p["heading"] or p["body"]]


def _field(spec: Spec, part: Part, citer: Citer) -> list[dict[str, Any]]:
    body = parse_markdown(getattr(spec.programme, part.part))
    if not body:
        return []
    return [text_part(heading_of(spec, part), parse_markdown(part.lead) + body)]


def _listed(spec: Spec, part: Part, items: list[Item]) -> list[dict[str, Any]]:
    """Goals or tasks: numbered, bulleted, as paragraphs, or inline with the heading."""
    if not items:
        return []
    heading = heading_of(spec, part)
    style = part.style or ("numbered" if len(items) > 1 else "paragraphs")
    lead = parse_markdown(part.lead)
    if style == "inline":
        text = "; ".join(plain_text(t) for _, t in items)
        return [text_part(None, [*lead, Block("p", [Run(typograph(f"{heading} – {text}"))])])]
    return [text_part(heading, lead + list_blocks(items, style))]


def _goals(spec: Spec, part: Part, citer: Citer) -> list[dict[str, Any]]:
    return _listed(spec, part, [(None, g.text) for g in spec.programme.goals])


def _tasks(spec: Spec, part: Part, citer: Citer) -> list[dict[str, Any]]:
    return _listed(spec, part, [(t.number, t.text) for t in spec.programme.tasks])


def _indicators(spec: Spec, part: Part, citer: Citer) -> list[dict[str, Any]]:
    prog = spec.programme
    if not prog.indicators:
        return []
    heading = heading_of(spec, part)
    layout = part.layout or ("list" if indicators_empty(spec) and not part.columns else "table")
    if layout == "list":
        items = [(i.number, i.name) for i in prog.indicators]
        return _listed(spec, part.model_copy(update={"style": part.style or "bulleted"}), items)
    table = indicators_table(spec, part.columns, citer, part.responsible_separator == "line")
    return [{"kind": "table", "name": "indicators", "heading": heading,
             "lead": Rich.markdown(part.lead), "table": table, "landscape": True}]


def _stages(spec: Spec, part: Part, citer: Citer) -> list[dict[str, Any]]:
    blocks = parse_markdown(part.lead) + stage_lines(spec)
    return [text_part(heading_of(spec, part), blocks)] if blocks else []


def _funding(spec: Spec, part: Part, citer: Citer) -> list[dict[str, Any]]:
    lines = funding_lines(spec)
    blocks = parse_markdown(part.lead) + bullets(lines)
    return [text_part(heading_of(spec, part), blocks)] if lines else []


def _risks(spec: Spec, part: Part, citer: Citer) -> list[dict[str, Any]]:
    blocks = parse_markdown(part.lead)
    for risk in spec.programme.risk_factors:
        text = typograph(risk.name) + (": " if risk.description else "")
        rest = parse_markdown(risk.description)
        runs = [Run(text), *(rest[0].runs if rest else [])]
        blocks.append(Block("p" if part.style == "paragraphs" else "bullet", runs))
        blocks.extend(rest[1:])
    return [text_part(heading_of(spec, part), blocks)] if spec.programme.risk_factors else []


def _schools(spec: Spec, part: Part, citer: Citer) -> list[dict[str, Any]]:
    if not spec.programme.schools:
        return []
    if part.columns:
        table = schools_table(spec, part.columns)
        return [{"kind": "table", "name": "schools", "heading": heading_of(spec, part),
                 "lead": Rich.markdown(part.lead), "table": table, "landscape": False}]
    lines = []
    for school in spec.programme.schools:
        line = f"{school.name} ({', '.join(school.categories)})"
        if school.curator:
            line += f", куратор – {spec.party(school.curator).short()}"
        lines.append(line)
    return [text_part(heading_of(spec, part), parse_markdown(part.lead) + bullets(lines))]


def _sections(spec: Spec, part: Part, citer: Citer) -> list[dict[str, Any]]:
    return [
        text_part(typograph(s.title) if s.title else None, parse_markdown(s.text))
        for s in spec.programme.sections
    ]


def _roadmap(spec: Spec, part: Part, citer: Citer) -> list[dict[str, Any]]:
    roadmap = spec.roadmap
    if roadmap is None or not roadmap.activities():
        return []
    title = part.heading if part.heading is not None else roadmap.title
    lines = [typograph(t) for t in (title, roadmap.subtitle) if t]
    return [{"kind": "table", "name": "roadmap", "heading": "\n".join(lines) or None,
             "lead": Rich.markdown(part.lead), "table": roadmap_table(spec, citer),
             "landscape": True}]


def _passport(spec: Spec, part: Part, citer: Citer) -> list[dict[str, Any]]:
    return [passport_part(spec, part, citer)]


def _heading(spec: Spec, part: Part, citer: Citer) -> list[dict[str, Any]]:
    return [text_part(typograph(part.text or ""), [])]


def _text(spec: Spec, part: Part, citer: Citer) -> list[dict[str, Any]]:
    return [text_part(heading_of(spec, part), parse_markdown(part.text))]


_BUILDERS: dict[str, Callable[[Spec, Part, Citer], list[dict[str, Any]]]] = {
    **{name: _field for name in TEXT_FIELDS},
    "goals": _goals,
    "tasks": _tasks,
    "indicators": _indicators,
    "stages": _stages,
    "funding": _funding,
    "risk_factors": _risks,
    "schools": _schools,
    "sections": _sections,
    "roadmap": _roadmap,
    "passport": _passport,
    "heading": _heading,
    "text": _text,
}
