"""Appendices put into the act's document as text, and the whole body parsed once.

Moving freshly parsed nodes into another lxml document costs time that grows with the square of
their number when they carry ``xml:space`` (every ``w:t`` does): half a minute for the two files
of a 2,500-activity roadmap. So the act's document is serialized with a marker before its final
section properties, the appendices' WordprocessingML is written in at the marker, and the result
is parsed once, with python-docx's element classes, keeping whitespace as docxtpl's parse did.
"""

from __future__ import annotations

from typing import Any

from docx.oxml.ns import nsmap
from docx.oxml.parser import element_class_lookup
from lxml import etree

from shnor_docs.render.errors import TemplateError

_MARK = "shnor-splice"
_MARK_TEXT = etree.tostring(etree.ProcessingInstruction(_MARK), encoding="unicode")
_PARSER = etree.XMLParser(resolve_entities=False)
_PARSER.set_element_class_lookup(element_class_lookup)


def splice(doc: Any, before: Any, xml: str, name: str) -> Any:
    """The document with the body elements of ``xml`` placed before ``before`` (an element of
    its body); the returned document replaces ``doc``, whose tree is no longer the part's.

    ``xml`` uses the prefix ``w`` (and any other the document's root declares)."""
    root = doc.element
    if root.nsmap.get("w") != nsmap["w"]:  # docxtpl's tags need it too
        raise TemplateError(
            name, "в шаблоне разметка Word записана без обычного префикса w: пересохраните "
            "шаблон в Word или LibreOffice", "T006"
        )
    marker = etree.ProcessingInstruction(_MARK)
    before.addprevious(marker)
    head, found, tail = etree.tostring(root, encoding="unicode").rpartition(_MARK_TEXT)
    if not found:
        raise AssertionError("the splice marker is not in the serialized document")
    part = doc.part
    part._element = etree.fromstring((head + xml + tail).encode("utf-8"), _PARSER)
    return part.document
