"""Building blocks of the default DOCX template (see :mod:`template_parts`).

The templates are real .docx files with docxtpl tags; officials may edit them in Word or
LibreOffice. This module only recreates the defaults, with styles taken from the default form.
"""

from __future__ import annotations

from collections.abc import Callable

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from shnor_docs.model.settings import FormProfile
from shnor_docs.render.docx_meta import finish_package

Doc = Document().__class__
FORM = FormProfile()
PORTRAIT_TEXT = Mm(210 - FORM.margins.left - FORM.margins.right)
LANDSCAPE_TEXT = Mm(297 - FORM.landscape_margins.left - FORM.landscape_margins.right)


def _style(
    doc: Doc,
    name: str,
    size: float,
    *,
    bold: bool = False,
    align: WD_ALIGN_PARAGRAPH | None = None,
    indent: float = 0.0,
) -> None:
    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.size = Pt(size)
    style.font.bold = bold
    fmt = style.paragraph_format
    if align is not None:
        fmt.alignment = align
    fmt.first_line_indent = Cm(indent) if indent else None


def new_document(landscape: bool = False) -> Doc:
    """A document with the project's named styles and the default page."""
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = FORM.font
    normal.font.size = Pt(FORM.size)
    rpr = normal.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FORM.font)
    fmt = normal.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.line_spacing = FORM.line_spacing
    _style(
        doc, "ShnorBody", FORM.size, align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent=FORM.first_line_indent
    )
    _style(doc, "ShnorList", FORM.size, align=WD_ALIGN_PARAGRAPH.JUSTIFY)
    _style(
        doc,
        "ShnorPoint",
        FORM.size,
        align=WD_ALIGN_PARAGRAPH.JUSTIFY,
        indent=FORM.first_line_indent,
    )
    _style(doc, "ShnorRequisite", FORM.size)
    _style(doc, "ShnorHeading", FORM.size, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _style(doc, "ShnorCentered", FORM.size, align=WD_ALIGN_PARAGRAPH.CENTER)
    _style(doc, "ShnorTitle", FORM.size, bold=True)
    _style(doc, "ShnorMark", FORM.size)
    doc.styles["ShnorMark"].paragraph_format.left_indent = Cm(8.5)
    _style(doc, "ShnorSectionTitle", FORM.size, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    doc.styles["ShnorSectionTitle"].paragraph_format.space_before = Pt(12)
    doc.styles["ShnorSectionTitle"].paragraph_format.space_after = Pt(6)
    doc.styles["ShnorSectionTitle"].paragraph_format.keep_with_next = True
    _style(doc, "ShnorCell", FORM.table_size)
    _style(doc, "ShnorCellList", FORM.table_size)
    _style(doc, "ShnorCellHead", FORM.table_size, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _style(doc, "ShnorCellGroup", FORM.table_size, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    doc.styles["ShnorCellGroup"].paragraph_format.keep_with_next = True
    _style(doc, "ShnorExecutor", FORM.executor_size)
    _page(doc, landscape)
    finish_package(doc, FORM.hyphenation)
    return doc


def _page(doc: Doc, landscape: bool) -> None:
    section = doc.sections[0]
    margins = FORM.landscape_margins if landscape else FORM.margins
    section.page_width, section.page_height = (
        (Mm(297), Mm(210)) if landscape else (Mm(210), Mm(297))
    )
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.left_margin, section.right_margin = Mm(margins.left), Mm(margins.right)
    section.top_margin, section.bottom_margin = Mm(margins.top), Mm(margins.bottom)
    section.header_distance = Mm(10)
    section.different_first_page_header_footer = True
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_field(header)


def _page_field(paragraph) -> None:
    run = paragraph.add_run()
    for kind, text in (
        ("begin", None),
        (None, " PAGE "),
        ("separate", None),
        (None, "2"),
        ("end", None),
    ):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText" if text == " PAGE " else "w:t")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)
    run.font.size = Pt(FORM.table_size)


def para(doc: Doc, text: str, style: str) -> None:
    doc.add_paragraph(text, style=style)


def signature_tab(doc: Doc, landscape: bool = False) -> None:
    """Right-aligned tab stop at the right margin, for «date … № number» and signatures."""
    width = LANDSCAPE_TEXT if landscape else PORTRAIT_TEXT
    for name in ("ShnorRequisite",):
        doc.styles[name].paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)


TEMPLATES: dict[str, Callable[[], Doc]] = {}


def template(name: str) -> Callable[[Callable[[], Doc]], Callable[[], Doc]]:
    def register(func: Callable[[], Doc]) -> Callable[[], Doc]:
        TEMPLATES[name] = func
        return func

    return register
