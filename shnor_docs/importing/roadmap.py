"""The plan of activities («дорожная карта») read from its table.

Columns are told by their header words and keep the document's own headers. Rows merged
across the width head sections; a header row repeated on a new page and the row of column
numbers are skipped; a row without a number right after an activity is the rest of that
activity, split across pages, and is joined to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from shnor_docs.importing.problems import ImportFailure
from shnor_docs.importing.report import Report
from shnor_docs.importing.source import Table
from shnor_docs.importing.tables import (
    GridRow,
    column_numbers,
    grid,
    header_roles,
    same_as,
    section_title,
)

MAX_ROWS = 5000
_SECTION_NUMBER = re.compile(r"^((?:\d{1,2}|[IVXLC]{1,5})\.?)\s+(\S.*)$")


@dataclass
class ActivityRead:
    number: str
    cells: dict[str, list[str]]
    joined: int = 0  # rows of a page break joined to it


@dataclass
class SectionRead:
    number: str | None
    title: str | None
    activities: list[ActivityRead] = field(default_factory=list)
    in_column: bool = False


@dataclass
class RoadmapRead:
    """What the table holds, before it becomes spec data."""

    roles: dict[int, str]
    headers: dict[str, str]
    sections: list[SectionRead]
    column_numbers: bool = False
    repeated_headers: int = 0


def is_roadmap(table: Table) -> bool:
    return any(header_roles(row) for row in grid(_head(table)))


def _head(table: Table) -> Table:
    return Table(table.rows[:4], table.width)


def read_roadmap(table: Table, report: Report) -> RoadmapRead:
    """Sections and activities of a plan table (:func:`is_roadmap` said yes)."""
    if len(table.rows) > MAX_ROWS:
        raise ImportFailure(
            "I009", f"в таблице плана {len(table.rows)} строк — больше {MAX_ROWS}: такой план "
            "не импортируется целиком; разделите документ на части"
        )
    rows = grid(table)
    start = next(i for i, row in enumerate(rows[:4]) if header_roles(row))
    header = rows[start]
    roles = header_roles(header) or {}
    read = RoadmapRead(roles, {roles[i]: header.texts[i] for i in sorted(roles)}, [])
    for row in rows[start + 1:]:
        _row(read, row, header, table.width, report)
    if read.repeated_headers:
        report.ok(f"повторы шапки таблицы на новых страницах пропущены: {read.repeated_headers}")
    return read


def _row(read: RoadmapRead, row: GridRow, header: GridRow, width: int, report: Report) -> None:
    if not row.filled:
        return
    if same_as(row, header) or row.header:
        read.repeated_headers += 1
        return
    if column_numbers(row):
        read.column_numbers = True
        return
    section = section_title(row, width)
    if section is not None:
        number, title = section
        in_column = number is not None
        if number is None and (found := _SECTION_NUMBER.match(title or "")):
            number, title = found.group(1), found.group(2)
        read.sections.append(SectionRead(number, title, [], in_column))
        return
    cells = {role: row.lines[i] for i, role in read.roles.items() if i < len(row.lines)}
    number_at = next((i for i, r in read.roles.items() if r == "number"), None)
    number = row.texts[number_at] if number_at is not None else ""
    if not read.sections:
        read.sections.append(SectionRead(None, None))
    activities = read.sections[-1].activities
    if not number and activities and activities[-1].number and _continues(row, number_at):
        _join(activities[-1], cells)
        return
    activities.append(ActivityRead(number, cells))


def _continues(row: GridRow, number_at: int | None) -> bool:
    """A row with no number of its own: the rest of the activity above it."""
    return number_at is not None and (row.merged[number_at] == "continue" or
                                      not row.texts[number_at])


def _join(activity: ActivityRead, cells: dict[str, list[str]]) -> None:
    activity.joined += 1
    for role, lines in cells.items():
        if not lines:
            continue
        have = activity.cells.setdefault(role, [])
        if have and role not in ("responsible",) and lines:
            have[-1] = f"{have[-1]} {lines[0]}"
            have.extend(lines[1:])
        else:
            have.extend(lines)
