"""Reading requisites out of text: dates, numbers, names, and tidy text for the spec."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from shnor_docs.deadlines.calendar import MONTH_WORDS

_SPACES = re.compile(r"[ \u00a0\u202f\u2009\u2007\u2002\u2003\u200b]+")
_MONTH = "|".join(sorted(MONTH_WORDS, key=len, reverse=True))
_Q = "[«\"“„'‘’”»]"
#: «30 декабря 2020 г.», «« 06 » 10 2020 г.», «30.12.2020», «11.01.2023г.»
_DATES = (
    re.compile(rf"{_Q}?\s*(\d{{1,2}})\s*{_Q}?\s+({_MONTH})\s+(\d{{4}})\s*(?:г\.?|года?)?", re.I),
    re.compile(rf"{_Q}\s*(\d{{1,2}})\s*{_Q}\s*(\d{{1,2}})\s*[.\s]\s*(\d{{4}})\s*(?:г\.?|года?)?"),
    re.compile(r"(?<![\d.])(\d{1,2})\s?\.\s?(\d{1,2})\s?\.\s?(\d{4}|\d{2})(?![\d.]\d)\s*(?:г\.?|года?)?"),
)
_NUMBER = re.compile(r"(?:№|(?<![А-Яа-яA-Za-z])N(?=\s*\d))\s*([0-9A-Za-zА-Яа-яЁё][\w/.\-]*)")
INITIALS = r"[А-ЯЁ]\.\s?[А-ЯЁ]\."
SURNAME = r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"
_NAME_FIRST = re.compile(rf"(?<![\w.])({INITIALS})\s*({SURNAME})(?![\w])")
_NAME_LAST = re.compile(rf"(?<![\w.])({SURNAME})\s+({INITIALS})(?![\w.]|\s*[А-ЯЁ][а-яё])")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]])")
_MD_START = re.compile(r"^(\s*)([-+#]|\d+[.)])", re.M)


def clean(text: str) -> str:
    """One ordinary space for every run of spaces (no-break ones too), no edge spaces; tabs
    and line breaks stay."""
    return "\n".join(_SPACES.sub(" ", line).strip(" ") for line in text.split("\n")).strip()


def flat(text: str) -> str:
    """The text on one line: every run of whitespace one space."""
    return " ".join(_SPACES.sub(" ", text).split())


def letters(text: str) -> str:
    """Only the letters, upper-case: «П Р И К А З» → «ПРИКАЗ»."""
    return "".join(c for c in text if c.isalpha()).upper()


def letter_spaced(text: str) -> bool:
    """«п р и к а з ы в а ю:» — single letters separated by spaces."""
    words = text.replace(":", " ").split()
    return len(words) >= 4 and all(len(w) == 1 for w in words)


@dataclass(frozen=True)
class Found:
    """A date or a number found in a text, with where it stood."""

    value: object
    start: int
    end: int
    text: str


def find_date(text: str) -> Found | None:
    """The first date in ``text`` in any form officials write it."""
    best: Found | None = None
    for pattern in _DATES:
        match = pattern.search(text)
        if match is None or (best is not None and match.start() >= best.start):
            continue
        day, month, year = match.groups()
        month_no = MONTH_WORDS.get(month.lower()) if not month.isdigit() else int(month)
        year_no = int(year) + (2000 if len(year) == 2 else 0)
        try:
            found = dt.date(year_no, month_no or 0, int(day))
        except ValueError:
            continue
        best = Found(found, match.start(), match.end(), match.group(0))
    return best


def find_number(text: str) -> Found | None:
    """The registration number after «№»: «718-ОД», «5-а», «404»."""
    match = _NUMBER.search(text)
    if match is None:
        return None
    value = match.group(1).rstrip(".,;")
    return Found(value, match.start(), match.start(1) + len(value), match.group(0))


def names(text: str) -> list[tuple[str, str, int, int, bool]]:
    """People named in ``text``: (initials «Л.В.», surname, start, end, surname first)."""
    found = [(m[1].replace(" ", ""), m[2], m.start(), m.end(), False)
             for m in _NAME_FIRST.finditer(text)]
    taken = [(s, e) for _, _, s, e, _ in found]
    for m in _NAME_LAST.finditer(text):
        if not any(s < m.end() and m.start() < e for s, e in taken):
            found.append((m[2].replace(" ", ""), m[1], m.start(), m.end(), True))
    return sorted(found, key=lambda item: item[2])


def md_escape(text: str) -> str:
    """Plain text that Markdown prints as it is: its marks escaped, and no line that starts a
    list, a heading or a quote."""
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return _MD_START.sub(lambda m: f"{m[1]}{m[2][:-1]}\\{m[2][-1]}", text)


def lower_first(text: str) -> str:
    """«Методист» → «методист»; an abbreviation («МБУ») or a name in quotes stays."""
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text
