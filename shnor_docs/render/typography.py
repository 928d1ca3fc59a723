"""Official Russian typography on plain text and small text helpers (no morphology)."""

from __future__ import annotations

import re
from functools import lru_cache

from shnor_docs.text import plural

NBSP = "\u00a0"
EN_DASH = "\u2013"
EM_DASH = "\u2014"

_MONTHS = "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
_SURNAME = r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"
_INITIALS = r"([А-ЯЁ])\.[ \t\u00a0]?([А-ЯЁ])\."

_SPACES = re.compile(r"(?<=\S)[ \t]{2,}(?=\S)")
_DOUBLE_HYPHEN = re.compile(r"(?<!-)--(?!-)")
_YEAR_RANGE = re.compile(
    r"\b((?:19|20)\d\d)[ \t\u00a0]*[-\u2013\u2014][ \t\u00a0]*((?:19|20)\d\d)\b"
)
_SPACED_HYPHEN = re.compile(r"(?<=\S)[ \t\u00a0]+-[ \t]+(?=\S)")
_NUMBER_SIGN = re.compile(r"№[ \t\u00a0]*(?=\w)")
_INITIALS_FIRST = re.compile(rf"(?<![\w.]){_INITIALS}[ \t\u00a0]*({_SURNAME})\b")
_SURNAME_FIRST = re.compile(
    rf"\b({_SURNAME})[ \t\u00a0]+{_INITIALS}(?![ \t\u00a0]*[А-ЯЁ][а-яё])(?![\w.])"
)
_WORD_DATE = re.compile(rf"\b(\d{{1,2}})[ \t\u00a0]+({_MONTHS})\b")
_YEAR_MARK = re.compile(r"(?<=\d)[ \t\u00a0]*(гг?\.)")
_ANY_MONTH = (
    r"(?:январ|феврал|апрел|сентябр|октябр|ноябр|декабр|июн|июл)[ьяе]|мая|май|мае"
    r"|марта?|марте|августа?|августе"
)
_MONTH_YEAR = re.compile(rf"(?i)\b({_ANY_MONTH})[ \t]+(\d{{4}})(?!\d)")
_YEAR_WORD = re.compile(r"\b(\d{4})[ \t]+(год(?:а|у|ы|ах|ов|ом)?)\b")
_DASH_AFTER_SPACE = re.compile(r"(?<=\S)[ \t]+([\u2013\u2014])(?=[ \t])")
_DIGIT = re.compile(r"\d")
_OPENING_CONTEXT = " \t\n\r\u00a0([{«„-\u2013\u2014/"


@lru_cache(maxsize=4096)
def typograph(text: str) -> str:
    """Apply the official typography rules; idempotent. Kept for texts that repeat (deadlines,
    names of parties and results stand in many rows of a plan).

    A rule runs only on a text holding a character it cannot match without (no rule adds or
    removes a digit): most texts need few of them."""
    text = text.strip()
    if "  " in text or "\t" in text:
        text = _SPACES.sub(" ", text)
    if "--" in text:
        text = _DOUBLE_HYPHEN.sub(EN_DASH, text)
    digits = _DIGIT.search(text) is not None
    if digits and ("-" in text or EN_DASH in text or EM_DASH in text):
        text = _YEAR_RANGE.sub(rf"\1{EN_DASH}\2", text)
    if "-" in text:
        text = _SPACED_HYPHEN.sub(f"{NBSP}{EN_DASH} ", text)
    if EN_DASH in text or EM_DASH in text:
        text = _DASH_AFTER_SPACE.sub(rf"{NBSP}\1", text)  # a dash never starts a line
    text = _quotes(text)
    if "№" in text:
        text = _NUMBER_SIGN.sub(f"№{NBSP}", text)
    if "." in text:
        text = _INITIALS_FIRST.sub(rf"\1.\2.{NBSP}\3", text)
        text = _SURNAME_FIRST.sub(rf"\1{NBSP}\2.\3.", text)
    if digits:
        text = _WORD_DATE.sub(rf"\1{NBSP}\2", text)
        text = _MONTH_YEAR.sub(rf"\1{NBSP}\2", text)  # «января 2021», «Февраль 2023 г.»
        text = _YEAR_WORD.sub(rf"\1{NBSP}\2", text)  # «2021 года»
        if "г." in text:
            text = _YEAR_MARK.sub(rf"{NBSP}\1", text)
    return text


def _quotes(text: str) -> str:
    """Replace straight double quotes by «ёлочки», with „лапки“ inside them."""
    if '"' not in text:
        return text
    out: list[str] = []
    stack: list[str] = []
    for index, char in enumerate(text):
        if char == "«":
            stack.append("«")
        elif char == "»" and stack:
            stack.pop()
        elif char == '"':
            previous = text[index - 1] if index else " "
            if stack and previous not in _OPENING_CONTEXT:
                char = "»" if stack.pop() == "«" else "“"
            else:
                char = "„" if stack else "«"
                stack.append(char)
        out.append(char)
    return "".join(out)


def capitalize_first(text: str) -> str:
    """Upper-case the first letter, leaving the rest as it is."""
    for index, char in enumerate(text):
        if char.isalpha():
            return text[:index] + char.upper() + text[index + 1 :]
    return text


def match_case(original: str, new: str) -> str:
    """Carry the capitalisation of the original word over to its new form."""
    if original.isupper() and len(original) > 1:
        return new.upper()
    if original[:1].isupper():
        return new[:1].upper() + new[1:]
    return new


def join_ru(items: list[str]) -> str:
    """Join items the Russian way: «А», «А и Б», «А, Б и В»."""
    items = [item for item in items if item]
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + " и " + items[-1]


def plural_days(n: int) -> str:
    """«1 день», «2 дня», «5 дней»."""
    return plural(n, "день", "дня", "дней")
