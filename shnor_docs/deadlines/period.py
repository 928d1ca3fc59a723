"""The programme period: «2021–2023», 2023, «2020/2021» (academic year) or {start, end}."""

from __future__ import annotations

import re
from datetime import date, datetime

from shnor_docs.deadlines.reading import normalise, to_date
from shnor_docs.deadlines.types import MAX_YEAR, MIN_YEAR, DeadlineError, Period
from shnor_docs.text import quote

_PERIOD_FORMS = "допустимые формы: 2021–2023; 2023; 2020/2021 (учебный год); {start: …, end: …}"
_YEARS = re.compile(r"(\d{4})(?: ?([-/]) ?(\d{4}))?")


def _check_year(year: int, text: object) -> int:
    """The same bounds for every form of the period: text, number and {start, end}."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise DeadlineError(
            f"в периоде {quote(text)} неверный год {year}: допустимы годы {MIN_YEAR}–{MAX_YEAR}; "
            f"{_PERIOD_FORMS}"
        )
    return year


def _period_date(key: str, raw: object) -> date:
    if isinstance(raw, date):
        found: date | None = raw.date() if isinstance(raw, datetime) else raw
    else:
        try:
            found = to_date(raw) if isinstance(raw, str) else None
        except DeadlineError as error:
            raise DeadlineError(f"период: ключ «{key}» — {error}") from None
    if found is None:
        raise DeadlineError(
            f"период: ключ «{key}» — ожидается дата (2021-01-01), получено {quote(raw)}"
        )
    _check_year(found.year, raw)
    return found


def _period_from_dict(value: dict) -> Period:
    unknown = sorted(str(k) for k in value if k not in ("start", "end", "academic"))
    if unknown:
        raise DeadlineError(f"период: неизвестный ключ {quote(unknown[0])}; допустимы start, end")
    for key in ("start", "end"):
        if key not in value:
            raise DeadlineError(f"период: нет ключа «{key}»; {_PERIOD_FORMS}")
    start, end = _period_date("start", value["start"]), _period_date("end", value["end"])
    academic = value.get("academic")
    if academic is None:
        academic = (start.month, start.day, end.month, end.day) == (9, 1, 8, 31)
    if not isinstance(academic, bool):
        raise DeadlineError(
            f"период: ключ «academic» — ожидается true или false: {quote(academic)}"
        )
    return Period(start, end, academic)


def parse_period(value: str | int | dict | Period) -> Period:
    """Период программы: «2021-2023», «2021–2023 гг.», 2023, «2020/2021» (учебный год), словарь."""
    if isinstance(value, Period):
        return value
    if isinstance(value, dict):
        return _period_from_dict(value)
    s = str(value) if isinstance(value, int) and not isinstance(value, bool) else value
    m = _YEARS.fullmatch(normalise(s)) if isinstance(s, str) else None
    if m is None:
        raise DeadlineError(f"не удалось разобрать период {quote(value)}; {_PERIOD_FORMS}")
    first, last = _check_year(int(m[1]), value), _check_year(int(m[3] or m[1]), value)
    if last < first or (m[2] == "/" and last == first):
        raise DeadlineError(f"в периоде {quote(value)} год окончания должен быть позже года начала")
    if m[2] == "/":
        return Period(date(first, 9, 1), date(last, 8, 31), academic=True)
    return Period(date(first, 1, 1), date(last, 12, 31))
