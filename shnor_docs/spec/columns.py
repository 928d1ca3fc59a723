"""The columns a spec asks its tables to print: each must be one the table knows."""

from __future__ import annotations

from shnor_docs.errors import Problem
from shnor_docs.location import PathKey
from shnor_docs.model import Column, Spec
from shnor_docs.text import closest

#: The keys each kind of table knows.
ROADMAP_COLUMNS = ("number", "title", "deadline", "responsible", "result", "indicators", "note")
INDICATOR_COLUMNS = (
    "number", "area", "name", "unit", "baseline", "targets", "method", "sources", "responsible"
)
SCHOOL_COLUMNS = ("number", "name", "short_name", "categories", "risk_factors", "curator")


def column_problems(spec: Spec) -> list[Problem]:
    """Every column a table is asked to print is one that table knows."""
    found: list[tuple[PathKey, list[Column] | None, tuple[str, ...]]] = []
    if spec.roadmap is not None:
        found.append((("roadmap", "columns"), spec.roadmap.columns, ROADMAP_COLUMNS))
    for i, part in enumerate(spec.programme.body or []):
        known = SCHOOL_COLUMNS if part.part == "schools" else INDICATOR_COLUMNS
        found.append((("programme", "body", i, "columns"), part.columns, known))
    if spec.act is not None:
        for i, appendix in enumerate(spec.act.appendices):
            base: PathKey = ("act", "appendices", i, "columns")
            known = INDICATOR_COLUMNS if appendix.document == "indicators" else SCHOOL_COLUMNS
            found.append((base, appendix.columns, known))
    problems = []
    for base, columns, known in found:
        for index, column in enumerate(columns or []):
            if column.key not in known:
                where = spec.positions.value((*base, index))
                message = f"графы «{column.key}» нет; допустимы: {', '.join(known)}"
                close = closest(column.key, list(known))
                if close:
                    message += f"; возможно, имелось в виду «{close}»"
                problems.append(Problem(where, "S013", message))
    return problems
