"""The official wording of a deadline: «январь 2023 г.», «до 15 октября 2020 г.», …

The top of the deadline layers: :func:`render` gives one consistent official wording of any
:class:`~shnor_docs.deadlines.types.Deadline`, in lower case. Standard library only.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from shnor_docs.deadlines.calendar import (
    NBSP,
    NDASH,
    ROMAN,
    Window,
    format_date,
    month_name,
    recurrence_text,
)
from shnor_docs.deadlines.types import Deadline


def _year(y: int) -> str:
    return f"{y}{NBSP}г."


def _month_year(d: date) -> str:
    return f"{month_name(d.month)} {_year(d.year)}"


def _first(d: Deadline) -> Window:
    return (d.start, d.end) if d.placed else d.occurrences[0]


def _render_month(d: Deadline) -> str:
    s, _ = _first(d)
    return _month_year(s) if d.placed else month_name(s.month)


def _render_months(d: Deadline) -> str:
    starts = [s for s, _ in d.occurrences]
    if not d.placed:
        return ", ".join(month_name(m) for m in dict.fromkeys(s.month for s in starts))
    if len({s.year for s in starts}) == 1:
        return ", ".join(month_name(s.month) for s in starts) + " " + _year(starts[0].year)
    return ", ".join(_month_year(s) for s in starts)


def _render_range(d: Deadline) -> str:
    if d.exact_dates:
        return f"с {format_date(d.start)} по {format_date(d.end)}"
    s, e = _first(d)
    if not d.placed:
        return f"{month_name(s.month)} {NDASH} {month_name(e.month)}"
    first = month_name(s.month) if s.year == e.year else _month_year(s)
    return f"{first} {NDASH} {_month_year(e)}"


def _render_quarter(d: Deadline) -> str:
    s, _ = _first(d)
    text = f"{ROMAN[(s.month - 1) // 3]} квартал"
    return f"{text} {_year(s.year)}" if d.placed else text


def _render_half(d: Deadline) -> str:
    s, e = _first(d)
    academic = s.month == 9 or e.month == 8
    number = 1 if s.month == (9 if academic else 1) else 2
    text = f"{ROMAN[number - 1]} полугодие"
    if not d.placed:
        return text
    if academic:
        first = s.year if number == 1 else s.year - 1
        return f"{text} {first}/{first + 1} учебного года"
    return f"{text} {_year(s.year)}"


def _render_year(d: Deadline) -> str:
    if d.start.month == 9:
        return f"в течение {d.start.year}/{d.end.year} учебного года"
    return f"в течение {_year(d.start.year)}"


def _render_recurring(d: Deadline) -> str:
    frequency = d.frequency or "ежегодно"
    yearly = frequency == "ежегодно" or frequency.endswith(" в год")
    monthly = all(s.month == e.month and s.year == e.year for s, e in d.occurrences)
    if not (yearly and monthly and d.occurrences):
        return frequency
    return recurrence_text(frequency, tuple(dict.fromkeys(s.month for s, _ in d.occurrences)))


def _render_external(d: Deadline) -> str:
    schedule = d.schedule or "плану"
    intro = "согласно" if re.match(r"(?:плану-)?график", schedule) else "по"
    text = f"{intro} {schedule}"
    return f"{text}, {d.frequency}" if d.frequency else text


def _render_on_demand(d: Deadline) -> str:
    condition = d.schedule or "потребности"
    return condition if condition.startswith("при ") else f"по {condition}"


def _render_dates(d: Deadline) -> str:
    days = [format_date(s) for s, _ in d.occurrences]
    listed = ", ".join(days[:-1]) + " и " + days[-1] if len(days) > 1 else days[0]
    return f"до {listed}" if d.start < d.occurrences[0][0] else listed


#: Rendering by :class:`~shnor_docs.deadlines.types.DeadlineKind` value (a ``StrEnum``).
RENDER: dict[str, Callable[[Deadline], str]] = {
    "date": lambda d: format_date(d.start),
    "before": lambda d: f"до {format_date(d.end)}",
    "month": _render_month,
    "months": _render_months,
    "range": _render_range,
    "quarter": _render_quarter,
    "half_year": _render_half,
    "year": _render_year,
    "period": lambda d: "в течение всего периода",
    "recurring": _render_recurring,
    "external": _render_external,
    "on_demand": _render_on_demand,
    "dates": _render_dates,
    "text": lambda d: d.text,
}


def render(deadline: Deadline) -> str:
    """Единая официальная формулировка срока, со строчной буквы."""
    return RENDER[deadline.kind](deadline)
