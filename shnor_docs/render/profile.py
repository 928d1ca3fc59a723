"""The form profile, read by both renderers: DOCX styles and the HTML stylesheet come from it.

One place turns each setting of ``form`` (ГОСТ Р 7.0.97 by default) into what each output
needs: fonts, sizes, indents and spacing of the DOCX styles, and CSS for the HTML page and its
print. The default template is made with the default profile; a programme's explicit settings
are applied on top of its template at every build.
"""

from __future__ import annotations

from typing import Any

from docx.enum.text import WD_TAB_ALIGNMENT
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

#: Styles of running text and requisites (the body size); of tables (the table size).
BODY_STYLES = (
    "Normal", "ShnorBody", "ShnorList", "ShnorPoint", "ShnorRequisite", "ShnorHeading",
    "ShnorCentered", "ShnorTitle", "ShnorMark", "ShnorSectionTitle",
)
TABLE_STYLES = ("ShnorCell", "ShnorCellList", "ShnorCellHead", "ShnorCellGroup")
#: Running text: line spacing; the first line indented (requisites are single-spaced, flush).
SPACED_STYLES = ("ShnorBody", "ShnorPoint", "ShnorList")
INDENTED_STYLES = ("ShnorBody", "ShnorPoint")
PORTRAIT_MM, LANDSCAPE_MM = 210, 297


def text_width(form: dict[str, Any], landscape: bool = False) -> float:
    """Width of the text on a page, cm."""
    margins = form["landscape_margins" if landscape else "margins"]
    page = LANDSCAPE_MM if landscape else PORTRAIT_MM
    return (page - margins["left"] - margins["right"]) / 10


def mark_block(form: dict[str, Any]) -> float:
    """Width of the appendix mark's block, cm: it ends at the right margin."""
    return max(text_width(form) - form["mark_indent"], 2.0)


def apply_styles(doc: Any, form: dict[str, Any], fields: set[str]) -> None:
    """The settings named in ``fields`` on top of the document's styles."""
    styles = {style.name: style for style in doc.styles if style.type == 1}
    chosen = [styles[name] for name in (*BODY_STYLES, *TABLE_STYLES) if name in styles]
    if "font" in fields:
        for style in chosen:
            style.font.name = form["font"]
            fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
            for attr in ("w:cs", "w:eastAsia"):
                fonts.set(qn(attr), form["font"])
    for field, names in (("size", BODY_STYLES), ("table_size", TABLE_STYLES),
                         ("executor_size", ("ShnorExecutor",))):
        if field in fields:
            for name in names:
                if name in styles:
                    styles[name].font.size = Pt(form[field])
    _paragraphs(styles, form, fields)


def _paragraphs(styles: dict[str, Any], form: dict[str, Any], fields: set[str]) -> None:
    if "line_spacing" in fields:
        for name in SPACED_STYLES:
            if name in styles:
                styles[name].paragraph_format.line_spacing = form["line_spacing"]
    if "first_line_indent" in fields:
        for name in INDENTED_STYLES:
            if name in styles:
                indent = form["first_line_indent"]
                styles[name].paragraph_format.first_line_indent = Cm(indent) if indent else None
    if "mark_indent" in fields and "ShnorMark" in styles:
        styles["ShnorMark"].paragraph_format.left_indent = Cm(form["mark_indent"])
    if "margins" in fields and "ShnorRequisite" in styles:
        # «date … № number» and the signatory's name end at the right margin, wherever it is
        stops = styles["ShnorRequisite"].paragraph_format.tab_stops
        stops.clear_all()
        stops.add_tab_stop(Cm(text_width(form)), WD_TAB_ALIGNMENT.RIGHT)


def _page_css(name: str, margins: dict[str, Any], size: str, number: str) -> str:
    box = f"{margins['top']}mm {margins['right']}mm {margins['bottom']}mm {margins['left']}mm"
    selector = f"@page {name}" if name else "@page"
    return (f"{selector} {{ size: A4 {size}; margin: {box};\n"
            f"  @top-center {{ content: {number}; font: var(--table-size) var(--font); }} }}\n")


def profile_css(form: dict[str, Any]) -> str:
    """The profile as CSS: custom properties the stylesheet uses, and the printed pages."""
    font = f'"{form["font"]}", "Liberation Serif", serif'
    root = (
        f":root {{ --font: {font}; --size: {form['size']}pt; "
        f"--table-size: {form['table_size']}pt; --executor-size: {form['executor_size']}pt; "
        f"--indent: {form['first_line_indent']}cm; --line: {form['line_spacing']}; "
        f"--title-width: {form['title_width']}cm; --mark-indent: {form['mark_indent']}cm; "
        f"--text-width: {text_width(form)}cm; "
        f"--landscape-width: {text_width(form, True)}cm; }}\n"
    )
    margins, wide = form["margins"], form["landscape_margins"]
    screen = (
        f".doc {{ padding: {margins['top']}mm {margins['right']}mm {margins['bottom']}mm "
        f"{margins['left']}mm; }}\n.doc.landscape {{ padding: {wide['top']}mm {wide['right']}mm "
        f"{wide['bottom']}mm {wide['left']}mm; }}\n"
    )
    pages = _page_css("", margins, "portrait", "counter(page)") + "@page :first { @top-center "
    pages += "{ content: none; } }\n" + _page_css("wide", wide, "landscape", "counter(page)")
    return root + screen + pages
