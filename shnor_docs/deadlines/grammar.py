"""Грамматика сроков: формулировки чиновников -> Deadline.

Grammar of deadlines, used through :func:`shnor_docs.deadlines.parse_deadline`: an ordered list
of rules over the normalised text (lower case, one kind of dash, years without «г.»). Deadlines
are built by :mod:`shnor_docs.deadlines.make`; the structured (dict) form is
:mod:`shnor_docs.deadlines.forms`. Standard library only.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from shnor_docs.deadlines.accepted import STRUCTURED_FORMS, UNPARSED
from shnor_docs.deadlines.calendar import (
    MONTH_WORDS,
    frequency_text,
    recurrence_text,
    span,
    year_window,
)
from shnor_docs.deadlines.make import (
    THE_YEAR,
    lower_first,
    make_before,
    make_dates,
    make_external,
    make_months,
    make_numbered,
    make_placed,
    make_recurring,
    make_span,
    make_whole,
    parse_recurrence,
    place,
    tidy,
)
from shnor_docs.deadlines.reading import normalise, to_date
from shnor_docs.deadlines.types import Deadline, DeadlineError, Period, check_year
from shnor_docs.deadlines.types import DeadlineKind as K
from shnor_docs.text import quote

Rule = Callable[[str, str, Period | None], Deadline | None]
#: The longest deadline read: real ones are under 150 characters, and the rules' regular
#: expressions then stay fast whatever the text holds.
MAX_TEXT = 300

# --- text rules ------------------------------------------------------------------------------

_ON_DEMAND = re.compile(
    r"(?:по|при) (?:мере )?(?:потребност|необходимост|запрос|требовани|обращени|заявк)"
)
_EXTERNAL = re.compile(
    r"(?:по|согласно) ((?:(?:спец\.|специальн\S*|отдельн\S*|утвержденн\S*|утверждённ\S*) ?)?"
    r"(?:план|график|календар|расписани|приказ|регламент|положени|программ"
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
_DATE_LIST = re.compile(
    rf"(?P<before>(?:(?:в )?срок )?(?:до|не позднее) )?(?P<list>(?:(?:{_D_OPT})(?:,| и|, и) )+"
    rf"(?:{_D}))"
)
_ONE_DATE = re.compile(rf"(?:в срок )?({_D})")
_TOKEN = re.compile(
    r" ?(?:(?P<iso>\d{4})-(?P<iso_m>\d{1,2})(?![\d.])|(?P<mm>\d{1,2})\.(?P<mm_y>\d{4})"
    r"|(?P<year>\d{4})|(?P<word>[а-я]+)|(?P<dash>-)|(?P<sep>[,;]))"
)
_LEAD = re.compile(r"^(?:в течение|на протяжении|в|с) ")


def _on_demand_rule(s: str, text: str, period: Period | None) -> Deadline | None:
    if not _ON_DEMAND.match(s):
        return None
    raw = tidy(text)
    condition = raw[3:] if raw[:3].lower() == "по " else lower_first(raw)
    return make_whole(K.ON_DEMAND, text, period, schedule=condition)


def _external_rule(s: str, text: str, period: Period | None) -> Deadline | None:
    m = _EXTERNAL.fullmatch(tidy(text))
    if m is None:
        return None
    body, frequency = m[1], None
    tail = _FREQ_TAIL.search(body)
    if tail and (found := parse_recurrence(normalise(tail[1]))) is not None:
        body = body[: tail.start()]
        frequency = recurrence_text(frequency_text(found[0], found[1]), found[2])
    return make_external(text, body, frequency, period)


def _whole_rule(s: str, text: str, period: Period | None) -> Deadline | None:
    return make_whole(K.PERIOD, text, period) if _WHOLE.fullmatch(s) else None


def _recurring_rule(s: str, text: str, period: Period | None) -> Deadline | None:
    found = parse_recurrence(s)
    return None if found is None else make_recurring(text, period, found)


def _year_rule(s: str, text: str, period: Period | None) -> Deadline | None:
    if m := _YEAR.fullmatch(s):
        first = check_year(int(m[1]), text)
        if m[2] is None:
            return Deadline(K.YEAR, *year_window(first), text)
        return Deadline(K.YEAR, *year_window(first, True), text) if int(m[2]) == first + 1 else None
    if m := _YEARS.fullmatch(s):
        first, last = check_year(int(m[1]), text), check_year(int(m[2]), text)
        return make_span(K.RANGE, text, span(first, 1, last, 12))
    if not THE_YEAR.fullmatch(s):
        return None
    academic = period is not None and period.academic
    (start, end), _, placed = place(period, lambda y: year_window(y, academic), text)
    if placed:
        return Deadline(K.YEAR, start, end, text)
    return make_recurring(text, period, ("year", None, ()))


def _ordinal(word: str) -> int:
    return int(word) if word.isdigit() else _ORD_VALUE.get(word, _ORD_VALUE.get(word[:4], 0))


def _quarter_rule(s: str, text: str, period: Period | None) -> Deadline | None:
    m = _QUARTER.fullmatch(s)
    if m is None:
        return None
    half = m["what"].startswith("полугод")
    year, second = (
        check_year(int(m[key]), text) if m[key] else None for key in ("y", "y2")
    )
    if second is not None and (not half or year is None or second != year + 1):
        return None
    a = _ordinal(m["a"])
    return make_numbered(half, a, _ordinal(m["b"]) if m["b"] else a, (year, second), text, period)


def _date_list_rule(s: str, text: str, period: Period | None) -> Deadline | None:
    """«в срок до 30 января 2021 года и 20 июля 2021 года»: each date is tracked."""
    m = _DATE_LIST.fullmatch(s)
    if m is None:
        return None
    pieces = [p.strip() for p in re.split(r",? и |,", m["list"]) if p.strip()]
    last = to_date(pieces[-1])
    if last is None:
        return None
    days = [to_date(piece, last.year) for piece in pieces]
    if any(day is None for day in days):
        return None
    return make_dates(sorted(d for d in days if d), text, period, bool(m["before"]))


def _date_rule(s: str, text: str, period: Period | None) -> Deadline | None:
    if m := _BEFORE.fullmatch(s):
        day = to_date(m[1])
        return None if day is None else make_before(day, text, period)
    if m := _DATES.fullmatch(s):
        end = to_date(m[2])
        start = to_date(m[1], end.year) if end else None
        if start and end and start > end and not re.search(r"\d{4}", m[1]):
            start = to_date(m[1], end.year - 1)
        return (
            None if start is None or end is None else make_span(K.RANGE, text, (start, end), True)
        )
    if m := _ONE_DATE.fullmatch(s):
        day = to_date(m[1])
        return None if day is None else Deadline(K.DATE, day, day, text)
    return None


def _token(m: re.Match[str]) -> tuple[str, int, int | None] | None:
    if m["iso"] or m["mm"]:
        year, month = int(m["iso"] or m["mm_y"]), int(m["iso_m"] or m["mm"])
        if not 1 <= month <= 12:
            raise DeadlineError(f"месяц {quote(m[0].strip())} не существует")
        return "m", month, check_year(year, m[0].strip())
    if m["year"]:
        return "y", check_year(int(m["year"]), m[0].strip()), None
    if m["word"] in MONTH_WORDS:
        return "m", MONTH_WORDS[m["word"]], None
    link = {"и": ",", "по": "-", "до": "-"}.get(m["word"] or "", m["dash"] or m["sep"])
    return None if link is None else (link, 0, None)


def _tokens(s: str) -> list[tuple[str, int, int | None]] | None:
    s = _LEAD.sub("", s)
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
        return make_months(text, [(m, y) for m, y in items], period)
    (m1, y1), (m2, y2) = items
    y1 = y1 if y1 is not None or y2 is None else y2 - (m1 > m2)
    y2 = y2 if y2 is not None or y1 is None else y1 + (m2 < m1)
    if y1 is not None and y2 is not None:
        return (
            make_months(text, [(m1, y1)], period)
            if (y1, m1) == (y2, m2)
            else make_span(K.RANGE, text, span(y1, m1, y2, m2))
        )
    if m1 == m2:
        return make_months(text, [(m1, None)], period)
    return make_placed(K.RANGE, text, period, lambda y: span(y, m1, y + (m2 < m1), m2))


_RULES: tuple[Rule, ...] = (
    _on_demand_rule,
    _external_rule,
    _whole_rule,
    _recurring_rule,
    _year_rule,
    _quarter_rule,
    _date_list_rule,
    _date_rule,
    _month_rule,
)


def parse_text(value: str, period: Period | None) -> Deadline:
    """Срок из формулировки; DeadlineError с перечнем допустимых форм, если не разобран."""
    text = value.strip()
    if not text:
        raise DeadlineError(f"срок не указан; запишите его принятой формулировкой или структурой "
                            f"{STRUCTURED_FORMS}")
    if len(text) > MAX_TEXT:
        raise DeadlineError(
            f"срок {quote(text, 60)} длиннее {MAX_TEXT} знаков: так срок не пишется; подробности "
            "вынесите в примечание (note), а в сроке оставьте, например, «январь 2023 г.»"
        )
    s = normalise(text)
    for rule in _RULES:
        if (found := rule(s, text, period)) is not None:
            return found
    raise DeadlineError(
        f"{UNPARSED} {quote(text)}; запишите его принятой формулировкой (список — в конце "
        f"вывода) или структурой: {STRUCTURED_FORMS}"
    )
