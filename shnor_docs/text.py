"""Text helpers every stage shares: characters no document can hold, Russian plural forms,
the letters of an abbreviation in a phrase."""

from __future__ import annotations

import re
from collections.abc import Sequence

# XML 1.0 forbids most C0 control characters; officials paste them from other programs, and
# Python would even split words and lines at some of them (\x0b, \x0c, \x1c-\x1f).
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def strip_invalid(text: str) -> str:
    """Text without the characters XML 1.0 cannot hold."""
    return _INVALID_XML.sub("", text)


def plural_form(n: int, one: str, few: str, many: str) -> str:
    """The form of a noun that agrees with the number n: «1 день», «2 дня», «5 дней»."""
    n = abs(n)
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


def plural(count: int, one: str, few: str, many: str) -> str:
    """The count with the agreeing noun: «1 год», «2 года», «5 лет»."""
    return f"{count} {plural_form(count, one, few, many)}"


def spells(abbreviation: str, initials: Sequence[str]) -> bool:
    """Whether the capitals of ``abbreviation`` stand among ``initials`` in order (gaps
    allowed): «ГАУ ДПО СОИРО» in the first letters of «государственное автономное …»."""
    position = 0
    for letter in abbreviation.replace(" ", ""):
        while position < len(initials) and initials[position] != letter:
            position += 1
        if position == len(initials):
            return False
        position += 1
    return True
