"""Paragraph and character styles: what a paragraph inherits (bold, alignment, numbering).

Word writes a property on the run, on the paragraph, or on a style that may be based on another
style. Recognition needs only a few of them, resolved here along the ``w:basedOn`` chain.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from docx.oxml.ns import qn

_FALSE = {"0", "false", "off", "none"}


@dataclass(frozen=True)
class StyleProps:
    """Properties a style gives its paragraphs or runs (None: not set by it)."""

    name: str = ""
    bold: bool | None = None
    align: str | None = None
    num: tuple[str, int] | None = None
    spacing: int | None = None


def on(element: Any) -> bool | None:
    """A toggle property (``<w:b/>``, ``<w:b w:val="0"/>``): True, False or None (absent)."""
    if element is None:
        return None
    return element.get(qn("w:val"), "true").lower() not in _FALSE


def num_of(ppr: Any) -> tuple[str, int] | None:
    """(numId, ilvl) of a ``w:pPr``; numId «0» switches numbering off."""
    numpr = ppr.find(qn("w:numPr")) if ppr is not None else None
    if numpr is None:
        return None
    num = numpr.find(qn("w:numId"))
    lvl = numpr.find(qn("w:ilvl"))
    num_id = num.get(qn("w:val"), "0") if num is not None else "0"
    try:
        ilvl = int(lvl.get(qn("w:val"), "0")) if lvl is not None else 0
    except ValueError:
        ilvl = 0
    return (num_id, ilvl)


def spacing_of(rpr: Any) -> int | None:
    found = rpr.find(qn("w:spacing")) if rpr is not None else None
    if found is None:
        return None
    try:
        return int(found.get(qn("w:val"), "0"))
    except ValueError:
        return None


class Styles:
    """The styles of one document, resolved along their ``basedOn`` chains, cached."""

    def __init__(self, element: Any) -> None:
        self._raw: dict[str, Any] = {}
        self._cache: dict[str, StyleProps] = {}
        self.default_bold = False
        if element is None:
            return
        for style in element.iterchildren(qn("w:style")):
            self._raw[style.get(qn("w:styleId"), "")] = style
        defaults = element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
        self.default_bold = bool(on(defaults.find(qn("w:b")))) if defaults is not None else False

    def props(self, style_id: str | None) -> StyleProps:
        """The resolved properties of a style (empty for an unknown or missing one)."""
        if not style_id or style_id not in self._raw:
            return StyleProps()
        if style_id not in self._cache:
            self._cache[style_id] = StyleProps()  # a cycle of basedOn ends here
            self._cache[style_id] = self._resolve(self._raw[style_id])
        return self._cache[style_id]

    def _resolve(self, style: Any) -> StyleProps:
        based = style.find(qn("w:basedOn"))
        parent = self.props(based.get(qn("w:val")) if based is not None else None)
        ppr, rpr = style.find(qn("w:pPr")), style.find(qn("w:rPr"))
        name = style.find(qn("w:name"))
        jc = ppr.find(qn("w:jc")) if ppr is not None else None
        bold = on(rpr.find(qn("w:b"))) if rpr is not None else None
        spacing = spacing_of(rpr)
        return StyleProps(
            name=name.get(qn("w:val"), "") if name is not None else "",
            bold=parent.bold if bold is None else bold,
            align=jc.get(qn("w:val")) if jc is not None else parent.align,
            num=num_of(ppr) or parent.num,
            spacing=parent.spacing if spacing is None else spacing,
        )
