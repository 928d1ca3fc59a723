"""The types of deadlines: the programme period, a deadline's kind and window, the error.

The bottom of :mod:`shnor_docs.deadlines` (with :mod:`~shnor_docs.deadlines.calendar`): the
grammar and the structured form build these, the wording prints them. Standard library only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from shnor_docs.deadlines.calendar import Window, format_date
from shnor_docs.text import quote

#: Years a deadline or a period may name: a programme of these departments lies between them,
#: and the date arithmetic of windows stays far from the limits of :class:`datetime.date`.
MIN_YEAR, MAX_YEAR = 1900, 2100


class DeadlineError(ValueError):
    """Срок или период не удалось разобрать; сообщение на русском, с примерами допустимых форм."""


def check_year(year: int, text: str) -> int:
    """``year`` itself if it lies in MIN_YEAR…MAX_YEAR; a DeadlineError naming ``text`` if not."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise DeadlineError(
            f"{quote(text)}: год {year} вне допустимых пределов ({MIN_YEAR}–{MAX_YEAR})"
        )
    return year


class DeadlineKind(StrEnum):
    """Вид срока."""

    DATE = "date"
    BEFORE = "before"
    MONTH = "month"
    MONTHS = "months"
    RANGE = "range"
    QUARTER = "quarter"
    HALF_YEAR = "half_year"
    YEAR = "year"
    PERIOD = "period"
    RECURRING = "recurring"
    EXTERNAL = "external"
    ON_DEMAND = "on_demand"
    DATES = "dates"
    TEXT = "text"


@dataclass(frozen=True)
class Period:
    """Период реализации программы; ``academic`` — учебный год (1 сентября – 31 августа)."""

    start: date
    end: date
    academic: bool = False

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise DeadlineError(
                f"период задан неверно: окончание ({format_date(self.end)}) раньше начала "
                f"({format_date(self.start)})"
            )


@dataclass(frozen=True)
class Deadline:
    """Срок мероприятия: окно [start, end] (включительно) и формулировка."""

    kind: DeadlineKind
    start: date
    end: date
    text: str
    occurrences: tuple[Window, ...] = ()
    schedule: str | None = None
    frequency: str | None = None
    placed: bool = True
    #: RANGE given by exact dates (rendered «с … по …») rather than by months.
    exact_dates: bool = False

    @property
    def checkable(self) -> bool:
        """Есть ли у срока собственные даты, которые можно отслеживать."""
        return self.kind not in (DeadlineKind.EXTERNAL, DeadlineKind.ON_DEMAND, DeadlineKind.TEXT)
