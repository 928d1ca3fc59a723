"""The list of schools as a table with the columns the spec names."""

from __future__ import annotations

from typing import Any

from shnor_docs.model import Column, School, Spec
from shnor_docs.render.context_tables import page_width
from shnor_docs.render.tables import Table, cell, cells_row, layout_columns, table

SCHOOL_HEADERS = {
    "number": "№ п/п",
    "name": "Наименование общеобразовательной организации",
    "short_name": "Краткое наименование",
    "categories": "Категория",
    "risk_factors": "Факторы риска",
    "curator": "Куратор",
}
SCHOOL_WEIGHTS = {"number": 1.2, "name": 8.0, "short_name": 4.0, "categories": 2.5}
SCHOOL_WEIGHTS |= {"risk_factors": 6.0, "curator": 4.0}


def schools_table(spec: Spec, columns: list[Column], landscape: bool = False) -> Table:
    rows = [
        cells_row([_school_cell(spec, school, index, c.key) for c in columns])
        for index, school in enumerate(spec.programme.schools, start=1)
    ]
    laid = layout_columns(columns, SCHOOL_HEADERS, SCHOOL_WEIGHTS, page_width(spec, landscape))
    return table(laid, rows, spec.form.column_numbers)


def _school_cell(spec: Spec, school: School, index: int, key: str) -> dict[str, Any]:
    if key == "number":
        return cell(str(index))
    if key == "categories":
        return cell(", ".join(school.categories))
    if key == "risk_factors":
        names = {r.id: r.name for r in spec.programme.risk_factors}
        return cell("; ".join(names[r] for r in school.risk_factors))
    if key == "curator":
        return cell(spec.party(school.curator).short() if school.curator else "")
    return cell(getattr(school, key) or "")
