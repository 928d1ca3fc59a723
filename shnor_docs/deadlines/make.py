"""Building deadlines: placing a month without a year in the period, windows, recurrences.

Shared by the grammar (text) and the structured form (dict): a
:class:`~shnor_docs.deadlines.types.Deadline` from windows, months, a recurrence or another
organisation's schedule, and reading a frequency phrase («2 раза в год (май, декабрь)»).
Standard library only.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

from shnor_docs.deadlines.calendar import (
    MONTH_WORDS,
    NBSP,
    Window,
    format_date,
    frequency_text,
    half_window,
    month_window,
    quarter_window,
    unit_windows,
    year_window,
)
from shnor_docs.deadlines.types import Deadline, DeadlineError, Period, check_year
from shnor_docs.deadlines.types import DeadlineKind as K
from shnor_docs.text import quote

_YEAR_ABBREVIATED = re.compile(r"(?:\d|\s)гг?\.$")
_YEAR_WORD = re.compile(r"(\d{4}) ?(гг?)\.?(?![а-я])")
_ON_YEARS = re.compile(r"\bна (\d{4})(?: ?([-–—/]) ?(\d{4}))?")

#: (unit, times (low, high) or None, months) — «2–3 раза в год», «ежегодно в сентябре».
Recurrence = tuple[str, tuple[int, int] | None, tuple[int, ...]]

# --- placing -------------------------------------------------------------------------------


def place(
    period: Period | None, windows: Callable[[int], Window], text: str
) -> tuple[Window, tuple[Window, ...], bool]:
    """Размещает срок без года в периоде: (окно, вхождения, размещён ли однозначно).

    ``windows(year)`` gives the candidate window in a year. One candidate inside the period (or,
    failing that, overlapping it) is placed; several give the whole period and each candidate.
    """
    if period is None:
        raise DeadlineError(
            f"в сроке {quote(text)} не указан год, а период программы не задан; "
            "укажите год, например «январь 2023 г.»"
        )
    candidates = [windows(y) for y in range(period.start.year - 1, period.end.year + 1)]
    inside = [w for w in candidates if period.start <= w[0] and w[1] <= period.end]
    found = inside or [w for w in candidates if w[0] <= period.end and period.start <= w[1]]
    if not found:
        raise DeadlineError(
            f"срок {quote(text)} не попадает в период программы "
            f"({format_date(period.start)} – {format_date(period.end)})"
        )
    if len(found) == 1:
        return found[0], (), True
    return (period.start, period.end), tuple(found), False


# --- builders --------------------------------------------------------------------------------


def _need_period(period: Period | None, text: str) -> Period:
    if period is None:
        raise DeadlineError(
            f"срок {quote(text)} отсчитывается от периода программы, а период не задан; "
            "передайте период (например, 2021–2023) или укажите год"
        )
    return period


def make_whole(kind: K, text: str, period: Period | None, **extra: Any) -> Deadline:
    p = _need_period(period, text)
    return Deadline(kind, p.start, p.end, text, **extra)


def make_span(kind: K, text: str, window: Window, exact: bool = False) -> Deadline:
    if window[0] > window[1]:
        raise DeadlineError(f"в сроке {quote(text)} начало позже окончания")
    return Deadline(kind, window[0], window[1], text, exact_dates=exact)


def make_placed(
    kind: K, text: str, period: Period | None, windows: Callable[[int], Window]
) -> Deadline:
    (start, end), occurrences, placed = place(period, windows, text)
    return Deadline(kind, start, end, text, occurrences, placed=placed)


def make_before(day: date, text: str, period: Period | None) -> Deadline:
    start = period.start if period is not None and period.start <= day else day
    return Deadline(K.BEFORE, start, day, text)


def make_dates(days: list[date], text: str, period: Period | None, before: bool) -> Deadline:
    """Several dates in one deadline («до 30.01.2021 и 20.07.2021»); each is an occurrence."""
    days = list(dict.fromkeys(days))
    start = days[0]
    if before and period is not None and period.start <= start:
        start = period.start
    return Deadline(K.DATES, start, days[-1], text, tuple((d, d) for d in days))


def make_months(text: str, items: list[tuple[int, int | None]], period: Period | None) -> Deadline:
    items = list(dict.fromkeys(items))
    if len(items) == 1:
        month, year = items[0]
        if year is not None:
            return Deadline(K.MONTH, *month_window(year, month), text)
        return make_placed(K.MONTH, text, period, lambda y: month_window(y, month))
    found: set[Window] = set()
    placed = True
    for month, year in items:
        if year is not None:
            found.add(month_window(year, month))
            continue
        window, occurrences, ok = place(period, lambda y, m=month: month_window(y, m), text)
        placed = placed and ok
        found.update((window,) if ok else occurrences)
    occurrences = tuple(sorted(found))
    if placed:
        return Deadline(K.MONTHS, occurrences[0][0], occurrences[-1][1], text, occurrences)
    return make_whole(K.MONTHS, text, period, occurrences=occurrences, placed=False)


def make_recurring(text: str, period: Period | None, recurrence: Recurrence) -> Deadline:
    unit, times, months = recurrence
    p = _need_period(period, text)
    occurrences = unit_windows(p, unit, months)
    if months and not occurrences:
        raise DeadlineError(f"месяцы срока {quote(text)} не попадают в период программы")
    frequency = frequency_text(unit, times)
    return Deadline(K.RECURRING, p.start, p.end, text, occurrences, frequency=frequency)


def tidy(text: str) -> str:
    """Пробелы и хвостовая пунктуация; точка после «г.» сохраняется."""
    t = " ".join(text.split()).strip(" ,;:")
    if t.endswith(".") and not _YEAR_ABBREVIATED.search(t):
        t = t.rstrip(". ,;:")
    return t


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def make_external(text: str, body: str, frequency: str | None, period: Period | None) -> Deadline:
    schedule = lower_first(_YEAR_WORD.sub(rf"\1{NBSP}\2.", tidy(body)))
    m = _ON_YEARS.search(schedule.replace(NBSP, " "))
    if m is None or int(m[3] or m[1]) < int(m[1]):
        return make_whole(K.EXTERNAL, text, period, schedule=schedule, frequency=frequency)
    first, last = check_year(int(m[1]), text), check_year(int(m[3] or m[1]), text)
    if m[2] == "/":
        window = year_window(first, True)[0], year_window(last - 1, True)[1]
    else:
        window = date(first, 1, 1), date(last, 12, 31)
    return Deadline(K.EXTERNAL, *window, text, schedule=schedule, frequency=frequency)


def make_numbered(
    half: bool,
    a: int,
    b: int,
    years: tuple[int | None, int | None],
    text: str,
    period: Period | None,
) -> Deadline:
    """Квартал/полугодие номер a (по b — промежуток), в году years[0] или в учебном году."""
    limit, name = (2, "полугодия") if half else (4, "квартала")
    if not 1 <= a <= b <= limit:
        raise DeadlineError(
            f"в сроке {quote(text)} неверный номер {name}: допустимо от 1 до {limit}"
        )
    year, second = years
    academic = second is not None or (year is None and period is not None and period.academic)

    def windows(y: int) -> Window:
        if half:
            return half_window(y, a, academic)[0], half_window(y, b, academic)[1]
        return quarter_window(y, a)[0], quarter_window(y, b)[1]

    kind = K.RANGE if a != b else K.HALF_YEAR if half else K.QUARTER
    if year is not None:
        return make_span(kind, text, windows(year))
    return make_placed(kind, text, period, windows)


# --- recurrence phrases ----------------------------------------------------------------------

_COUNT = {"один": 1, "два": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6}
# A count has at most three digits: «\d+» made a search over a long run of digits quadratic.
_N = r"(?<!\d)\d{1,3}|один|два|три|четыре|пять|шесть"
_FREQ = re.compile(
    rf"(?:(?P<lo>{_N})(?: ?- ?(?P<hi>{_N}))? )?раза? в "
    r"(?P<unit>год|полугодие|полгода|квартал|месяц)"
    r"|(?P<adv>ежегодно|ежеполугодно|ежеквартально|ежемесячно)"
    r"|кажд(?:ый|ое) (?P<each>год|полугодие|квартал|месяц)"
)
_UNIT = {"год": "year", "ежегодно": "year", "полугодие": "half_year", "полгода": "half_year"}
_UNIT |= {"ежеполугодно": "half_year", "квартал": "quarter", "ежеквартально": "quarter"}
_UNIT |= {"месяц": "month", "ежемесячно": "month"}
_A_YEAR = r"(?:учебного |календарного )?года"
_EVERY_YEAR = re.compile(rf"(?:в течение )?всего {_A_YEAR}")
_THIS_YEAR = re.compile(rf"(.+?) (?:текущего|каждого) {_A_YEAR}")
THE_YEAR = re.compile(rf"(?:в течение|на протяжении) {_A_YEAR}")


def _month_list(s: str) -> tuple[int, ...] | None:
    """«май, декабрь», «(май, декабрь)», «в мае и декабре» -> (5, 12); None — не месяцы."""
    words = [w for w in re.split(r"[,;() ]+", re.sub(r"^\(?в ", "", s.strip())) if w and w != "и"]
    months = tuple(dict.fromkeys(MONTH_WORDS.get(w, 0) for w in words))
    return months if months and 0 not in months else None


def parse_recurrence(s: str) -> Recurrence | None:
    """«2 раза в год (май, декабрь)» -> ("year", (2, 2), (5, 12)); None — не частота."""
    if _EVERY_YEAR.fullmatch(s):
        return "year", None, ()
    if (m := _THIS_YEAR.fullmatch(s)) and (months := _month_list(m[1])):
        return "year", None, months
    m = _FREQ.search(s)
    if m is None:
        return None
    unit = _UNIT[m["unit"] or m["adv"] or m["each"]]
    low, high = (_COUNT.get(n) or int(n) if n else None for n in (m["lo"], m["hi"] or m["lo"]))
    times = (low, high) if low is not None and high is not None else None
    before, after = s[: m.start()].strip(" ,:-"), s[m.end() :].strip(" ,:-")
    rest = "" if THE_YEAR.fullmatch(after) or _EVERY_YEAR.fullmatch(after) else after
    if before and rest:
        return None
    months = _month_list(before or rest) if before or rest else ()
    if months is None or (months and unit != "year") or (times and not 0 < times[0] <= times[1]):
        return None
    return unit, times, months
