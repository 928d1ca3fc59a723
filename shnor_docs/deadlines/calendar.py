"""Russian calendar words and date arithmetic: month names, dates, windows, frequencies.

The bottom of :mod:`shnor_docs.deadlines`, beside :mod:`~shnor_docs.deadlines.types`: month names
in three cases, dates in word and numeric form, the windows of months, quarters, half-years and
(academic) years, and how a frequency is named («2 раза в год (май, декабрь)»). Imports nothing
of the package. Standard library only: this module is on the fast check path.
"""

from __future__ import annotations

from datetime import date
from typing import Protocol

NBSP = "\u00a0"
NDASH = "\u2013"
Window = tuple[date, date]
ROMAN = ("I", "II", "III", "IV")


class _Span(Protocol):
    start: date
    end: date
    academic: bool

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


def unit_windows(period: _Span, unit: str, months: tuple[int, ...] = ()) -> tuple[Window, ...]:
    """Каждый год/полугодие/квартал/месяц (или каждый из ``months``) периода, обрезанные по нему."""
    found: set[Window] = set()
    for year in range(period.start.year - 1, period.end.year + 1):
        for s, e in _units_of_year(year, unit, months, period.academic):
            if s <= period.end and period.start <= e:
                found.add((max(s, period.start), min(e, period.end)))
    return tuple(sorted(found))


# --- frequency ------------------------------------------------------------------------------

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
