"""Сроки мероприятий: разбор формулировок, структурная форма, официальное написание, период.

Deadlines of roadmap activities, in layers that import one way:

- :mod:`~shnor_docs.deadlines.calendar` and :mod:`~shnor_docs.deadlines.types` at the bottom:
  month names, date windows, frequencies; Period, Deadline, DeadlineKind, DeadlineError;
- :mod:`~shnor_docs.deadlines.reading`, :mod:`~shnor_docs.deadlines.period` and
  :mod:`~shnor_docs.deadlines.make` above them: dates in text, the programme period, builders;
- :mod:`~shnor_docs.deadlines.grammar` (what officials write: «Январь - февраль 2021», «до
  15.10.2020», «2 раза в год (май, декабрь)») and :mod:`~shnor_docs.deadlines.forms` (a dict);
- :mod:`~shnor_docs.deadlines.wording`: the one official wording of a deadline;
- here, the public face: :func:`parse_deadline`, :func:`parse_period`, :func:`render_deadline`.

Standard library only: this package is on the fast check path.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from shnor_docs.deadlines.accepted import ACCEPTED_FORMS, STRUCTURED_FORMS, UNPARSED
from shnor_docs.deadlines.calendar import (
    MONTH_WORDS,
    NBSP,
    NDASH,
    ROMAN,
    Window,
    format_date,
    month_name,
    month_window,
    quarter_window,
    year_window,
)
from shnor_docs.deadlines.forms import parse_structured
from shnor_docs.deadlines.grammar import parse_text
from shnor_docs.deadlines.period import parse_period
from shnor_docs.deadlines.types import Deadline, DeadlineError, DeadlineKind, Period
from shnor_docs.deadlines.wording import render as render_deadline

__all__ = [
    "ACCEPTED_FORMS",
    "MONTH_WORDS",
    "NBSP",
    "NDASH",
    "ROMAN",
    "STRUCTURED_FORMS",
    "UNPARSED",
    "Deadline",
    "DeadlineError",
    "DeadlineKind",
    "Period",
    "Window",
    "format_date",
    "month_name",
    "month_window",
    "parse_deadline",
    "parse_period",
    "quarter_window",
    "render_deadline",
    "year_window",
]


def parse_deadline(
    value: str | date | dict, period: Period | str | int | dict | None = None
) -> Deadline:
    """Срок из формулировки, даты или словаря; ``period`` размещает месяцы без года и т. п."""
    if period is not None and not isinstance(period, Period):
        period = parse_period(period)
    if isinstance(value, Deadline):
        return value
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        value = {"on": value}
    if isinstance(value, dict):
        found = parse_structured(value, period)
        return replace(found, text=render_deadline(found))
    if isinstance(value, str):
        return parse_text(value, period)
    raise DeadlineError(
        f"срок должен быть строкой, датой или словарём, получено: {type(value).__name__}"
    )
