"""Shapes of text that Markdown cannot render in reasonable time, refused where they are written.

Long texts are Markdown, and python-markdown (used by the documents) is slow or recursive on
some shapes no official writes: a list nested 300 levels deep ends in RecursionError, 16,000
«[» take 41 s, a staircase of 400 ever deeper quotes («>», «>>», …) takes over a minute. The
loader refuses them with the position of the value (code S015), so that neither ``validate``
nor ``build`` ever reaches the slow path.
"""

from __future__ import annotations

import re

MAX_BRACKETS = 200  # «[» in one text: 200 take 0.03 s, real texts hold a few
MAX_INDENT = 40  # columns of a line's indentation: twenty levels of a list nested by two
MAX_QUOTE_DEPTH = 10  # «>» opening one line

_INDENT = re.compile(rf"^[ \t]{{{MAX_INDENT // 4 + 1},}}", re.M)
_QUOTES = re.compile(rf"^(?:[ \t]*>){{{MAX_QUOTE_DEPTH + 1},}}", re.M)


def text_problem(text: str) -> str | None:
    """Why ``text`` cannot be rendered as Markdown (a Russian sentence), or None."""
    brackets = text.count("[")
    if brackets > MAX_BRACKETS:
        return (
            f"в тексте {brackets} знаков «[» (допустимо не больше {MAX_BRACKETS}): разметка "
            "Markdown разбирала бы его слишком долго; уберите лишние скобки"
        )
    if "\n" not in text and not text.startswith((" ", "\t", ">")):
        return None
    for match in _INDENT.finditer(text):
        width = len(match.group().expandtabs(4))
        if width > MAX_INDENT:
            return (
                f"строка текста с отступом {width} пробелов (допустимо не больше {MAX_INDENT}): "
                "так глубоко вложенные списки не разобрать; уменьшите вложенность"
            )
    match = _QUOTES.search(text)
    if match:
        return (
            f"цитата вложена на {match.group().count('>')} уровней (допустимо не больше "
            f"{MAX_QUOTE_DEPTH}): так глубокие цитаты разбираются слишком долго"
        )
    return None
