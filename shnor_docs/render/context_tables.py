"""The tables of the documents as plain data: the roadmap, the indicators, the schools."""

from __future__ import annotations

from typing import Any, NamedTuple

from shnor_docs.deadlines import render_deadline
from shnor_docs.model import Activity, Column, Indicator, Spec
from shnor_docs.render.blocks import Block, Rich, Run, bullets, parse_markdown, plain_text
from shnor_docs.render.citing import Citer
from shnor_docs.render.russian import capitalize_first, typograph
from shnor_docs.render.tables import (
    Table,
    cell,
    cells_row,
    drop_empty,
    group_row,
    layout_columns,
    merge_runs,
    table,
)

NO_VALUE = "–"
ROADMAP_HEADERS = {
    "number": "№ п/п",
    "title": "Наименование мероприятия",
    "deadline": "Срок исполнения",
    "responsible": "Ответственные исполнители",
    "result": "Ожидаемый результат",
    "indicators": "Показатели",
    "note": "Отметка о выполнении",
}
ROADMAP_WEIGHTS = {"number": 1.5, "title": 8.7, "deadline": 4.0, "responsible": 5.5}
ROADMAP_WEIGHTS |= {"result": 6.0, "indicators": 4.5, "note": 4.0}
ROADMAP_DEFAULT = ("number", "title", "deadline", "responsible", "result")
INDICATOR_HEADERS = {
    "number": "№ п/п",
    "area": "Направление деятельности",
    "name": "Наименование показателя",
    "unit": "Ед. изм.",
    "baseline": "Базовое значение",
    "method": "Методика расчёта, источники данных",
    "sources": "Источники данных",
    "responsible": "Ответственный",
}
INDICATOR_WEIGHTS = {"number": 1.1, "area": 4.0, "name": 6.0, "unit": 1.4, "baseline": 2.4}
INDICATOR_WEIGHTS |= {"method": 6.4, "sources": 5.0, "responsible": 3.7, "year": 1.5}
INDICATOR_DEFAULT = ("number", "name", "unit", "baseline", "targets", "method", "responsible")


def page_width(spec: Spec, landscape: bool) -> float:
    """Width of the text on a page, cm, from the form's margins."""
    margins = spec.form.landscape_margins if landscape else spec.form.margins
    return ((297 if landscape else 210) - margins.left - margins.right) / 10


def deadline_text(spec: Spec, activity: Activity) -> str:
    """The deadline as the spec words it, or in the official wording when the form asks."""
    deadline, raw = activity.parsed_deadline, activity.deadline
    if deadline is None:
        return ""
    if isinstance(raw, str) and spec.form.deadline_style == "as_written":
        return typograph(raw)
    return capitalize_first(render_deadline(deadline))


def roadmap_table(spec: Spec, citer: Citer) -> Table:
    roadmap = spec.roadmap
    assert roadmap is not None
    columns = roadmap.columns or [Column(key=key) for key in ROADMAP_DEFAULT]
    rows: list[dict[str, Any]] = []
    in_column = roadmap.section_number_column and columns[0].key == "number"
    for section in roadmap.sections:
        if section.title:
            number = section.display_number
            if in_column:
                own = (section.number or number).strip()
                rows.append(group_row(typograph(section.title), own))
            else:
                rows.append(group_row(typograph(f"{number}. {section.title}" if number else
                                                section.title)))
        for activity in section.activities:
            rows.append(cells_row([_activity_cell(spec, activity, c.key, citer) for c in columns]))
    if roadmap.columns is None:
        keep = set(ROADMAP_DEFAULT) - {"result"}
        kept = drop_empty(columns, rows, keep)
        columns = [columns[i] for i in kept]
        for row in rows:
            row["cells"] = [row["cells"][i] for i in kept] if row["cells"] else []
    numbers = roadmap.column_numbers
    numbers = spec.form.column_numbers if numbers is None else numbers
    laid = layout_columns(columns, ROADMAP_HEADERS, ROADMAP_WEIGHTS, page_width(spec, True))
    return table(laid, rows, numbers)


def _activity_cell(spec: Spec, activity: Activity, key: str, citer: Citer) -> dict[str, Any]:
    if key == "number":
        return cell(activity.display_number)
    if key == "title":
        return cell(Rich.markdown(activity.title, "cell"))
    if key == "deadline":
        return cell(deadline_text(spec, activity))
    if key == "responsible":
        names = [typograph(citer.cell(spec.party(pid))) for pid in activity.responsible]
        if spec.roadmap and spec.roadmap.responsible_separator == "line":
            return cell(Rich.lines(names, "cell"))
        return cell(", ".join(names))
    if key == "indicators":
        index = {i.id: i for i in spec.programme.indicators}
        return cell(Rich(bullets([plain_text(index[i].name) for i in activity.indicators]),
                         "cell"))
    value = activity.result if key == "result" else activity.note
    return cell(Rich.markdown(value, "cell"))


def fmt_value(value: float | str | None) -> str:
    """A value with a decimal comma; «–» where there is none."""
    if value is None or value == "":
        return NO_VALUE
    if isinstance(value, float):
        text = f"{value:.2f}".rstrip("0").rstrip(".")
        return text.replace(".", ",")
    return typograph(str(value))


def indicator_years(spec: Spec) -> list[int]:
    if spec.period.academic:
        return [spec.period.start.year]
    return list(range(spec.period.start.year, spec.period.end.year + 1))


def indicators_empty(spec: Spec) -> bool:
    """No baseline and no target anywhere: a table of «–» says nothing."""
    return not any(i.baseline or i.targets for i in spec.programme.indicators)


def indicators_table(
    spec: Spec, columns: list[Column] | None, citer: Citer, by_line: bool = False
) -> Table:
    """The indicator table; ``by_line`` puts each responsible party on a line of its own."""
    chosen = columns or [Column(key=key) for key in INDICATOR_DEFAULT]
    years = indicator_years(spec)
    flat = _expand_years(spec, chosen, years)
    by_area = any(c.key == "area" for c in chosen)
    rows: list[dict[str, Any]] = []
    for title, items in _indicator_groups(spec, by_area):
        if title:
            rows.append(group_row(title))
        for indicator in items:
            shape = _Shape(by_area, any(c.key == "sources" for c in flat), by_line, rows)
            rows.append(cells_row([_indicator_cell(spec, indicator, c, shape) for c in flat]))
    if by_area:
        _merge_directions(spec, flat, rows)
    headers = INDICATOR_HEADERS | {f"year:{y}": f"{y} г." for y in years}
    weights = INDICATOR_WEIGHTS | {f"year:{y}": INDICATOR_WEIGHTS["year"] for y in years}
    laid = layout_columns(flat, headers, weights, page_width(spec, True))
    return table(laid, rows, spec.form.column_numbers)


def _merge_directions(spec: Spec, flat: list[Column], rows: list[dict[str, Any]]) -> None:
    """Grouped by direction: its number and its name stand once, merged over its rows."""
    items = [i for _, group in _indicator_groups(spec, True) for i in group]
    keys = {
        "number": [i.area for i in items],
        "area": [(i.area, i.subarea) for i in items],
    }
    for index, column in enumerate(flat):
        if column.key in keys:
            merge_runs(rows, index, keys[column.key])


def _area_cell(spec: Spec, ind: Indicator) -> Rich:
    """The direction's name on its first row, and the sub-direction where there is one."""
    first = next(i for i in spec.programme.indicators if i.area == ind.area)
    lines = [ind.area or ""] if first is ind else []
    return Rich([*Rich.markdown(lines[0] if lines else None, "cell").blocks,
                 *Rich.markdown(ind.subarea, "cell").blocks], "cell")


def _expand_years(spec: Spec, columns: list[Column], years: list[int]) -> list[Column]:
    flat: list[Column] = []
    for column in columns:
        if column.key == "targets":
            flat += [Column(key=f"year:{y}") for y in years]
        elif column.key == "baseline" and column.header is None:
            found = sorted({i.baseline.year for i in spec.programme.indicators if i.baseline})
            label = f"Базовое значение ({found[0]} г.)" if len(found) == 1 else None
            flat.append(Column(key="baseline", header=label, width=column.width))
        else:
            flat.append(column)
    return flat


def _indicator_groups(spec: Spec, by_area: bool) -> list[tuple[str | None, list[Indicator]]]:
    prog = spec.programme
    goals = {g.id: (n, g) for n, g in enumerate(prog.goals, start=1)}
    tasks = {t.id: (t.number or str(n), t) for n, t in enumerate(prog.tasks, start=1)}
    groups: dict[str | None, list[Indicator]] = {}
    for indicator in prog.indicators:
        title = None if by_area else _group_title(indicator, goals, tasks)
        groups.setdefault(title, []).append(indicator)
    return list(groups.items())


def _group_title(indicator: Indicator, goals: dict, tasks: dict) -> str | None:
    if indicator.task and indicator.task in tasks:
        number, task = tasks[indicator.task]
        return typograph(f"Задача {number}. {plain_text(task.text)}")
    if indicator.goal and indicator.goal in goals:
        number, goal = goals[indicator.goal]
        return typograph(f"Цель {number}. {plain_text(goal.text)}")
    return typograph(indicator.area) if indicator.area else None


class _Shape(NamedTuple):
    """What a cell needs to know of its table."""

    by_area: bool
    separate_sources: bool
    by_line: bool
    rows: list[dict[str, Any]]


def _indicator_cell(spec: Spec, ind: Indicator, column: Column, shape: _Shape) -> dict[str, Any]:
    key = column.key
    if key.startswith("year:"):
        return cell(fmt_value(ind.targets.get(int(key[5:]))))
    if key == "number":
        return cell(_indicator_number(spec, ind, shape))
    if key == "name":
        return cell(Rich.markdown(ind.name, "cell"))
    if key == "area":
        return cell(_area_cell(spec, ind))
    if key == "unit":
        return cell(ind.unit or NO_VALUE)
    if key == "baseline":
        return cell(fmt_value(ind.baseline.value) if ind.baseline else NO_VALUE)
    if key == "sources":
        return cell(Rich(bullets([plain_text(s) for s in ind.sources]), "cell"))
    if key == "method":
        return cell(Rich(_method(ind, shape.separate_sources), "cell"))
    names = [typograph(spec.party(pid).short()) for pid in ind.responsible]
    if names and shape.by_line:
        return cell(Rich.lines(names, "cell"))
    return cell(", ".join(names) or NO_VALUE)


def _indicator_number(spec: Spec, ind: Indicator, shape: _Shape) -> str:
    """The indicator's own number; grouped by direction, the direction's number («1.»)."""
    if ind.number:
        return ind.number
    if shape.by_area:
        areas = list(dict.fromkeys(i.area for i in spec.programme.indicators if i.area))
        return f"{areas.index(ind.area) + 1}." if ind.area in areas else ""
    return str(sum(1 for row in shape.rows if not row["group"]) + 1)


def _method(ind: Indicator, separate_sources: bool) -> list[Block]:
    method = parse_markdown(ind.method)
    if ind.sources and not separate_sources:
        method.append(Block("p", [Run("Источники данных:", italic=True)]))
        method += bullets([plain_text(s) for s in ind.sources])
    return method
