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


def closest(word: str, choices: list[str]) -> str | None:
    """The choice most like ``word`` (a misspelt key, reference or column), if one is close."""
    import difflib  # only a message about a misspelling needs it

    found = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return found[0] if found else None


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


_BREAKS = re.compile(r"[\r\n\t\v\f\x1c-\x1f\x85\u2028\u2029]+")
#: Input quoted in a message is cut to about this many characters.
QUOTE_LIMIT = 200
#: No message is longer than this, whatever it quotes.
MESSAGE_LIMIT = 2000


def clip(value: object, limit: int = QUOTE_LIMIT) -> str:
    """Input as a message quotes it: one line, at most about ``limit`` characters.

    A spec value may be megabytes long (a deadline, a template's tag, a key); the message names
    the start of it and its length instead of repeating it whole.
    """
    text = str(value)
    head = _BREAKS.sub(" ", text[: limit + 1])
    if len(text) <= limit:
        return head
    return f"{head[: limit - 1].rstrip()}… ({plural(len(text), 'знак', 'знака', 'знаков')})"


def quote(value: object, limit: int = QUOTE_LIMIT) -> str:
    """«value», cut as :func:`clip` cuts it."""
    return f"«{clip(value, limit)}»"


def bounded(message: str, limit: int = MESSAGE_LIMIT) -> str:
    """A whole message cut to ``limit`` characters: the last guard against quoting megabytes."""
    if len(message) <= limit:
        return message
    return message[: limit - 1] + "…"


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
