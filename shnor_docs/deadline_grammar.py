"""Грамматика сроков: формулировки чиновников и структурная форма срока -> Deadline.

Grammar of deadlines, used through :func:`shnor_docs.dates.parse_deadline`: an ordered list of
rules over the normalised text (lower case, one kind of dash, years without «г.»), then the
structured (dict) form. Standard library only.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from shnor_docs.dates import (
    ACCEPTED_FORMS,
    MONTH_WORDS,
    NBSP,
    Deadline,
    DeadlineError,
    Period,
    Window,
    frequency_text,
    half_window,
    month_window,
    normalise,
    place,
    quarter_window,
    recurrence_text,
    span,
    to_date,
    unit_windows,
    year_window,
)
from shnor_docs.dates import DeadlineKind as K

#: (unit, times (low, high) or None, months) — «2–3 раза в год», «ежегодно в сентябре».
Recurrence = tuple[str, tuple[int, int] | None, tuple[int, ...]]
Rule = Callable[[str, str, Period | None], Deadline | None]

# --- builders --------------------------------------------------------------------------------


def _need_period(period: Period | None, text: str) -> Period:
    if period is None:
        raise DeadlineError(
            f"срок «{text}» отсчитывается от периода программы, а период не задан; "
            "передайте период (например, 2021–2023) или укажите год"
        )
    return period


def _whole(kind: K, text: str, period: Period | None, **extra: Any) -> Deadline:
    p = _need_period(period, text)
    return Deadline(kind, p.start, p.end, text, **extra)


def _span(kind: K, text: str, window: Window, exact: bool = False) -> Deadline:
    if window[0] > window[1]:
        raise DeadlineError(f"в сроке «{text}» начало позже окончания")
    return Deadline(kind, window[0], window[1], text, exact_dates=exact)


def _placed(
    kind: K, text: str, period: Period | None, windows: Callable[[int], Window]
) -> Deadline:
    (start, end), occurrences, placed = place(period, windows, text)
    return Deadline(kind, start, end, text, occurrences, placed=placed)


def _before(day: date, text: str, period: Period | None) -> Deadline:
    start = period.start if period is not None and period.start <= day else day
    return Deadline(K.BEFORE, start, day, text)


def _months(text: str, items: list[tuple[int, int | None]], period: Period | None) -> Deadline:
    items = list(dict.fromkeys(items))
    if len(items) == 1:
        month, year = items[0]
        if year is not None:
            return Deadline(K.MONTH, *month_window(year, month), text)
        return _placed(K.MONTH, text, period, lambda y: month_window(y, month))
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
    return _whole(K.MONTHS, text, period, occurrences=occurrences, placed=False)


def _recurring(text: str, period: Period | None, recurrence: Recurrence) -> Deadline:
    unit, times, months = recurrence
    p = _need_period(period, text)
    occurrences = unit_windows(p, unit, months)
    if months and not occurrences:
        raise DeadlineError(f"месяцы срока «{text}» не попадают в период программы")
    frequency = frequency_text(unit, times)
    return Deadline(K.RECURRING, p.start, p.end, text, occurrences, frequency=frequency)


def _tidy(text: str) -> str:
    """Пробелы и хвостовая пунктуация; точка после «г.» сохраняется."""
    t = " ".join(text.split()).strip(" ,;:")
    if t.endswith(".") and not re.search(r"(?:\d|\s)гг?\.$", t):
        t = t.rstrip(". ,;:")
    return t


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _external(text: str, body: str, frequency: str | None, period: Period | None) -> Deadline:
    schedule = _lower_first(re.sub(r"(\d{4}) ?(гг?)\.?(?![а-я])", rf"\1{NBSP}\2.", _tidy(body)))
    m = re.search(r"\bна (\d{4})(?: ?([-–—/]) ?(\d{4}))?", schedule.replace(NBSP, " "))
    if m is None or int(m[3] or m[1]) < int(m[1]):
        return _whole(K.EXTERNAL, text, period, schedule=schedule, frequency=frequency)
    first, last = int(m[1]), int(m[3] or m[1])
    if m[2] == "/":
        window = year_window(first, True)[0], year_window(last - 1, True)[1]
    else:
        window = date(first, 1, 1), date(last, 12, 31)
    return Deadline(K.EXTERNAL, *window, text, schedule=schedule, frequency=frequency)


# --- text rules ------------------------------------------------------------------------------

_ON_DEMAND = re.compile(
    r"(?:по|при) (?:мере )?(?:потребност|необходимост|запрос|требовани|обращени|заявк)"
)
_EXTERNAL = re.compile(
    r"(?:по|согласно) ((?:план|график|календар|расписани|приказ|регламент|положени|программ"
    r"|дорожн|распоряжени)\S*.*)",
    re.I,
)
_FREQ_TAIL = re.compile(
    r"[\s,;]+((?:\d+ ?[-–—] ?)?\d* ?раза? в .+|(?:ежегодн|ежеполуг|ежекварт|ежемесячн).*)$", re.I
)
_WHOLE = re.compile(
    r"постоянно|весь период(?: .+)?|(?:в течение|на протяжении|в ходе) (?:всего )?"
    r"(?:периода|срока)(?: (?:реализации|действия|программы|проекта).*)?"
)
_COUNT = {"один": 1, "два": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6}
_N = r"\d+|один|два|три|четыре|пять|шесть"
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
_THE_YEAR = re.compile(rf"(?:в течение|на протяжении) {_A_YEAR}")
_YEAR = re.compile(r"(?:(?:в течение|на протяжении|в) )?(\d{4})(?:/(\d{4}))?")
_YEARS = re.compile(r"(?:(?:в течение|на протяжении|с) )?(\d{4}) ?(?:-|по) ?(\d{4})")
_ORD = r"iv|iii|ii|i|\d|перв[а-я]*|втор[а-я]*|трет[а-я]*|четв[а-я]*"
_QUARTER = re.compile(
    rf"(?:(?:в течение|в) )?(?P<a>{_ORD})(?: ?- ?(?P<b>{_ORD}))?(?:-?[а-я]{{1,2}})? "
    r"(?P<what>квартал[а-я]*|кв\.?|полугоди[а-я]*)(?: (?P<y>\d{4})(?:/(?P<y2>\d{4}))?)?"
)
_ORD_VALUE = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "перв": 1, "втор": 2, "трет": 3, "четв": 4}
_D = r"\d{1,2}\.\d{1,2}\.\d{4}|\d{4}-\d{1,2}-\d{1,2}|\d{1,2} [а-я]+ \d{4}"
_D_OPT = r"\d{1,2}\.\d{1,2}(?:\.\d{4})?|\d{4}-\d{1,2}-\d{1,2}|\d{1,2} [а-я]+(?: \d{4})?"
_BEFORE = re.compile(rf"(?:(?:в )?срок )?(?:до|не позднее|не позже|к) ({_D})(?: включительно)?")
_DATES = re.compile(rf"(?:в период |в срок )?(?:с )?({_D_OPT}) ?(?:-|по|до) ?({_D})")
_ONE_DATE = re.compile(rf"(?:в срок )?({_D})")
_TOKEN = re.compile(
    r" ?(?:(?P<iso>\d{4})-(?P<iso_m>\d{1,2})(?![\d.])|(?P<mm>\d{1,2})\.(?P<mm_y>\d{4})"
    r"|(?P<year>\d{4})|(?P<word>[а-я]+)|(?P<dash>-)|(?P<sep>[,;]))"
)


def _on_demand_rule(s: str, text: str, period: Period | None) -> Deadline | None:
    if not _ON_DEMAND.match(s):
        return None
    raw = _tidy(text)
    condition = raw[3:] if raw[:3].lower() == "по " else _lower_first(raw)
    return _whole(K.ON_DEMAND, text, period, schedule=condition)


def _external_rule(s: str, text: str, period: Period | None) -> Deadline | None:
    m = _EXTERNAL.fullmatch(_tidy(text))
    if m is None:
        return None
    body, frequency = m[1], None
    tail = _FREQ_TAIL.search(body)
    if tail and (found := _recurrence(normalise(tail[1]))) is not None:
        body = body[: tail.start()]
        frequency = recurrence_text(frequency_text(found[0], found[1]), found[2])
    return _external(text, body, frequency, period)


def _whole_rule(s: str, text: str, period: Period | None) -> Deadline | None:
    return _whole(K.PERIOD, text, period) if _WHOLE.fullmatch(s) else None


def _month_list(s: str) -> tuple[int, ...] | None:
    """«май, декабрь», «(май, декабрь)», «в мае и декабре» -> (5, 12); None — не месяцы."""
    words = [w for w in re.split(r"[,;() ]+", re.sub(r"^\(?в ", "", s.strip())) if w and w != "и"]
    months = tuple(dict.fromkeys(MONTH_WORDS.get(w, 0) for w in words))
    return months if months and 0 not in months else None


def _recurrence(s: str) -> Recurrence | None:
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
    rest = "" if _THE_YEAR.fullmatch(after) or _EVERY_YEAR.fullmatch(after) else after
    if before and rest:
        return None
    months = _month_list(before or rest) if before or rest else ()
    if months is None or (months and unit != "year") or (times and not 0 < times[0] <= times[1]):
        return None
    return unit, times, months


def _recurring_rule(s: str, text: str, period: Period | None) -> Deadline | None:
    found = _recurrence(s)
    return None if found is None else _recurring(text, period, found)


def _year_rule(s: str, text: str, period: Period | None) -> Deadline | None:
    if m := _YEAR.fullmatch(s):
        first = int(m[1])
        if m[2] is None:
            return Deadline(K.YEAR, *year_window(first), text)
        return Deadline(K.YEAR, *year_window(first, True), text) if int(m[2]) == first + 1 else None
    if m := _YEARS.fullmatch(s):
        return _span(K.RANGE, text, span(int(m[1]), 1, int(m[2]), 12))
    if not _THE_YEAR.fullmatch(s):
        return None
    academic = period is not None and period.academic
    (start, end), _, placed = place(period, lambda y: year_window(y, academic), text)
    if placed:
        return Deadline(K.YEAR, start, end, text)
    return _recurring(text, period, ("year", None, ()))


def _ordinal(word: str) -> int:
    return int(word) if word.isdigit() else _ORD_VALUE.get(word, _ORD_VALUE.get(word[:4], 0))


def _numbered(
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
        raise DeadlineError(f"в сроке «{text}» неверный номер {name}: допустимо от 1 до {limit}")
    year, second = years
    academic = second is not None or (year is None and period is not None and period.academic)

    def windows(y: int) -> Window:
        if half:
            return half_window(y, a, academic)[0], half_window(y, b, academic)[1]
        return quarter_window(y, a)[0], quarter_window(y, b)[1]

    kind = K.RANGE if a != b else K.HALF_YEAR if half else K.QUARTER
    if year is not None:
        return _span(kind, text, windows(year))
    return _placed(kind, text, period, windows)


def _quarter_rule(s: str, text: str, period: Period | None) -> Deadline | None:
    m = _QUARTER.fullmatch(s)
    if m is None:
        return None
    half = m["what"].startswith("полугод")
    year, second = (int(m["y"]) if m["y"] else None), (int(m["y2"]) if m["y2"] else None)
    if second is not None and (not half or year is None or second != year + 1):
        return None
    a = _ordinal(m["a"])
    return _numbered(half, a, _ordinal(m["b"]) if m["b"] else a, (year, second), text, period)


def _date_rule(s: str, text: str, period: Period | None) -> Deadline | None:
    if m := _BEFORE.fullmatch(s):
        day = to_date(m[1])
        return None if day is None else _before(day, text, period)
    if m := _DATES.fullmatch(s):
        end = to_date(m[2])
        start = to_date(m[1], end.year) if end else None
        if start and end and start > end and not re.search(r"\d{4}", m[1]):
            start = to_date(m[1], end.year - 1)
        return None if start is None or end is None else _span(K.RANGE, text, (start, end), True)
    if m := _ONE_DATE.fullmatch(s):
        day = to_date(m[1])
        return None if day is None else Deadline(K.DATE, day, day, text)
    return None


def _token(m: re.Match[str]) -> tuple[str, int, int | None] | None:
    if m["iso"] or m["mm"]:
        year, month = int(m["iso"] or m["mm_y"]), int(m["iso_m"] or m["mm"])
        if not 1 <= month <= 12:
            raise DeadlineError(f"месяц «{m[0].strip()}» не существует")
        return "m", month, year
    if m["year"]:
        return "y", int(m["year"]), None
    if m["word"] in MONTH_WORDS:
        return "m", MONTH_WORDS[m["word"]], None
    link = {"и": ",", "по": "-", "до": "-"}.get(m["word"] or "", m["dash"] or m["sep"])
    return None if link is None else (link, 0, None)


def _tokens(s: str) -> list[tuple[str, int, int | None]] | None:
    s = re.sub(r"^(?:в течение|на протяжении|в|с) ", "", s)
    tokens, pos = [], 0
    while pos < len(s):
        m = _TOKEN.match(s, pos)
        token = _token(m) if m else None
        if m is None or token is None:
            return None
        tokens.append(token)
        pos = m.end()
    # a stray dash before a year: «Январь - 2023г. Февраль 2023г.»
    stray = {
        i
        for i in range(1, len(tokens) - 1)
        if tokens[i][0] == "-" and tokens[i - 1][0] == "m" and tokens[i + 1][0] == "y"
    }
    return [t for i, t in enumerate(tokens) if i not in stray]


def _month_items(s: str) -> tuple[list[list[Any]], bool] | None:
    """Месяцы с годами (или None) и признак промежутка «январь – март»."""
    items: list[list[Any]] = []
    links: list[str] = []
    for kind, value, year in _tokens(s) or [("!", 0, None)]:
        complete = bool(items) and len(links) == len(items) - 1
        if kind == "m":
            links += [","] if complete else []
            items.append([value, year])
        elif kind == "y" and complete and items[-1][1] is None:
            items[-1][1] = value
        elif kind in ",-" and complete:
            links.append(kind)
        else:
            return None
    if not items or len(links) != len(items) - 1 or ("-" in links and len(items) != 2):
        return None
    return items, "-" in links


def _month_rule(s: str, text: str, period: Period | None) -> Deadline | None:
    parsed = _month_items(s)
    if parsed is None:
        return None
    items, is_range = parsed
    if not is_range:
        for order in (reversed(items), items):  # a year applies to the months before it
            known = None
            for item in order:
                item[1] = known = item[1] if item[1] is not None else known
        return _months(text, [(m, y) for m, y in items], period)
    (m1, y1), (m2, y2) = items
    y1 = y1 if y1 is not None or y2 is None else y2 - (m1 > m2)
    y2 = y2 if y2 is not None or y1 is None else y1 + (m2 < m1)
    if y1 is not None and y2 is not None:
        return (
            _months(text, [(m1, y1)], period)
            if (y1, m1) == (y2, m2)
            else _span(K.RANGE, text, span(y1, m1, y2, m2))
        )
    if m1 == m2:
        return _months(text, [(m1, None)], period)
    return _placed(K.RANGE, text, period, lambda y: span(y, m1, y + (m2 < m1), m2))


_RULES: tuple[Rule, ...] = (
    _on_demand_rule,
    _external_rule,
    _whole_rule,
    _recurring_rule,
    _year_rule,
    _quarter_rule,
    _date_rule,
    _month_rule,
)


def parse_text(value: str, period: Period | None) -> Deadline:
    """Срок из формулировки; DeadlineError с перечнем допустимых форм, если не разобран."""
    text = value.strip()
    if not text:
        raise DeadlineError(f"срок не указан; допустимые формы:\n{ACCEPTED_FORMS}")
    s = normalise(text)
    for rule in _RULES:
        if (found := rule(s, text, period)) is not None:
            return found
    raise DeadlineError(f"не удалось разобрать срок «{text}»; допустимые формы:\n{ACCEPTED_FORMS}")


# --- structured form -------------------------------------------------------------------------

_MAIN_KEYS = ("on", "before", "schedule", "every", "on_demand", "whole_period", "from")
_MAIN_KEYS += ("quarter", "half_year", "month", "months", "year")
_KEYS = (*_MAIN_KEYS, "to", "times")
_EXTRA_KEYS = {"from": ("to",), "quarter": ("year",), "half_year": ("year",), "month": ("year",)}
_EXTRA_KEYS |= {"every": ("times", "months"), "schedule": ("year", "every", "times", "months")}
_UNITS = ("year", "half_year", "quarter", "month")
Handler = Callable[[dict, Any, Period | None, str], Deadline]


def _bad(key: str, expected: str, got: object) -> DeadlineError:
    return DeadlineError(f"срок: ключ «{key}» — ожидается {expected}, получено «{got}»")


def _int(key: str, raw: object, low: int, high: int) -> int:
    value = int(raw) if isinstance(raw, str) and raw.strip().isdigit() else raw
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise _bad(key, f"целое число от {low} до {high}", raw)
    return value


def _day(key: str, raw: object) -> date:
    if isinstance(raw, date):
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
        return raw.month, raw.year
    if isinstance(raw, str) and (m := re.fullmatch(r"\s*(\d{4})-(\d{1,2})\s*", raw)):
        return _int(key, m[2], 1, 12), int(m[1])
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
    if not isinstance(raw, str) or not _tidy(raw):
        raise _bad(key, f"текст, например «{example}»", raw)
    return _tidy(raw)


def _schedule(v: dict, year: int | None, period: Period | None, label: str) -> Deadline:
    body = _text_value("schedule", v["schedule"], "плану работы Отдела образования")
    body = re.sub(r"^(?:по|согласно) ", "", body, flags=re.I)
    if year is not None and not re.search(r"\bна \d{4}", body):
        body += f" на {year} г."
    frequency = None
    if {"every", "times", "months"} & v.keys():
        unit, times, months = _recurrence_value(v)
        frequency = recurrence_text(frequency_text(unit, times), months)
    return _external(label, body, frequency, period)


def _on_demand(v: dict, year: int | None, period: Period | None, label: str) -> Deadline:
    condition = _text_value("on_demand", v["on_demand"], "потребности ОО")
    condition = _lower_first(re.sub(r"^по ", "", condition, flags=re.I))
    return _whole(K.ON_DEMAND, label, period, schedule=condition)


def _whole_period(v: dict, year: int | None, period: Period | None, label: str) -> Deadline:
    if v["whole_period"] is not True:
        raise _bad("whole_period", "true", v["whole_period"])
    return _whole(K.PERIOD, label, period)


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
    return _span(K.RANGE, label, (start, end), exact_start or exact_end)


def _month_values(v: dict, year: int | None, period: Period | None, label: str) -> Deadline:
    raw = v["months"]
    if not isinstance(raw, list | tuple) or not raw:
        raise _bad("months", "непустой список месяцев ([2023-01, 2023-02])", raw)
    items = [_month("months", m) for m in raw]
    if len({y is None for _, y in items}) > 1:
        raise DeadlineError("срок: ключ «months» — укажите год у всех месяцев или ни у одного")
    return _months(label, items, period)


def _part(v: dict, year: int | None, period: Period | None, label: str) -> Deadline:
    half = "half_year" in v
    key = "half_year" if half else "quarter"
    number = _int(key, v[key], 1, 2 if half else 4)
    return _numbered(half, number, number, (year, None), label, period)


_STRUCTURED: dict[str, Handler] = {
    "on": lambda v, y, p, t: _span(K.DATE, t, (_day("on", v["on"]),) * 2),
    "before": lambda v, y, p, t: _before(_day("before", v["before"]), t, p),
    "schedule": _schedule,
    "every": lambda v, y, p, t: _recurring(t, p, _recurrence_value(v)),
    "on_demand": _on_demand,
    "whole_period": _whole_period,
    "from": _from_to,
    "quarter": _part,
    "half_year": _part,
    "month": lambda v, y, p, t: _months(t, [_month("month", v["month"], y)], p),
    "months": _month_values,
    "year": lambda v, y, p, t: Deadline(K.YEAR, *year_window(y), t),
}


def parse_structured(value: dict, period: Period | None) -> Deadline:
    """Срок из словаря ({on: …}, {from: …, to: …}, {every: year, times: 2} …); text — render()."""
    unknown = [k for k in value if k not in _KEYS]
    if unknown:
        raise DeadlineError(f"срок: неизвестный ключ «{unknown[0]}»; допустимы: {', '.join(_KEYS)}")
    main = next((k for k in _MAIN_KEYS if k in value), None)
    if main is None:
        raise DeadlineError(f"срок: нужен один из ключей {', '.join(_MAIN_KEYS)}")
    extra = [k for k in value if k != main and k not in _EXTRA_KEYS.get(main, ())]
    if extra:
        raise DeadlineError(f"срок: ключ «{extra[0]}» нельзя сочетать с ключом «{main}»")
    year = _int("year", value["year"], 1900, 2100) if "year" in value else None
    label = ", ".join(f"{k}: {v}" for k, v in value.items())
    found = _STRUCTURED[main](value, year, period, label)
    return replace(found, text=found.render())
