"""A small YAML writer that keeps comments: block style, Russian as is, lines of 100 columns.

PyYAML cannot write comments, and an import must leave «# проверьте: …» beside the values it
is unsure of. The data is plain dicts, lists and scalars; a value wrapped in :class:`Note`
carries comment lines written above its key or list item. Long strings are folded (``>-``) at
word boundaries, multi-line ones written literally (``|-``); :class:`Markdown` text is soft-
wrapped inside its paragraphs, which Markdown reads back as the same text. Anything that a
block style cannot hold exactly is double-quoted.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import textwrap
from dataclasses import dataclass, field
from typing import Any

import yaml

WIDTH = 100
_STR = "tag:yaml.org,2002:str"
_RESOLVER = yaml.resolver.Resolver()
_INDICATORS = set("-?:,[]{}#&*!|>'\"%@`")
_ITEM = re.compile(r"^(\s*(?:[-+*]|\d+[.)])\s+)")


class Markdown(str):
    """Text read as Markdown: single line breaks inside a paragraph do not matter."""


@dataclass
class Note:
    """A value with comment lines above it («проверьте: …», «ДЕФЕКТ ИСХОДНОГО ДОКУМЕНТА: …»)."""

    value: Any
    comments: list[str] = field(default_factory=list)


def document(data: dict[str, Any], header: list[str]) -> str:
    """A whole YAML file: the header comment lines, then ``data``."""
    lines = [out for line in header for out in (_comments([line], 0) if line else ["#"])]
    if lines:
        lines.append("")
    lines += _mapping(data, 0)
    return "\n".join(lines) + "\n"


def _comments(notes: list[str], indent: int) -> list[str]:
    pad = " " * indent
    out = []
    for note in notes:
        wrapped = textwrap.wrap(note, WIDTH - indent - 2, break_long_words=False,
                                break_on_hyphens=False) or [""]
        out += [f"{pad}# {line}" for line in wrapped]
    return out


def _unwrap(value: Any) -> tuple[Any, list[str]]:
    return (value.value, value.comments) if isinstance(value, Note) else (value, [])


def _mapping(data: dict[str, Any], indent: int) -> list[str]:
    lines: list[str] = []
    for key, raw in data.items():
        value, notes = _unwrap(raw)
        if value is None or value == [] or value == {}:
            continue
        lines += _comments(notes, indent)
        lines += _entry(f"{' ' * indent}{key}:", value, indent)
    return lines


def _entry(lead: str, value: Any, indent: int) -> list[str]:
    """``lead`` («key:» or «- ») followed by ``value`` at nesting ``indent``."""
    if isinstance(value, dict):
        return [lead.rstrip(), *_mapping(value, indent + 2)]
    if isinstance(value, list):
        flow = _flow(value)
        if flow is not None and len(lead) + 1 + len(flow) <= WIDTH:
            return [f"{lead} {flow}"]
        return [lead.rstrip(), *_sequence(value, indent + 2)]
    return _scalar(lead, value, indent + 2)


def _sequence(items: list[Any], indent: int) -> list[str]:
    lines: list[str] = []
    pad = " " * indent
    for raw in items:
        value, notes = _unwrap(raw)
        lines += _comments(notes, indent)
        if isinstance(value, dict) and value:
            inner = _mapping(value, indent + 2)
            lines.append(f"{pad}- {inner[0].lstrip()}")
            lines += inner[1:]
        else:
            lines += _entry(f"{pad}-", value, indent)
    return lines


def _flow(items: list[Any]) -> str | None:
    """``[a, b]`` for a short list of plain words (identifiers, numbers)."""
    if not all(isinstance(i, str | int) and not isinstance(i, Note) for i in items):
        return None
    words = [str(i) for i in items]
    if any(not _plain(w) or set(w) & set(",[]{}") for w in words):
        return None
    return f"[{', '.join(words)}]"


def _scalar(lead: str, value: Any, indent: int) -> list[str]:
    if isinstance(value, bool):
        return [f"{lead} {'true' if value else 'false'}"]
    if isinstance(value, int | float):
        return [f"{lead} {value}"]
    if isinstance(value, dt.date):
        return [f"{lead} {value.isoformat()}"]
    text = str(value)
    room = WIDTH - len(lead) - 1
    if "\n" not in text and _plain(text) and len(text) <= room:
        return [f"{lead} {text}"]
    markdown = isinstance(value, Markdown)
    if "\n" in text and _literal_ok(text) and (markdown or all(
            indent + len(line) <= WIDTH for line in text.split("\n"))):
        return [f"{lead} |-", *_literal(text, indent, markdown)]
    if "\n" in text:  # its lines are too long to stand as they are: quoted, folded
        folded = yaml.safe_dump(text, default_style='"', width=WIDTH - len(lead) - 25,
                                allow_unicode=True).rstrip("\n").split("\n")
        return [f"{lead} {folded[0]}", *[" " * (indent + 2) + line.lstrip() for line in
                                          folded[1:]]]
    quoted = json.dumps(text, ensure_ascii=False)
    if "\n" not in text and (len(quoted) <= room or not _foldable(text)):
        return [f"{lead} {quoted}"]
    if "\n" not in text:
        return [f"{lead} >-", *[" " * indent + line for line in wrap(text, WIDTH - indent)]]
    return [f"{lead} {quoted}"]


def _plain(text: str) -> bool:
    """Whether ``text`` reads back from a plain scalar as the same string."""
    if not text or text != text.strip() or text[0] in _INDICATORS:
        return False
    if ": " in text or " #" in text or text.endswith(":") or "\t" in text:
        return False
    if any(ord(c) < 32 or c in "\u2028\u2029\ufeff\x85" for c in text):
        return False
    return _RESOLVER.resolve(yaml.ScalarNode, text, (True, False)) == _STR


def _foldable(text: str) -> bool:
    return (text == text.strip() and "  " not in text and "\t" not in text
            and not any(ord(c) < 32 or c in "\u2028\u2029\ufeff\x85" for c in text))


def _literal_ok(text: str) -> bool:
    lines = text.split("\n")
    if not lines[0] or lines[0][0] == " " or not lines[-1].strip():
        return False
    bad = any((ord(c) < 32 and c not in "\n\t") or c in "\u2028\u2029\ufeff\x85" for c in text)
    return not bad and all(line == line.rstrip() for line in lines)


def _literal(text: str, indent: int, markdown: bool) -> list[str]:
    pad = " " * indent
    out = []
    for line in text.split("\n"):
        if not line:
            out.append("")
        elif not markdown or len(pad) + len(line) <= WIDTH or "  " in line.strip():
            out.append(pad + line)
        else:
            item = _ITEM.match(line)
            lead = item.group(1) if item else re.match(r"\s*", line).group(0)
            rest = " " * len(lead)
            wrapped = wrap(line[len(lead):], WIDTH - indent - len(lead))
            out += [pad + (lead if i == 0 else rest) + w for i, w in enumerate(wrapped)]
    return out


_NO_BREAK_BEFORE = re.compile(r"^(?:[-+*#]|\d+[.)])$")


def wrap(text: str, width: int) -> list[str]:
    """Words on lines of at most ``width`` characters (a longer word stands alone, and so does
    a longer run that no break may split); never a line that starts like a Markdown list item
    or a heading (such a word takes the word before it along to the next line), never a break
    at a double space."""
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        if not current or len(current) + 1 + len(word) <= width or not word or \
                current.endswith(" "):
            current = f"{current} {word}" if current else word
        elif not _NO_BREAK_BEFORE.match(word):
            lines.append(current)
            current = word
        else:
            head, tail = _carry(current)
            if head:
                lines.append(head)
            current = f"{tail} {word}"
    return [*lines, current] if current else lines


def _carry(line: str) -> tuple[str, str]:
    """Split ``line`` before its last word that may start a line: (what stays, what goes)."""
    words = line.split(" ")
    for index in range(len(words) - 1, 0, -1):
        if not _NO_BREAK_BEFORE.match(words[index]):
            return " ".join(words[:index]), " ".join(words[index:])
    return "", line
