"""Dates and years as officials write them: «30.12.2020», «30 декабря 2020 г.», «2020/2021»."""

from __future__ import annotations

import re
from datetime import date

from shnor_docs.deadlines.calendar import MONTH_WORDS
from shnor_docs.deadlines.types import DeadlineError, check_year
from shnor_docs.text import quote

_ACADEMIC_RE = re.compile(
    r"(\d{4})\s*[-/]\s*(\d{4})\s*(?:уч\.?\s*г(?:од)?[а-я]*\.?|учебн[а-я]*\s+год[а-я]*)"
)
_YEAR_SUFFIX_RE = re.compile(r"(\d{4})\s*(?:гг?\.?|год[а-я]*)(?![а-я])")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_NUM_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})(?:\.(\d{4}))?")
_WORD_DATE = re.compile(r"(\d{1,2}) ([а-я]+)(?: (\d{4}))?")
_QUOTES = re.compile(r"[«»\"“”„]")
_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
_SLASHED_YEARS = re.compile(r"(\d{4})\s*/\s*(\d{4})")


def normalise(text: str) -> str:
    """Нижний регистр, один вид тире и пробелов, годы без «г.»/«года», учебный год как 2020/2021."""
    s = text.lower().replace("ё", "е").replace("і", "i")
    s = _QUOTES.sub("", s)
    s = _DASHES.sub("-", s)
    s = _ACADEMIC_RE.sub(r"\1/\2", s)
    s = _SLASHED_YEARS.sub(r"\1/\2", s)
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
    month 13) or a year outside 1900–2100 raises :class:`DeadlineError`.
    """
    parts = _date_parts(normalise(text), year)
    if parts is None or parts[0] is None:
        return None
    try:
        return date(check_year(parts[0], text.strip()), parts[1], parts[2])
    except DeadlineError:
        raise
    except ValueError:
        raise DeadlineError(f"дата {quote(text.strip())} не существует") from None
