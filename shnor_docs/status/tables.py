"""The report's tables as template data: activities with their states, totals, indicators."""

from __future__ import annotations

import datetime as dt
from typing import Any

from shnor_docs.model import Column, Indicator, Spec
from shnor_docs.render.blocks import Rich, plain_text
from shnor_docs.render.context_tables import deadline_text, fmt_value, page_width
from shnor_docs.render.russian import typograph
from shnor_docs.render.tables import Table, cell, cells_row, group_row, layout_columns, table
from shnor_docs.status.state import STATE_WORDS, STATES, Totals, section_label, state_of

ACTIVITY_HEADERS = {"number": "№ п/п", "title": "Наименование мероприятия",
                    "deadline": "Срок исполнения", "responsible": "Ответственные исполнители",
                    "state": "Состояние", "note": "Примечание"}
ACTIVITY_WEIGHTS = {"number": 1.3, "title": 8.0, "deadline": 3.6, "responsible": 4.4,
                    "state": 3.6, "note": 5.0}
TOTAL_HEADERS = {"label": "", "total": "Всего"} | {k: w.capitalize() for k, w in
                                                  STATE_WORDS.items()}
# A soft hyphen: where the column is narrow, «Выпол-/няется», never «Выполняетс/я».
TOTAL_HEADERS["in_progress"] = "Выпол\u00adняется"


def _layout(spec: Spec, keys: list[str], headers: dict[str, str],
            weights: dict[str, float], landscape: bool = True) -> list[dict[str, Any]]:
    return layout_columns([Column(key=k) for k in keys], headers, weights,
                          page_width(spec, landscape))


def activities_table(spec: Spec, as_of: dt.date) -> Table:
    """Every activity by section: number, title, deadline, parties, state, note."""
    keys = list(ACTIVITY_HEADERS)
    rows: list[dict[str, Any]] = []
    roadmap = spec.roadmap
    for index, section in enumerate(roadmap.sections if roadmap else []):
        if section.title or len(roadmap.sections) > 1:  # type: ignore[union-attr]
            rows.append(group_row(typograph(section_label(section.display_number,
                                                          section.title, index))))
        for activity in section.activities:
            state = state_of(activity, as_of)
            names = ", ".join(typograph(spec.party(p).short()) for p in activity.responsible)
            rows.append(cells_row([
                cell(activity.display_number), cell(Rich.markdown(activity.title, "cell")),
                cell(deadline_text(spec, activity)), cell(names), cell(state.text),
                cell(Rich.markdown(activity.note, "cell")),
            ]))
    return table(_layout(spec, keys, ACTIVITY_HEADERS, ACTIVITY_WEIGHTS), rows, False)


def totals_table(spec: Spec, items: list[Totals], overall: Totals, first: str) -> Table:
    """Counts by state for each section or party, and the overall line."""
    keys = ["label", "total", *STATES]
    headers = TOTAL_HEADERS | {"label": first}
    weights = {"label": 5.5} | {k: 2.9 for k in keys[1:]}
    rows = [cells_row(_count_cells(t)) for t in [*items, overall]]
    return table(_layout(spec, keys, headers, weights), rows, False)


def _count_cells(totals: Totals) -> list[dict[str, Any]]:
    label = Rich.lines([typograph(totals.label)], "cell", bold=totals.label == "Всего")
    return [cell(label), cell(str(totals.total))] + [cell(str(totals.counts[k])) for k in STATES]


def measured(spec: Spec) -> list[Indicator]:
    """Indicators with a target or an actual value: those the report shows."""
    return [i for i in spec.programme.indicators if i.targets or i.actuals]


def indicator_years(indicators: list[Indicator]) -> list[int]:
    return sorted({y for i in indicators for y in (*i.targets, *i.actuals)})


def indicators_table(spec: Spec) -> Table:
    """Plan and actual by year, and how much of the plan the last actual value fulfils."""
    indicators = measured(spec)
    years = indicator_years(indicators)
    keys = ["number", "name", "unit"]
    headers = {"number": "№ п/п", "name": "Наименование показателя", "unit": "Ед. изм.",
               "share": "Исполнение, %"}
    for year in years:
        keys += [f"plan:{year}", f"fact:{year}"]
        headers |= {f"plan:{year}": f"{year} г., план", f"fact:{year}": f"{year} г., факт"}
    keys.append("share")
    weights = {"number": 1.2, "name": 8.0, "unit": 1.6, "share": 2.4}
    weights |= {k: 2.0 for k in keys if ":" in k}
    rows = [cells_row(_indicator_cells(n, ind, years))
            for n, ind in enumerate(indicators, start=1)]
    return table(_layout(spec, keys, headers, weights), rows, False)


def _indicator_cells(number: int, ind: Indicator, years: list[int]) -> list[dict[str, Any]]:
    cells = [cell(ind.number or str(number)), cell(typograph(plain_text(ind.name))),
             cell(ind.unit or "–")]
    for year in years:
        cells += [cell(fmt_value(ind.targets.get(year))), cell(fmt_value(ind.actuals.get(year)))]
    return [*cells, cell(fulfilment(ind) or "–")]


def fulfilment(ind: Indicator) -> str:
    """The last year with both values: actual as a share of plan («75»); «» when unknown."""
    for year in sorted(ind.actuals, reverse=True):
        plan, fact = ind.targets.get(year), ind.actuals.get(year)
        if isinstance(plan, float) and isinstance(fact, float) and plan and fact:
            share = plan / fact if ind.direction == "decrease" else fact / plan
            return fmt_value(round(100 * share, 1))
    return ""
