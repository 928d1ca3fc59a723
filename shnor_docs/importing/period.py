"""The programme's period, which the spec needs and a Word document rarely states as such.

It is looked for where documents put it: the appendix's title and subtitle («на 2021-2023
гг.», «на 2020/2021 учебный год»), the act's title, a passport row «Сроки реализации …». Failing
those, the year of the act stands in, with a comment to check it.
"""

from __future__ import annotations

import datetime as dt
import re

_ACADEMIC = re.compile(r"(20\d\d)\s*[/–—-]\s*(20\d\d)\s*(?:учебн\w*\s+год\w*|уч\.?\s*г)", re.I)
_RANGE = re.compile(r"(20\d\d)\s*[-–—]\s*(20\d\d)\s*(?:гг?\.?|годы|года|год)?")
_YEAR = re.compile(r"\bна\s+(20\d\d)\s*(?:г\.|год)", re.I)


def find_period(texts: list[str]) -> str | None:
    """«2021-2023», «2020/2021» or «2023» from the first text that names a period."""
    for text in texts:
        if not text:
            continue
        if academic := _ACADEMIC.search(text):
            return f"{academic[1]}/{academic[2]}"
        if span := _RANGE.search(text):
            if int(span[1]) <= int(span[2]) <= int(span[1]) + 10:
                return f"{span[1]}-{span[2]}"
        if year := _YEAR.search(text):
            return year[1]
    return None


def fallback_period(date: dt.date | None) -> str:
    """The act's calendar year; an act from September on a school year starts: its year."""
    return str((date or dt.date.today()).year)
