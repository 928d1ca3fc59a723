"""Структурная форма срока: словарь ({on: …}, {from: …, to: …}, {every: year, times: 2} …).

The structured (dict) form of a deadline, used through :func:`shnor_docs.deadlines.parse_deadline`;
deadlines are built by :mod:`shnor_docs.deadlines.make`. Standard library only.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from shnor_docs.deadlines.calendar import (
    MONTH_WORDS,
    frequency_text,
    month_window,
    recurrence_text,
    year_window,
)
from shnor_docs.deadlines.make import (
    Recurrence,
    lower_first,
    make_before,
    make_external,
    make_months,
    make_numbered,
    make_recurring,
    make_span,
    make_whole,
    tidy,
)
from shnor_docs.deadlines.reading import to_date
from shnor_docs.deadlines.types import (
    MAX_YEAR,
    MIN_YEAR,
    Deadline,
    DeadlineError,
    Period,
    check_year,
)
from shnor_docs.deadlines.types import DeadlineKind as K
from shnor_docs.text import quote

_MAIN_KEYS = ("text", "on", "before", "schedule", "every", "on_demand", "whole_period", "from")
_MAIN_KEYS += ("quarter", "half_year", "month", "months", "year")
_KEYS = (*_MAIN_KEYS, "to", "times")
_EXTRA_KEYS = {"from": ("to",), "quarter": ("year",), "half_year": ("year",), "month": ("year",)}
_EXTRA_KEYS |= {"every": ("times", "months"), "schedule": ("year", "every", "times", "months")}
_UNITS = ("year", "half_year", "quarter", "month")
Handler = Callable[[dict, Any, Period | None, str], Deadline]
#: The keys of a structured deadline, for the JSON Schema: each main key with the keys it allows.
STRUCTURED_KEYS: dict[str, tuple[str, ...]] = {key: _EXTRA_KEYS.get(key, ()) for key in _MAIN_KEYS}


def _bad(key: str, expected: str, got: object) -> DeadlineError:
    return DeadlineError(f"срок: ключ «{key}» — ожидается {expected}, получено {quote(got)}")


def _int(key: str, raw: object, low: int, high: int) -> int:
    value = int(raw) if isinstance(raw, str) and raw.strip().isdigit() else raw
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise _bad(key, f"целое число от {low} до {high}", raw)
    return value


def _day(key: str, raw: object) -> date:
    if isinstance(raw, date):
        check_year(raw.year, str(raw))
        return raw.date() if isinstance(raw, datetime) else raw
    try:
        found = to_date(raw) if isinstance(raw, str) else None
    except DeadlineError as error:
        raise DeadlineError(f"срок: ключ «{key}» — {error}") from None
    if found is None:
        raise _bad(key, "дата (2023-01-31 или 31.01.2023)", raw)
    return found


def _month(key: str, raw: object, year: int | None = None) -> tuple[int, int | None]:
    """(месяц, год) из «2023-01», даты, номера или названия месяца (год — из ``year``)."""
    if isinstance(raw, date):
        return raw.month, check_year(raw.year, str(raw))
    if isinstance(raw, str) and (m := re.fullmatch(r"\s*(\d{4})-(\d{1,2})\s*", raw)):
        return _int(key, m[2], 1, 12), check_year(int(m[1]), raw.strip())
    if isinstance(raw, str) and raw.strip().lower() in MONTH_WORDS:
        return MONTH_WORDS[raw.strip().lower()], year
    if isinstance(raw, int) and not isinstance(raw, bool):
        return _int(key, raw, 1, 12), year
    raise _bad(key, "месяц (2023-01, дата или номер месяца)", raw)


def _times(raw: object) -> tuple[int, int] | None:
    if raw is None:
        return None
    parts = re.split(r"\s*[-–—]\s*", raw.strip()) if isinstance(raw, str) else raw
    parts = list(parts) if isinstance(parts, list | tuple) else [parts]
    if not 1 <= len(parts) <= 2:
        raise _bad("times", "число или два числа (2 или [2, 3])", raw)
    low, high = _int("times", parts[0], 1, 100), _int("times", parts[-1], 1, 100)
    if low > high:
        raise _bad("times", "два числа по возрастанию ([2, 3])", raw)
    return low, high


def _recurrence_value(v: dict) -> Recurrence:
    unit = v.get("every", "year")
    if unit not in _UNITS:
        raise _bad("every", "одно из: " + ", ".join(_UNITS), unit)
    raw = v.get("months") or ()
    if not isinstance(raw, list | tuple):
        raise _bad("months", "список месяцев ([5, 12])", raw)
    months = tuple(dict.fromkeys(_month("months", m)[0] for m in raw))
    if months and unit != "year":
        raise DeadlineError("срок: ключ «months» допустим только при every: year")
    return unit, _times(v.get("times")), months


def _text_value(key: str, raw: object, example: str) -> str:
    if not isinstance(raw, str) or not tidy(raw):
        raise _bad(key, f"текст, например «{example}»", raw)
    return tidy(raw)


def _schedule(v: dict, year: int | None, period: Period | None, label: str) -> Deadline:
    body = _text_value("schedule", v["schedule"], "плану работы Отдела образования")
    body = re.sub(r"^(?:по|согласно) ", "", body, flags=re.I)
    if year is not None and not re.search(r"\bна \d{4}", body):
        body += f" на {year} г."
    frequency = None
    if {"every", "times", "months"} & v.keys():
        unit, times, months = _recurrence_value(v)
        frequency = recurrence_text(frequency_text(unit, times), months)
    return make_external(label, body, frequency, period)


def _on_demand(v: dict, year: int | None, period: Period | None, label: str) -> Deadline:
    condition = _text_value("on_demand", v["on_demand"], "потребности ОО")
    condition = lower_first(re.sub(r"^по ", "", condition, flags=re.I))
    return make_whole(K.ON_DEMAND, label, period, schedule=condition)


def _whole_period(v: dict, year: int | None, period: Period | None, label: str) -> Deadline:
    if v["whole_period"] is not True:
        raise _bad("whole_period", "true", v["whole_period"])
    return make_whole(K.PERIOD, label, period)


def _from_to(v: dict, year: int | None, period: Period | None, label: str) -> Deadline:
    if "to" not in v:
        raise DeadlineError("срок: ключ «from» требует ключа «to»")
    bounds = []
    for key, last in (("from", 0), ("to", 1)):
        raw = v[key]
        if isinstance(raw, str) and re.fullmatch(r"\s*\d{4}-\d{1,2}\s*", raw):
            month, in_year = _month(key, raw)
            bounds.append((month_window(in_year or 0, month)[last], False))
        else:
            bounds.append((_day(key, raw), True))
    (start, exact_start), (end, exact_end) = bounds
    if not (exact_start or exact_end) and (start.year, start.month) == (end.year, end.month):
        return Deadline(K.MONTH, start, end, label)
    return make_span(K.RANGE, label, (start, end), exact_start or exact_end)


def _month_values(v: dict, year: int | None, period: Period | None, label: str) -> Deadline:
    raw = v["months"]
    if not isinstance(raw, list | tuple) or not raw:
        raise _bad("months", "непустой список месяцев ([2023-01, 2023-02])", raw)
    items = [_month("months", m) for m in raw]
    if len({y is None for _, y in items}) > 1:
        raise DeadlineError("срок: ключ «months» — укажите год у всех месяцев или ни у одного")
    return make_months(label, items, period)


def _part(v: dict, year: int | None, period: Period | None, label: str) -> Deadline:
    half = "half_year" in v
    key = "half_year" if half else "quarter"
    number = _int(key, v[key], 1, 2 if half else 4)
    return make_numbered(half, number, number, (year, None), label, period)


def _untracked(v: dict, year: int | None, period: Period | None, label: str) -> Deadline:
    """{text: …}: the words are printed as given and the deadline is not tracked."""
    words = _text_value("text", v["text"], "по мере поступления заявок")
    return make_whole(K.TEXT, words, period)


_STRUCTURED: dict[str, Handler] = {
    "text": _untracked,
    "on": lambda v, y, p, t: make_span(K.DATE, t, (_day("on", v["on"]),) * 2),
    "before": lambda v, y, p, t: make_before(_day("before", v["before"]), t, p),
    "schedule": _schedule,
    "every": lambda v, y, p, t: make_recurring(t, p, _recurrence_value(v)),
    "on_demand": _on_demand,
    "whole_period": _whole_period,
    "from": _from_to,
    "quarter": _part,
    "half_year": _part,
    "month": lambda v, y, p, t: make_months(t, [_month("month", v["month"], y)], p),
    "months": _month_values,
    "year": lambda v, y, p, t: Deadline(K.YEAR, *year_window(y), t),
}


def parse_structured(value: dict, period: Period | None) -> Deadline:
    """Срок из словаря ({on: …}, {from: …, to: …}, {every: year, times: 2} …).

    Its ``text`` is the dict as «key: value» pairs; :func:`shnor_docs.deadlines.parse_deadline`
    replaces it with the official wording.
    """
    unknown = [k for k in value if k not in _KEYS]
    if unknown:
        raise DeadlineError(
            f"срок: неизвестный ключ {quote(unknown[0])}; допустимы: {', '.join(_KEYS)}"
        )
    main = next((k for k in _MAIN_KEYS if k in value), None)
    if main is None:
        raise DeadlineError(f"срок: нужен один из ключей {', '.join(_MAIN_KEYS)}")
    extra = [k for k in value if k != main and k not in _EXTRA_KEYS.get(main, ())]
    if extra:
        raise DeadlineError(f"срок: ключ «{extra[0]}» нельзя сочетать с ключом «{main}»")
    year = _int("year", value["year"], MIN_YEAR, MAX_YEAR) if "year" in value else None
    label = ", ".join(f"{k}: {v}" for k, v in value.items())
    return _STRUCTURED[main](value, year, period, label)
