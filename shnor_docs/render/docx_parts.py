"""The appendices as WordprocessingML: mark, title, parts, and sections where pages turn.

Wide tables (the roadmap, the indicators) stand on landscape pages; a section ends wherever the
orientation changes, and every appendix starts on a new page with its mark.
"""

from __future__ import annotations

import copy
from typing import Any

from lxml import etree

from shnor_docs.render.docx_finish import set_page
from shnor_docs.render.docx_xml import (
    mark_xml,
    passport_xml,
    rich_xml,
    signature_xml,
    table_xml,
    twips,
)
from shnor_docs.render.profile import text_width
from shnor_docs.render.wordml import paragraph, run, spacer

PORTRAIT_WIDTH_CM = 17.0


class Pages:
    """The page orientation as the body goes on, and the section breaks it needs."""

    def __init__(self, final: Any, form: dict[str, Any], started: bool) -> None:
        self.template = copy.deepcopy(final)
        self.declared = final.getroottree().getroot().nsmap  # what the document declares
        self.form = form
        self.landscape = False
        self.started = started  # something is on the page already
        self.sections = 0

    def turn(self, landscape: bool) -> str:
        """A section break before content of the given orientation (or nothing)."""
        if landscape == self.landscape:
            return ""
        xml = ""
        if self.started:
            ended = copy.deepcopy(self.template)
            set_page(ended, self.landscape, self.form, first=self.sections == 0)
            xml = f"<w:p><w:pPr>{undeclared(ended, self.declared)}</w:pPr></w:p>"
            self.sections += 1
        self.landscape = landscape
        self.started = False
        return xml

    def close(self, final: Any) -> None:
        set_page(final, self.landscape, self.form, first=self.sections == 0)


def undeclared(element: Any, declared: dict[str | None, str]) -> str:
    """``element`` serialized to sit inside its document: without the namespace declarations
    the document's root already makes (lxml puts them all on the first tag)."""
    text = etree.tostring(element, encoding="unicode")
    tag, rest = text.split(">", 1)
    for prefix, uri in declared.items():
        if prefix:
            tag = tag.replace(f' xmlns:{prefix}="{uri}"', "", 1)
    return f"{tag}>{rest}"


def appendix_xml(
    ctx: dict[str, Any], appendix: dict[str, Any], pages: Pages, made: dict[Any, str] | None = None
) -> str:
    """Mark and title on the first page of the appendix, then each part. ``made`` keeps the
    parts already written for another file of the same build (the act with its appendices and
    each appendix alone hold the same tables)."""
    form = ctx["form"]
    made = {} if made is None else made
    xml = [pages.turn(appendix["landscape"])]
    xml.append(mark_xml(appendix["mark"], pages.started, form, pages.landscape))
    xml.append(str(rich_xml(appendix["heading"], form)))
    pages.started = True
    for part in appendix["parts"]:
        landscape = part.get("landscape", False)
        xml.append(pages.turn(landscape))
        key = (id(part), pages.landscape)
        if key not in made:
            made[key] = part_xml(part, form, pages.landscape)
        xml.append(made[key])
        pages.started = True
    return "".join(xml)


def part_xml(part: dict[str, Any], form: dict[str, Any], landscape: bool) -> str:
    """One part: its heading, its lead and its text or table."""
    heading = part.get("heading") or ""
    xml = "".join(paragraph(run(line), "ShnorSectionTitle") for line in heading.split("\n") if line)
    lead = part.get("lead")
    xml += str(rich_xml(lead, form)) if lead else ""
    if part["kind"] == "text":
        return xml + str(rich_xml(part["body"], form))
    if part["kind"] == "signature":  # a report's: the page may be landscape
        tab = (twips(text_width(form)), twips(text_width(form, landscape)))
        return xml + str(signature_xml(part["signature"], tab))
    if part["kind"] == "passport":
        width = text_width(form, landscape)
        return xml + passport_xml(part["rows"], form, width) + spacer()
    keep = part.get("name") == "roadmap"
    return xml + table_xml(part["table"], form, keep_rows=keep) + spacer()
