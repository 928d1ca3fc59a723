"""Сроки мероприятий дорожной карты: модель, единое официальное написание, период программы.

Deadlines of roadmap activities. :func:`parse_deadline` turns what officials write («Январь -
февраль 2021», «до 15.10.2020», «2 раза в год (май, декабрь)») or a structured dict into a
:class:`Deadline` — a window (start, end) plus how it should read — and :meth:`Deadline.render`
gives it back in consistent official wording. The grammar itself lives in
:mod:`shnor_docs.deadline_grammar`. Standard library only: this module is on the fast check path.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

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

ACCEPTED_FORMS = """\
— дата: 30.12.2020; 30 декабря 2020 г.; 2020-12-30
— крайний срок: до 15.10.2020; в срок до 15 октября 2020 г.; не позднее 01.02.2023
— месяц: январь 2023 г.; 2023-01
— несколько месяцев: январь, февраль, апрель 2023 г.; декабрь 2022 г., январь 2023 г.
— промежуток: январь – март 2023 г.; ноябрь 2022 г. – февраль 2023 г.
— промежуток дат: с 01.06.2021 по 31.08.2021
— квартал, полугодие: I квартал 2023 г.; 2 полугодие 2023 г.
— год: в течение 2023 г.; 2023 год; в течение года
— весь период: в течение всего периода; постоянно
— периодически: ежегодно; ежеквартально; 2 раза в год (май, декабрь); 2–3 раза в год
— ежегодно в определённом месяце: ежегодно в сентябре; сентябрь текущего года
— по плану другой организации: согласно плану-графику КГИРО на 2023 г.; по плану работы ОО
— по потребности: по потребности ОО; по мере необходимости; по запросу"""
_PERIOD_FORMS = "допустимые формы: 2021–2023; 2023; 2020/2021 (учебный год); {start: …, end: …}"


class DeadlineError(ValueError):
    """Срок или период не удалось разобрать; сообщение на русском, с примерами допустимых форм."""


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
        return self.kind not in (DeadlineKind.EXTERNAL, DeadlineKind.ON_DEMAND)

    def render(self) -> str:
        """Единая официальная формулировка срока, со строчной буквы."""
        return _RENDER[self.kind](self)


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


def span(y1: int, m1: int, y2: int, m2: int) -> Window:
    """С первого дня месяца m1 года y1 по последний день месяца m2 года y2."""
    return date(y1, m1, 1), date(y2, m2, calendar.monthrange(y2, m2)[1])


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


def place(
    period: Period | None, windows: Callable[[int], Window], text: str
) -> tuple[Window, tuple[Window, ...], bool]:
    """Размещает срок без года в периоде: (окно, вхождения, размещён ли однозначно).

    ``windows(year)`` gives the candidate window in a year. One candidate inside the period (or,
    failing that, overlapping it) is placed; several give the whole period and each candidate.
    """
    if period is None:
        raise DeadlineError(
            f"в сроке «{text}» не указан год, а период программы не задан; "
            "укажите год, например «январь 2023 г.»"
        )
    candidates = [windows(y) for y in range(period.start.year - 1, period.end.year + 1)]
    inside = [w for w in candidates if period.start <= w[0] and w[1] <= period.end]
    found = inside or [w for w in candidates if w[0] <= period.end and period.start <= w[1]]
    if not found:
        raise DeadlineError(
            f"срок «{text}» не попадает в период программы "
            f"({format_date(period.start)} – {format_date(period.end)})"
        )
    if len(found) == 1:
        return found[0], (), True
    return (period.start, period.end), tuple(found), False


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


# --- text helpers ----------------------------------------------------------------------------

_ACADEMIC_RE = re.compile(
    r"(\d{4})\s*[-/]\s*(\d{4})\s*(?:уч\.?\s*г(?:од)?[а-я]*\.?|учебн[а-я]*\s+год[а-я]*)"
)
_YEAR_SUFFIX_RE = re.compile(r"(\d{4})\s*(?:гг?\.?|год[а-я]*)(?![а-я])")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_NUM_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})(?:\.(\d{4}))?")
_WORD_DATE = re.compile(r"(\d{1,2}) ([а-я]+)(?: (\d{4}))?")


def normalise(text: str) -> str:
    """Нижний регистр, один вид тире и пробелов, годы без «г.»/«года», учебный год как 2020/2021."""
    s = text.lower().replace("ё", "е").replace("і", "i")
    s = re.sub(r"[«»\"“”„]", "", s)
    s = re.sub(r"[\u2010-\u2015\u2212]", "-", s)
    s = _ACADEMIC_RE.sub(r"\1/\2", s)
    s = re.sub(r"(\d{4})\s*/\s*(\d{4})", r"\1/\2", s)
    s = _YEAR_SUFFIX_RE.sub(r"\1", s)
    return " ".join(s.split()).strip(" ,.;:")


def _date_parts(s: str, year: int | None) -> tuple[int | None, int, int] | None:
    if m := _ISO_DATE.fullmatch(s):
        return int(m[1]), int(m[2]), int(m[3])
    if m := _NUM_DATE.fullmatch(s):
        return (int(m[3]) if m[3] else year), int(m[2]), int(m[1])
    if (m := _WORD_DATE.fullmatch(s)) and m[2] in MONTH_WORDS:
        return (int(m[3]) if m[3] else year), MONTH_WORDS[m[2]], int(m[1])
    return None


def to_date(text: str, year: int | None = None) -> date | None:
    """Дата из «30.12.2020», «2020-12-30», «30 декабря 2020 г.»; None, если это не дата.

    ``year`` fills a missing year («01.06», «1 июня»). A date that does not exist (31.02.2023,
    month 13) raises :class:`DeadlineError`.
    """
    parts = _date_parts(normalise(text), year)
    if parts is None or parts[0] is None:
        return None
    try:
        return date(parts[0], parts[1], parts[2])
    except ValueError:
        raise DeadlineError(f"дата «{text.strip()}» не существует") from None


# --- period --------------------------------------------------------------------------------


def _check_year(year: int, text: object) -> int:
    if not 1900 <= year <= 2100:
        raise DeadlineError(f"в периоде «{text}» неверный год {year}; {_PERIOD_FORMS}")
    return year


def _period_date(key: str, raw: object) -> date:
    if isinstance(raw, datetime):
        return raw.date()
    if isinstance(raw, date):
        return raw
    found = to_date(raw) if isinstance(raw, str) else None
    if found is None:
        raise DeadlineError(f"период: ключ «{key}» — ожидается дата (2021-01-01), получено «{raw}»")
    return found


def _period_from_dict(value: dict) -> Period:
    unknown = sorted(str(k) for k in value if k not in ("start", "end", "academic"))
    if unknown:
        raise DeadlineError(f"период: неизвестный ключ «{unknown[0]}»; допустимы start, end")
    for key in ("start", "end"):
        if key not in value:
            raise DeadlineError(f"период: нет ключа «{key}»; {_PERIOD_FORMS}")
    start, end = _period_date("start", value["start"]), _period_date("end", value["end"])
    academic = value.get("academic")
    if academic is None:
        academic = (start.month, start.day, end.month, end.day) == (9, 1, 8, 31)
    if not isinstance(academic, bool):
        raise DeadlineError(f"период: ключ «academic» — ожидается true или false: «{academic}»")
    return Period(start, end, academic)


def parse_period(value: str | int | dict | Period) -> Period:
    """Период программы: «2021-2023», «2021–2023 гг.», 2023, «2020/2021» (учебный год), словарь."""
    if isinstance(value, Period):
        return value
    if isinstance(value, dict):
        return _period_from_dict(value)
    s = str(value) if isinstance(value, int) and not isinstance(value, bool) else value
    m = re.fullmatch(r"(\d{4})(?: ?([-/]) ?(\d{4}))?", normalise(s)) if isinstance(s, str) else None
    if m is None:
        raise DeadlineError(f"не удалось разобрать период «{value}»; {_PERIOD_FORMS}")
    first, last = _check_year(int(m[1]), value), _check_year(int(m[3] or m[1]), value)
    if last < first or (m[2] == "/" and last == first):
        raise DeadlineError(f"в периоде «{value}» год окончания должен быть позже года начала")
    if m[2] == "/":
        return Period(date(first, 9, 1), date(last, 8, 31), academic=True)
    return Period(date(first, 1, 1), date(last, 12, 31))


# --- deadline ------------------------------------------------------------------------------


def parse_deadline(
    value: str | date | dict, period: Period | str | int | dict | None = None
) -> Deadline:
    """Срок из формулировки, даты или словаря; ``period`` размещает месяцы без года и т. п."""
    from shnor_docs.deadline_grammar import parse_structured, parse_text  # imports this module

    if period is not None and not isinstance(period, Period):
        period = parse_period(period)
    if isinstance(value, Deadline):
        return value
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return parse_structured({"on": value}, period)
    if isinstance(value, dict):
        return parse_structured(value, period)
    if isinstance(value, str):
        return parse_text(value, period)
    raise DeadlineError(
        f"срок должен быть строкой, датой или словарём, получено: {type(value).__name__}"
    )


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


def recurrence_text(frequency: str, months: tuple[int, ...] = ()) -> str:
    """«2 раза в год (май, декабрь)», «ежегодно, сентябрь»."""
    if not months:
        return frequency
    names = ", ".join(month_name(m) for m in months)
    return f"{frequency} ({names})" if frequency[0].isdigit() else f"{frequency}, {names}"


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


_RENDER: dict[DeadlineKind, Callable[[Deadline], str]] = {
    DeadlineKind.DATE: lambda d: format_date(d.start),
    DeadlineKind.BEFORE: lambda d: f"до {format_date(d.end)}",
    DeadlineKind.MONTH: _render_month,
    DeadlineKind.MONTHS: _render_months,
    DeadlineKind.RANGE: _render_range,
    DeadlineKind.QUARTER: _render_quarter,
    DeadlineKind.HALF_YEAR: _render_half,
    DeadlineKind.YEAR: _render_year,
    DeadlineKind.PERIOD: lambda d: "в течение всего периода",
    DeadlineKind.RECURRING: _render_recurring,
    DeadlineKind.EXTERNAL: _render_external,
    DeadlineKind.ON_DEMAND: _render_on_demand,
}
