"""The last touches of a DOCX: page setup of every section, fonts, properties, fixed bytes."""

from __future__ import annotations

from typing import Any

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt

from shnor_docs.render.docx_meta import finish_package, properties
from shnor_docs.render.package import docx_bytes


def set_page(sect: Any, landscape: bool, form: dict[str, Any], first: bool = False) -> None:
    """Page size, orientation and margins of one section from the form profile; the first
    section has its own first page (no page number on it)."""
    margins = form["landscape_margins" if landscape else "margins"]
    size = sect.find(qn("w:pgSz"))
    width, height = (Mm(297), Mm(210)) if landscape else (Mm(210), Mm(297))
    size.set(qn("w:w"), str(int(width.twips)))
    size.set(qn("w:h"), str(int(height.twips)))
    size.set(qn("w:orient"), "landscape" if landscape else "portrait")
    mar = sect.find(qn("w:pgMar"))
    for side in ("left", "right", "top", "bottom"):
        mar.set(qn(f"w:{side}"), str(int(Mm(margins[side]).twips)))
    title_pg = sect.find(qn("w:titlePg"))
    if first and title_pg is None:
        sect.append(parse_xml(f"<w:titlePg {nsdecls('w')}/>"))
    elif not first and title_pg is not None:
        sect.remove(title_pg)


def finish(doc: Any, ctx: dict[str, Any], document: dict[str, Any], meta: dict[str, Any]) -> bytes:
    """Fonts the programme sets, Russian language and settings, the document's own properties
    (its title: the act's for the act, the appendix's for an appendix), reproducible bytes."""
    _fonts(doc, meta.get("form_overrides", {}))
    finish_package(doc, ctx["form"].get("hyphenation", True))
    title = document.get("title") or ctx["programme"]["title"]
    properties(doc, title, ctx["authority"]["name"], meta["date"])
    return docx_bytes(doc)


def _fonts(doc: Any, overrides: dict[str, Any]) -> None:
    """Apply a programme's explicit font settings on top of the template's styles."""
    if not overrides:
        return
    styles = doc.styles
    if "font" in overrides:
        for style in styles:
            if getattr(style, "font", None) is not None and style.type == 1:
                style.font.name = overrides["font"]
    if "size" in overrides:
        styles["Normal"].font.size = Pt(overrides["size"])
    for name in ("ShnorCell", "ShnorCellList", "ShnorCellHead"):
        if "table_size" in overrides and name in [s.name for s in styles]:
            styles[name].font.size = Pt(overrides["table_size"])
