"""Appendices put into the act's document as text: nothing is parsed, nothing is moved.

Moving freshly parsed nodes into another lxml document costs time that grows with the square of
their number when they carry ``xml:space`` (every ``w:t`` does): half a minute for the two files
of a 2,500-activity roadmap. Parsing the whole body once is linear, but still the largest cost of
a large plan. The appendices' WordprocessingML is written exactly as lxml writes it (see
:func:`shnor_docs.render.wordml.run`; a test parses and writes it again to compare), so the act's
document is serialized with a marker before its final section properties and the appendices'
text is written in at the marker: the bytes are those a parse and a serialization would give.
"""

from __future__ import annotations

from typing import Any

from docx.opc.oxml import serialize_part_xml
from docx.oxml.ns import nsmap
from lxml import etree

from shnor_docs.render.errors import TemplateError

_MARK = "shnor-splice"
_MARK_BYTES = etree.tostring(etree.ProcessingInstruction(_MARK), encoding="UTF-8")


def splice(doc: Any, before: Any, xml: str, name: str) -> bytes:
    """The bytes of the document part of ``doc`` with the body elements of ``xml`` placed before
    ``before`` (an element of its body). ``xml`` uses the prefix ``w`` and any other the
    document's root declares; the tree of ``doc`` itself is left as it was."""
    root = doc.element
    if root.nsmap.get("w") != nsmap["w"]:  # docxtpl's tags need it too
        raise TemplateError(
            name, "в шаблоне разметка Word записана без обычного префикса w: пересохраните "
            "шаблон в Word или LibreOffice", "T006"
        )
    marker = etree.ProcessingInstruction(_MARK)
    before.addprevious(marker)
    try:
        head, found, tail = serialize_part_xml(root).rpartition(_MARK_BYTES)
    finally:
        marker.getparent().remove(marker)
    if not found:
        raise AssertionError("the splice marker is not in the serialized document")
    return head + xml.encode("utf-8") + tail
