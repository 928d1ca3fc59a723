"""Календарь и написание сроков: окна месяцев и лет, названия месяцев, частота, формулировка.

The lower layer of :mod:`shnor_docs.dates` (which re-exports its public names): calendar windows,
Russian month names and dates, frequency wording and :func:`render` — the single official
wording of a :class:`~shnor_docs.dates.Deadline`. Imports nothing from the package at run time,
so :mod:`shnor_docs.dates` can import it first. Standard library only.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from shnor_docs.dates import Deadline, Period

NBSP = "\u00a0"
NDASH = "\u2013"
Window = tuple[date, date]
ROMAN = ("I", "II", "III", "IV")

_NOMINATIVE = "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь"
_MONTHS = tuple(  # (nominative, genitive, prepositional): январь, января, январе
    (m, m[:-1] + "я", m[:-1] + "е") if m[-1] in "ьй" else (m, m + "а", m + "е")
    for m in _NOMINATIVE.split()
)
_CASES = ("nominative", "genitive", "prepositional")
#: Every form of every month name (lower case) -> month number.
MONTH_WORDS: dict[str, int] = {w: i for i, forms in enumerate(_MONTHS, 1) for w in forms}


def month_name(m: int, case: str = "nominative") -> str:
    """Название месяца: «январь», родительный «января», предложный «январе»."""
    if case not in _CASES or not 1 <= m <= 12:
        raise ValueError(f"нет месяца {m} в падеже «{case}»; падежи: {', '.join(_CASES)}")
    return _MONTHS[m - 1][_CASES.index(case)]


def format_date(d: date, style: str = "words") -> str:
    """«30 декабря 2020 г.» (с неразрывными пробелами) или «30.12.2020» (style="numeric")."""
    if style == "numeric":
        return f"{d.day:02d}.{d.month:02d}.{d.year}"
    if style == "words":
        return f"{d.day}{NBSP}{month_name(d.month, 'genitive')}{NBSP}{d.year}{NBSP}г."
    raise ValueError(f"неизвестный стиль даты «{style}»: допустимо «words» или «numeric»")


# --- windows -------------------------------------------------------------------------------


def _month_end(year: int, month: int) -> date:
    """The last day of a month (calendar.monthrange without importing calendar and locale)."""
    first_of_next = date(year + month // 12, month % 12 + 1, 1)
    return date.fromordinal(first_of_next.toordinal() - 1)


def span(y1: int, m1: int, y2: int, m2: int) -> Window:
    """С первого дня месяца m1 года y1 по последний день месяца m2 года y2."""
    return date(y1, m1, 1), _month_end(y2, m2)


def month_window(year: int, month: int) -> Window:
    return span(year, month, year, month)


def quarter_window(year: int, quarter: int) -> Window:
    return span(year, 3 * quarter - 2, year, 3 * quarter)


def half_window(year: int, half: int, academic: bool = False) -> Window:
    """Полугодие; в учебном году ``year``/``year+1``: I — сентябрь–декабрь, II — январь–август."""
    if academic:
        return span(year, 9, year, 12) if half == 1 else span(year + 1, 1, year + 1, 8)
    return span(year, 6 * half - 5, year, 6 * half)


def year_window(year: int, academic: bool = False) -> Window:
    return span(year, 9, year + 1, 8) if academic else span(year, 1, year, 12)


def _units_of_year(year: int, unit: str, months: tuple[int, ...], academic: bool) -> list[Window]:
    if months:
        return [month_window(year, m) for m in months]
    if unit == "year":
        return [year_window(year, academic)]
    if unit == "half_year":
        return [half_window(year, n, academic) for n in (1, 2)]
    if unit == "quarter":
        return [quarter_window(year, n) for n in range(1, 5)]
    return [month_window(year, m) for m in range(1, 13)]


def unit_windows(period: Period, unit: str, months: tuple[int, ...] = ()) -> tuple[Window, ...]:
    """Каждый год/полугодие/квартал/месяц (или каждый из ``months``) периода, обрезанные по нему."""
    found: set[Window] = set()
    for year in range(period.start.year - 1, period.end.year + 1):
        for s, e in _units_of_year(year, unit, months, period.academic):
            if s <= period.end and period.start <= e:
                found.add((max(s, period.start), min(e, period.end)))
    return tuple(sorted(found))


# --- wording -------------------------------------------------------------------------------

_UNIT_WORDS = {
    "year": ("ежегодно", "год"),
    "half_year": ("раз в полугодие", "полугодие"),
    "quarter": ("ежеквартально", "квартал"),
    "month": ("ежемесячно", "месяц"),
}


def frequency_text(unit: str, times: tuple[int, int] | None = None) -> str:
    """«ежегодно», «2 раза в год», «2–3 раза в год», «5 раз в месяц»…"""
    once, noun = _UNIT_WORDS[unit]
    if times is None or times == (1, 1):
        return once
    low, high = times
    count = str(low) if low == high else f"{low}{NDASH}{high}"
    word = "раза" if high % 10 in (2, 3, 4) and high % 100 not in (12, 13, 14) else "раз"
    return f"{count} {word} в {noun}"


def recurrence_text(frequency: str, months: tuple[int, ...] = ()) -> str:
    """«2 раза в год (май, декабрь)», «ежегодно, сентябрь»."""
    if not months:
        return frequency
    names = ", ".join(month_name(m) for m in months)
    return f"{frequency} ({names})" if frequency[0].isdigit() else f"{frequency}, {names}"


# --- rendering -----------------------------------------------------------------------------


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


#: Rendering by :class:`~shnor_docs.dates.DeadlineKind` value (a ``StrEnum``, so kinds match).
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
}
