"""Errors of a settings file in TOML: position and Russian text, as the YAML errors have them.

``tomllib`` says «Invalid value (at line 1, column 17)»; the user reads
``shnor.toml:1:17: ошибка S001 синтаксическая ошибка TOML: недопустимое значение``.
"""

from __future__ import annotations

import re

from shnor_docs.errors import Problem
from shnor_docs.location import Location
from shnor_docs.text import clip

#: The start of tomllib's English message → Russian.
MESSAGES_RU = {
    "Invalid statement": "недопустимая строка (ожидается «ключ = значение» или «[раздел]»)",
    "Expected newline or end of document after a statement":
        "после значения ожидается конец строки",
    "Expected '=' after a key in a key/value pair": "после ключа ожидается «=»",
    "Invalid value": "недопустимое значение (строки берутся в кавычки)",
    "Invalid initial character for a key part": "ключ начинается с недопустимого символа",
    "Cannot declare": "ключ или раздел уже объявлен",
    "Cannot overwrite a value": "значение уже задано",
    "Cannot mutate immutable namespace": "раздел уже задан встроенной таблицей",
    "Cannot redefine namespace": "раздел уже задан",
    "Duplicate inline table key": "ключ повторяется во встроенной таблице",
    "Expected ']' at the end of a table declaration": "не закрыта скобка «]» заголовка раздела",
    "Expected ']]' at the end of an array declaration": "не закрыты скобки «]]» заголовка",
    "Unclosed array": "не закрыта скобка «]» списка",
    "Unclosed inline table": "не закрыта скобка «}» таблицы",
    "Unterminated string": "не закрыта кавычка",
    "Unescaped '\\' in a string": "обратная косая черта «\\» в строке без экранирования",
    "Invalid hex value": "недопустимая шестнадцатеричная escape-последовательность",
    "Escaped character is not a Unicode scalar value": "escape-последовательность не символ",
    "Illegal character '\\n'": "не закрыта кавычка: строка кончилась раньше",
    "Illegal character": "недопустимый символ",
    "Found invalid character": "недопустимый символ",
    "Invalid date or datetime": "недопустимая дата или время",
    "Expected": "неожиданный символ",
}
_WHERE = re.compile(r"\s*\(at (?:line (\d+), column (\d+)|end of document)\)\s*$")


def toml_problem(exc: ValueError, text: str, shown: str) -> Problem:
    """The problem of a TOML syntax error, at its line and column."""
    english = str(exc)
    match = _WHERE.search(english)
    if match and match.group(1):
        where = Location(shown, int(match.group(1)), int(match.group(2)))
    elif match:  # at the end of the document
        lines = text.split("\n")
        where = Location(shown, len(lines), len(lines[-1]) + 1)
    else:
        where = Location(shown)
    problem = english[: match.start()] if match else english
    ru = next((v for k, v in MESSAGES_RU.items() if problem.startswith(k)), None)
    message = f"синтаксическая ошибка TOML: {ru}" if ru else "синтаксическая ошибка TOML"
    if ru is None or ru.startswith(("недопустимый символ", "неожиданный")):
        message += f" ({clip(problem, 80)})"
    return Problem(where, "S001", message)
