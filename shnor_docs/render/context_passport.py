"""The passport of a programme: the spec's own rows, or rows from the programme's data."""

from __future__ import annotations

from typing import Any

from shnor_docs.model import Part, PassportRow, Spec
from shnor_docs.render.blocks import Block, Rich, Run, bullets, parse_markdown, plain_text
from shnor_docs.render.citing import Citer
from shnor_docs.render.context_texts import funding_lines, list_blocks, period_text, stage_lines
from shnor_docs.render.russian import decline_phrase, typograph

#: The rows of a passport when the spec lists none: (label, source), each where there is data.
DEFAULT_ROWS = (
    ("Наименование программы", "title"),
    ("Основание для разработки", "basis"),
    ("Основные разработчики", "developers"),
    ("Основные исполнители", "executors"),
    ("Участники", "participants"),
    ("Цель (цели) программы", "goals"),
    ("Задачи программы", "tasks"),
    ("Целевые индикаторы и показатели", "indicators"),
    ("Сроки и этапы реализации", "period"),
    ("Объёмы и источники финансирования", "funding"),
    ("Механизм реализации", "mechanism"),
    ("Ожидаемые результаты", "expected_results"),
    ("Система организации контроля", "control"),
)


def passport_part(spec: Spec, part: Part, citer: Citer) -> dict[str, Any]:
    prog = spec.programme
    own = prog.passport
    heading = part.heading if part.heading is not None else (own.heading if own else None)
    if heading is None:
        heading = f"Паспорт {decline_phrase(prog.kind, 'genitive')}"
    rows = own.rows if own and own.rows else [
        PassportRow(label=label, source=source) for label, source in DEFAULT_ROWS
    ]
    filled = [(row.label, _value(spec, row, citer)) for row in rows]
    return {
        "kind": "passport",
        "heading": typograph(heading) or None,
        "lead": Rich.markdown(part.lead),
        "rows": [{"label": typograph(label), "value": value} for label, value in filled if value],
    }


def _value(spec: Spec, row: PassportRow, citer: Citer) -> Rich:
    if row.value is not None:
        return Rich.markdown(row.value, "cell")
    return Rich(_from_data(spec, row.source or "", citer), "cell")


def _from_data(spec: Spec, source: str, citer: Citer) -> list[Block]:
    prog = spec.programme
    if source == "title":
        return [Block("p", [Run(typograph(prog.title))])]
    if source in ("developers", "executors", "participants"):
        return [Block("p", [Run(typograph(citer.cell(spec.party(pid))))])
                for pid in getattr(prog, source)]
    if source == "goals":
        items = [(None, g.text) for g in prog.goals]
        return list_blocks(items, "numbered" if len(items) > 1 else "paragraphs")
    if source == "tasks":
        return list_blocks([(t.number, t.text) for t in prog.tasks], "numbered")
    if source == "indicators":
        return bullets([plain_text(i.name) for i in prog.indicators])
    if source == "period":
        return [Block("p", [Run(period_text(spec))]), *stage_lines(spec)]
    if source == "funding":
        return bullets(funding_lines(spec))
    return parse_markdown(getattr(prog, source))
