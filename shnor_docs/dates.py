"""Сроки мероприятий дорожной карты: модель, единое официальное написание, период программы.

Deadlines of roadmap activities. :func:`parse_deadline` turns what officials write («Январь -
февраль 2021», «до 15.10.2020», «2 раза в год (май, декабрь)») or a structured dict into a
:class:`Deadline` — a window (start, end) plus how it should read — and :meth:`Deadline.render`
gives it back in consistent official wording. The text grammar lives in
:mod:`shnor_docs.deadline_grammar`, the structured form in :mod:`shnor_docs.deadline_forms`;
month names, windows and wording in :mod:`shnor_docs.deadline_render` (re-exported here).
Standard library only: this module is on the fast check path.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from shnor_docs.deadline_render import MONTH_WORDS as MONTH_WORDS
from shnor_docs.deadline_render import NBSP as NBSP
from shnor_docs.deadline_render import NDASH as NDASH
from shnor_docs.deadline_render import RENDER
from shnor_docs.deadline_render import ROMAN as ROMAN
from shnor_docs.deadline_render import Window as Window
from shnor_docs.deadline_render import format_date as format_date
from shnor_docs.deadline_render import frequency_text as frequency_text
from shnor_docs.deadline_render import half_window as half_window
from shnor_docs.deadline_render import month_name as month_name
from shnor_docs.deadline_render import month_window as month_window
from shnor_docs.deadline_render import quarter_window as quarter_window
from shnor_docs.deadline_render import recurrence_text as recurrence_text
from shnor_docs.deadline_render import span as span
from shnor_docs.deadline_render import unit_windows as unit_windows
from shnor_docs.deadline_render import year_window as year_window

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
        return RENDER[self.kind](self)


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
    from shnor_docs.deadline_forms import parse_structured  # both import this module
    from shnor_docs.deadline_grammar import parse_text

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
