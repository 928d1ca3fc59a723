"""Tables as plain data for both renderers: columns, a header, group rows and merged cells.

A table is a dict (templates read dicts): ``columns`` (key, header, width in cm), ``numbers``
(the «1 | 2 | 3» row under the header), ``rows``. A row is either a group row
(``{"group": text}``, across the whole width, kept with the row after it; with ``"number"``,
the number stands in the first column and the text across the others) or a row of cells;
a cell is ``{"content": Rich, "merge": None | "start" | "continue", "rowspan": n}`` — a merged
cell starts on its first row and continues, empty, on the rows below.
"""

from __future__ import annotations

from typing import Any

from shnor_docs.model import Column
from shnor_docs.render.blocks import Rich

Table = dict[str, Any]


def layout_columns(
    columns: list[Column], headers: dict[str, str], weights: dict[str, float], width: float
) -> list[dict[str, Any]]:
    """Headers and widths: the spec's own, else the defaults; the rest shares what is left."""
    fixed = sum(c.width for c in columns if c.width)
    free = [c for c in columns if not c.width]
    share = sum(weights.get(c.key, 3.0) for c in free) or 1.0
    left = max(width - fixed, 1.0 * len(free))
    return [
        {
            "key": c.key,
            "header": c.header if c.header is not None else headers.get(c.key, c.key),
            "width": round(c.width or left * weights.get(c.key, 3.0) / share, 2),
        }
        for c in columns
    ]


def cell(content: Rich | str, merge: str | None = None, rowspan: int = 1) -> dict[str, Any]:
    rich = content if isinstance(content, Rich) else Rich.lines([content], "cell")
    return {"content": rich, "merge": merge, "rowspan": rowspan}


def group_row(text: str, number: str = "") -> dict[str, Any]:
    return {"group": text, "number": number, "cells": []}


def cells_row(cells: list[dict[str, Any]]) -> dict[str, Any]:
    return {"group": None, "cells": cells}


def table(columns: list[dict[str, Any]], rows: list[dict[str, Any]], numbers: bool) -> Table:
    return {"columns": columns, "rows": rows, "numbers": numbers}


def drop_empty(columns: list[Column], rows: list[dict[str, Any]], keep: set[str]) -> list[int]:
    """Indexes of the columns to print: a default column empty in every row is dropped."""
    kept = []
    for index, column in enumerate(columns):
        filled = any(
            row["cells"] and row["cells"][index]["content"] for row in rows if not row["group"]
        )
        if filled or column.key in keep:
            kept.append(index)
    return kept


def merge_runs(rows: list[dict[str, Any]], index: int, keys: list[Any]) -> None:
    """Merge the cells of column ``index`` downwards over neighbouring rows with the same key
    (``keys`` has one key per row of cells); a group row breaks the run."""
    start = None
    cells = [row for row in rows if not row["group"]]
    for position, row in enumerate(cells):
        if start is not None and keys[position] == keys[start] and keys[position] is not None:
            first = cells[start]["cells"][index]
            first["merge"] = "start"
            first["rowspan"] += 1
            row["cells"][index] = {"content": Rich([], "cell"), "merge": "continue", "rowspan": 1}
        else:
            start = position
