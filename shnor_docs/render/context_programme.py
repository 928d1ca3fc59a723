"""Template data for the programme: passport rows, text sections, the indicator table."""

from __future__ import annotations

from typing import Any

from shnor_docs.deadlines import format_date
from shnor_docs.model import Indicator, Spec
from shnor_docs.render.blocks import Block, Rich, Run, bullets, parse_markdown, plain_text
from shnor_docs.render.russian import (
    Abbreviations,
    capitalize_first,
    decline_phrase,
    typograph,
)

NO_VALUE = "–"


def period_text(spec: Spec) -> str:
    period = spec.period
    if period.academic:
        return f"{period.start.year}/{period.end.year} учебный год"
    if period.start.year == period.end.year:
        return typograph(f"{period.start.year} г.")
    return typograph(f"{period.start.year}–{period.end.year} гг.")


def _parties(spec: Spec, ids: list[str], abbr: Abbreviations) -> Rich:
    names = [capitalize_first(abbr.cite(spec.party(pid))) for pid in ids]
    return Rich([Block("p", [Run(typograph(n))]) for n in names], "cell")


def _numbered(texts: list[tuple[str | None, str]]) -> list[Block]:
    if len(texts) == 1:
        return parse_markdown(texts[0][1])
    blocks = []
    for index, (number, text) in enumerate(texts, start=1):
        body = parse_markdown(text) or [Block()]
        label = f"{(number or str(index)).rstrip('.')}. "
        body[0] = Block("p", [Run(label), *body[0].runs])
        blocks.extend(body)
    return blocks


def stage_lines(spec: Spec) -> list[str]:
    lines = []
    for index, stage in enumerate(spec.programme.stages, start=1):
        dates = f"{format_date(stage.start, 'numeric')} – {format_date(stage.end, 'numeric')}"
        lines.append(typograph(f"{index} этап — {stage.name} ({dates})"))
    return lines


def passport_context(spec: Spec, abbr: Abbreviations) -> dict[str, Any]:
    prog = spec.programme
    rows: list[tuple[str, Rich]] = [
        ("Наименование программы", Rich.lines([typograph(prog.title)], "cell")),
        ("Основание для разработки", Rich.markdown(prog.basis, "cell")),
        ("Основные разработчики", _parties(spec, prog.developers, abbr)),
        ("Основные исполнители", _parties(spec, prog.executors, abbr)),
        ("Участники", _parties(spec, prog.participants, abbr)),
        ("Цель (цели) программы", Rich(_numbered([(None, g.text) for g in prog.goals]), "cell")),
        ("Задачи программы", Rich(_numbered([(t.number, t.text) for t in prog.tasks]), "cell")),
        (
            "Целевые индикаторы и показатели",
            Rich(bullets([plain_text(i.name) for i in prog.indicators]), "cell"),
        ),
        ("Сроки и этапы реализации", Rich.lines([period_text(spec), *stage_lines(spec)], "cell")),
        ("Объёмы и источники финансирования", Rich(_funding(spec), "cell")),
        ("Механизм реализации", Rich.markdown(prog.mechanism, "cell")),
        ("Ожидаемые результаты", Rich.markdown(prog.expected_results, "cell")),
        ("Система организации контроля", Rich.markdown(prog.control, "cell")),
    ]
    title = f"Паспорт {_genitive_kind(prog.kind)}"
    return {
        "heading": Rich.lines([title], "heading", bold=True),
        "rows": [{"label": label, "value": value} for label, value in rows if value],
    }


def _genitive_kind(kind: str) -> str:
    return decline_phrase(kind, "genitive")


def _funding(spec: Spec) -> list[Block]:
    lines = []
    for item in spec.programme.funding:
        amounts = ", ".join(
            f"{year} г. – {fmt_value(v)}" for year, v in sorted(item.amounts.items())
        )
        lines.append(f"{item.source} ({item.unit}): {amounts}")
    return bullets(lines)


def fmt_value(value: float | str | None) -> str:
    """A value with a decimal comma; «–» where there is none."""
    if value is None or value == "":
        return NO_VALUE
    if isinstance(value, float):
        text = f"{value:.2f}".rstrip("0").rstrip(".")
        return text.replace(".", ",")
    return typograph(str(value))


def sections_context(spec: Spec) -> list[dict[str, Any]]:
    """The programme's text sections in the order of a typical programme."""
    prog = spec.programme
    goals_and_tasks = []
    if prog.goals:
        goals_and_tasks += [Block("p", [Run("Цели программы:", bold=True)])]
        goals_and_tasks += _numbered([(None, g.text) for g in prog.goals])
    if prog.tasks:
        goals_and_tasks += [Block("p", [Run("Задачи программы:", bold=True)])]
        goals_and_tasks += _numbered([(t.number, t.text) for t in prog.tasks])
    stages = []
    for line, stage in zip(stage_lines(spec), prog.stages, strict=True):
        stages.append(Block("p", [Run(line, bold=True)]))
        stages += parse_markdown(stage.content)
    sections = [
        ("Пояснительная записка", parse_markdown(prog.summary)),
        ("Цели и задачи", goals_and_tasks),
        ("Комплекс мер", parse_markdown(prog.measures)),
        ("Механизм реализации", parse_markdown(prog.mechanism)),
        ("Сроки и этапы реализации", stages),
        ("Ожидаемые результаты", parse_markdown(prog.expected_results)),
        ("Система организации контроля", parse_markdown(prog.control)),
        ("Факторы риска", _risks(spec)),
        ("Школы — участники программы", _schools(spec)),
        *[(s.title, parse_markdown(s.text)) for s in prog.sections],
    ]
    return [
        {"title": typograph(title) if title else "", "body": Rich(blocks)}
        for title, blocks in sections
        if blocks
    ]


def _risks(spec: Spec) -> list[Block]:
    blocks = []
    for risk in spec.programme.risk_factors:
        text = typograph(risk.name) + (": " if risk.description else "")
        rest = parse_markdown(risk.description)
        runs = [Run(text, bold=True), *(rest[0].runs if rest else [])]
        blocks.append(Block("bullet", runs))
        blocks.extend(rest[1:])
    return blocks


def _schools(spec: Spec) -> list[Block]:
    lines = []
    for school in spec.programme.schools:
        line = f"{school.name} ({', '.join(school.categories)})"
        if school.curator:
            line += f", куратор – {spec.party(school.curator).short()}"
        lines.append(line)
    return bullets(lines)


def indicators_context(spec: Spec) -> dict[str, Any] | None:
    prog = spec.programme
    if not prog.indicators:
        return None
    years = list(range(spec.period.start.year, spec.period.end.year + 1))
    if spec.period.academic:
        years = [spec.period.start.year]
    baseline_years = sorted({i.baseline.year for i in prog.indicators if i.baseline})
    groups = _indicator_groups(spec)
    rows = 0
    out_groups = []
    for title, items in groups:
        out_rows = []
        for indicator in items:
            rows += 1
            out_rows.append(_indicator_row(spec, indicator, rows, years))
        out_groups.append({"title": title, "rows": out_rows})
    base_label = "Базовое значение" + (
        f" ({baseline_years[0]} г.)" if len(baseline_years) == 1 else ""
    )
    return {
        "title": "Целевые показатели (индикаторы) программы",
        "years": years,
        "baseline_label": typograph(base_label),
        "groups": out_groups,
    }


def _indicator_groups(spec: Spec) -> list[tuple[str | None, list[Indicator]]]:
    prog = spec.programme
    goals = {g.id: (n, g) for n, g in enumerate(prog.goals, start=1)}
    tasks = {t.id: (t.number or str(n), t) for n, t in enumerate(prog.tasks, start=1)}
    groups: dict[str | None, list[Indicator]] = {}
    for indicator in prog.indicators:
        groups.setdefault(_group_title(indicator, goals, tasks), []).append(indicator)
    return list(groups.items())


def _group_title(indicator: Indicator, goals: dict, tasks: dict) -> str | None:
    if indicator.task and indicator.task in tasks:
        number, task = tasks[indicator.task]
        return typograph(f"Задача {number}. {plain_text(task.text)}")
    if indicator.goal and indicator.goal in goals:
        number, goal = goals[indicator.goal]
        return typograph(f"Цель {number}. {plain_text(goal.text)}")
    return typograph(indicator.area) if indicator.area else None


def _indicator_row(spec: Spec, ind: Indicator, index: int, years: list[int]) -> dict[str, Any]:
    method = parse_markdown(ind.method)
    if ind.sources:
        method.append(Block("p", [Run("Источники данных:", italic=True)]))
        method += bullets([plain_text(s) for s in ind.sources])
    return {
        "number": ind.number or str(index),
        "name": Rich.markdown(ind.name, "cell"),
        "unit": ind.unit or NO_VALUE,
        "baseline": fmt_value(ind.baseline.value) if ind.baseline else NO_VALUE,
        "targets": [fmt_value(ind.targets.get(year)) for year in years],
        "method": Rich(method, "cell"),
        "responsible": ", ".join(spec.party(pid).short() for pid in ind.responsible) or NO_VALUE,
    }
