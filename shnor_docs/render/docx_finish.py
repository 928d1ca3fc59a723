"""The last touches of a DOCX: page setup of every section, fonts, properties, fixed bytes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm

from shnor_docs.render.docx_meta import finish_package, properties
from shnor_docs.render.package import docx_bytes
from shnor_docs.render.profile import apply_styles


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


def finish_template(doc: Any, form: dict[str, Any], fields: set[str]) -> None:
    """What every file of a template gets alike: the fonts the programme sets (``fields``),
    Russian language and settings, no leftovers of python-docx."""
    apply_styles(doc, form, fields)
    finish_package(doc, form.get("hyphenation", True))


def finish(
    doc: Any,
    ctx: dict[str, Any],
    document: dict[str, Any],
    meta: dict[str, Any],
    check: Callable[[dict[str, bytes]], None] | None = None,
    known: dict[Any, bytes] | None = None,
) -> bytes:
    """The document's own properties (its title: the act's for the act, the appendix's for an
    appendix), reproducible bytes; ``check`` sees the parts before they are zipped, ``known``
    holds the bytes of parts serialized before (see :mod:`shnor_docs.render.docx_base`)."""
    title = document.get("title") or ctx["programme"]["title"]
    properties(doc, title, ctx["authority"]["name"], meta["date"])
    return docx_bytes(doc, check, known)
