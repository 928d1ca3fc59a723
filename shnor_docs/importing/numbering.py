"""Word's automatic list numbering (``w:numPr``): the numbers a reader sees, computed.

Most real orders number their points with Word's lists, so the digits are not in the text.
They are computed here as Word does: a paragraph names a list instance (``w:numId``) and a
level (``w:ilvl``); the instance points to an abstract definition whose levels give the start
value, the number format and the label pattern («%1.%2.»). Instances of one definition share
their counters unless an instance restarts a level (``w:startOverride``); numbering a level
restarts every deeper level. A paragraph style may carry the numbering too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from docx.oxml.ns import qn

BULLETS = {"\uf0b7": "•", "\uf0a7": "▪", "\uf02d": "–", "\uf0d8": "•", "o": "◦", "": "•"}
_RUSSIAN = "абвгдежзиклмнопрстуфхцчшщэюя"
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


@dataclass
class Level:
    """One level of a list definition."""

    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    legal: bool = False


@dataclass
class Label:
    """The number (or bullet) a paragraph shows, and its level."""

    text: str
    level: int
    bullet: bool


def _val(element: Any, tag: str, default: str | None = None) -> str | None:
    found = element.find(qn(tag)) if element is not None else None
    return found.get(qn("w:val"), default) if found is not None else default


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


@dataclass
class Numbering:
    """The list definitions of a document and the counters of a reading in document order."""

    abstract: dict[str, dict[int, Level]] = field(default_factory=dict)
    nums: dict[str, tuple[str, dict[int, int]]] = field(default_factory=dict)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)

    @classmethod
    def read(cls, element: Any) -> Numbering:
        """From the root of ``word/numbering.xml`` (None: a document without lists)."""
        found = cls()
        if element is None:
            return found
        for node in element.iterchildren(qn("w:abstractNum")):
            levels = {}
            for lvl in node.iterchildren(qn("w:lvl")):
                levels[_int(lvl.get(qn("w:ilvl")), 0)] = Level(
                    _int(_val(lvl, "w:start"), 1),
                    _val(lvl, "w:numFmt", "decimal") or "decimal",
                    _val(lvl, "w:lvlText", "") or "",
                    lvl.find(qn("w:isLgl")) is not None,
                )
            found.abstract[node.get(qn("w:abstractNumId"), "")] = levels
        for node in element.iterchildren(qn("w:num")):
            overrides = {}
            for over in node.iterchildren(qn("w:lvlOverride")):
                start = _val(over, "w:startOverride")
                if start is not None:
                    overrides[_int(over.get(qn("w:ilvl")), 0)] = _int(start, 1)
            found.nums[node.get(qn("w:numId"), "")] = (_val(node, "w:abstractNumId", "") or "",
                                                       overrides)
        return found

    def label(self, num_id: str, ilvl: int) -> Label | None:
        """Count one paragraph of list ``num_id`` at level ``ilvl``; its label."""
        if num_id not in self.nums:
            return None
        abstract_id, overrides = self.nums[num_id]
        levels = self.abstract.get(abstract_id, {})
        key = f"num:{num_id}" if overrides else f"abstract:{abstract_id}"
        counters = self.counters.setdefault(key, {})
        level = levels.get(ilvl, Level())
        start = overrides.get(ilvl, level.start)
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if level.fmt == "bullet":
            return Label(BULLETS.get(level.text, level.text) or "•", ilvl, True)
        if level.fmt == "none":
            return Label(level.text.replace("%", ""), ilvl, False)
        return Label(self._text(levels, level, counters, ilvl), ilvl, False)

    def _text(self, levels: dict[int, Level], level: Level, counters: dict[int, int],
              ilvl: int) -> str:
        text = level.text
        for index in range(ilvl + 1):
            own = levels.get(index, Level())
            value = counters.get(index, own.start)
            fmt = "decimal" if level.legal and index < ilvl else own.fmt
            text = text.replace(f"%{index + 1}", format_number(value, fmt))
        return text


def format_number(value: int, fmt: str) -> str:
    """A counter in a Word number format: decimal, letters, Roman or Russian letters."""
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        roman, rest = "", value
        for amount, digits in _ROMAN:
            while rest >= amount:
                roman, rest = roman + digits, rest - amount
        return roman.upper() if fmt == "upperRoman" else roman
    if fmt in ("russianLower", "russianUpper"):
        letter = _RUSSIAN[(value - 1) % len(_RUSSIAN)] * ((value - 1) // len(_RUSSIAN) + 1)
        return letter.upper() if fmt == "russianUpper" else letter
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)
