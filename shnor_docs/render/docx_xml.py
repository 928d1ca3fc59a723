"""Rich content and generated tables as WordprocessingML for the DOCX templates."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from shnor_docs.render.blocks import Rich
from shnor_docs.render.profile import mark_block, text_width
from shnor_docs.render.wordml import block_paragraph, paragraph, run, runs

ROLE_STYLES = {  # role: (paragraph style, list style)
    "body": ("ShnorBody", "ShnorList"),
    "cell": ("ShnorCell", "ShnorCellList"),
    "title": ("ShnorTitle", "ShnorTitle"),
    "requisite": ("ShnorRequisite", "ShnorRequisite"),
    "heading": ("ShnorSectionTitle", "ShnorSectionTitle"),
}
TWIPS_PER_CM = 567
SIGNATURE_GAP = 644  # twips: two lines of 14 pt between the last point and the signature


def rich_xml(rich: Rich, form: dict[str, Any], keep_last: bool = False) -> Markup:
    """Paragraphs for a ``{{p …}}`` tag; a table cell always keeps one paragraph.

    ``keep_last`` keeps the last paragraph with what follows (the act's last point with the
    signature)."""
    return Markup(_rich(rich, form, keep_last))


def _rich(rich: Rich, form: dict[str, Any], keep_last: bool = False) -> str:
    """:func:`rich_xml` as plain text, for the tables (no Markup made for each of their cells)."""
    style, list_style = ROLE_STYLES.get(rich.role, ROLE_STYLES["body"])
    if not rich.blocks:
        return paragraph("", style) if rich.role == "cell" else ""
    if rich.role == "title":
        return "".join(_title(block, form) for block in rich.blocks)
    last = len(rich.blocks) - 1
    indent = twips(form.get("first_line_indent", 0)) if rich.role == "body" else 0
    return "".join(
        block_paragraph(b, style, list_style, keep_next=keep_last and i == last, indent=indent)
        for i, b in enumerate(rich.blocks)
    )


def _title(block: Any, form: dict[str, Any]) -> str:
    if form.get("title_align") == "center" or block.kind != "p":
        extra = '<w:jc w:val="center"/>'
    else:  # a block of the profile's width at the left margin
        right = max(text_width(form) - form["title_width"], 0)
        extra = f'<w:ind w:right="{twips(right)}"/>'
    return f'<w:p><w:pPr><w:pStyle w:val="ShnorTitle"/>{extra}</w:pPr>{runs(block.runs)}</w:p>'


def signature_xml(signature: dict[str, Any] | None, tab: tuple[int, int] | None = None) -> Markup:
    """Position lines at the left; the name at the right margin on the last line: the style's
    tab stop, or the one ``tab`` moves it to (a landscape page's margin lies further)."""
    if not signature:
        return Markup("")
    lines = signature["position_lines"] or [""]
    # Two blank lines above the signature are space before its first line, not empty
    # paragraphs: LibreOffice does not keep an empty paragraph with the next one.
    xml = [
        paragraph(run(line), "ShnorRequisite", keep_next=True,
                  space_before=SIGNATURE_GAP if i == 0 else 0)
        for i, line in enumerate(lines[:-1])
    ]
    last = run(lines[-1]) + "<w:r><w:tab/></w:r>" + run(signature["name"])
    xml.append(paragraph(last, "ShnorRequisite", space_before=0 if xml else SIGNATURE_GAP,
                         tab=tab))
    return Markup("".join(xml))


EXECUTOR_FRAME = (
    '<w:framePr w:wrap="around" w:vAnchor="margin" w:hAnchor="margin" w:xAlign="left" '
    'w:yAlign="bottom"/>'
)


def executor_xml(lines: list[str]) -> Markup:
    """Отметка об исполнителе: a frame at the bottom of the order's last page."""
    if not lines:
        return Markup("")
    framed = "".join(
        f'<w:p><w:pPr><w:pStyle w:val="ShnorExecutor"/>{EXECUTOR_FRAME}</w:pPr>{run(line)}</w:p>'
        for line in lines
    )
    return Markup(framed + paragraph("", "ShnorRequisite"))  # the frame's anchor, same page


def mark_xml(lines: list[str], page_break: bool, form: dict[str, Any], landscape: bool) -> str:
    """The appendix mark, top right of the appendix's first page (also on a landscape one)."""
    xml = []
    indent = ""
    if landscape:  # as wide as on a portrait page, ending at the right margin
        left = max(text_width(form, True) - mark_block(form), 0)
        indent = f'<w:ind w:left="{twips(left)}"/>'
    for index, line in enumerate(lines):
        extra = "<w:pageBreakBefore/>" if page_break and index == 0 else ""
        ppr = f'<w:pPr><w:pStyle w:val="ShnorMark"/>{extra}{indent}</w:pPr>'
        xml.append(f"<w:p>{ppr}{run(line)}</w:p>")
    if lines:
        xml.append(paragraph("", "ShnorMark"))
    return "".join(xml)


TABLE_PROPS = (
    '<w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/>'
    '<w:jc w:val="center"/><w:tblLayout w:type="fixed"/></w:tblPr>'
)


def twips(cm: float) -> int:
    """Centimetres in twips (twentieths of a point), as WordprocessingML measures."""
    return round(cm * TWIPS_PER_CM)


def _tc(content: str, width: float, span: int = 1, merge: str | None = None) -> str:
    props = f'<w:tcW w:w="{twips(width)}" w:type="dxa"/>'
    if span > 1:
        props += f'<w:gridSpan w:val="{span}"/>'
    if merge:
        props += '<w:vMerge w:val="restart"/>' if merge == "start" else "<w:vMerge/>"
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{content}</w:tc>"


def _tr(cells: str, header: bool = False, keep: bool = False) -> str:
    """A row: header rows repeat on every page; kept rows never break across pages."""
    props = "<w:cantSplit/>" if keep or header else ""
    props += "<w:tblHeader/>" if header else ""
    return f"<w:tr><w:trPr>{props}</w:trPr>{cells}</w:tr>" if props else f"<w:tr>{cells}</w:tr>"


def _head_cell(text: str, width: float) -> str:
    return _tc(paragraph(run(text), "ShnorCellHead"), width)


def table_xml(table: dict[str, Any], form: dict[str, Any], keep_rows: bool) -> str:
    """A table of :mod:`shnor_docs.render.tables`: header (and column numbers) repeated on every
    page, group rows across the table kept with the row below, merged cells."""
    columns = table["columns"]
    widths = [c["width"] for c in columns]
    rows = [_tr("".join(_head_cell(c["header"], c["width"]) for c in columns), header=True)]
    if table["numbers"]:
        numbers = "".join(_head_cell(str(i), w) for i, w in enumerate(widths, start=1))
        rows.append(_tr(numbers, header=True))
    for row in table["rows"]:
        if row["group"]:
            rows.append(_tr(_group_cells(row, widths), keep=True))
            continue
        cells = "".join(
            _tc(_rich(c["content"], form), w, merge=c["merge"])
            for c, w in zip(row["cells"], widths, strict=True)
        )
        rows.append(_tr(cells, keep=keep_rows))
    grid = "".join(f'<w:gridCol w:w="{twips(w)}"/>' for w in widths)
    return f"<w:tbl>{TABLE_PROPS}<w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"


def _group_cells(row: dict[str, Any], widths: list[float]) -> str:
    """A section row: its title across the table, or its number in the first column and its
    title across the others."""
    text = paragraph(run(row["group"], bold=True), "ShnorCellGroup", keep_next=True)
    if not row.get("number") or len(widths) < 2:
        return _tc(text, sum(widths), span=len(widths))
    number = paragraph(run(row["number"], bold=True), "ShnorCell", keep_next=True)
    return _tc(number, widths[0]) + _tc(text, sum(widths[1:]), span=len(widths) - 1)


def passport_xml(rows: list[dict[str, Any]], form: dict[str, Any], width: float) -> str:
    """The passport: label | content, rows that may break across pages (long texts)."""
    label, value = round(width * 0.32, 2), round(width * 0.68, 2)
    body = "".join(
        _tr(_tc(paragraph(run(row["label"]), "ShnorCell"), label)
            + _tc(_rich(row["value"], form), value))
        for row in rows
    )
    grid = f'<w:gridCol w:w="{twips(label)}"/><w:gridCol w:w="{twips(value)}"/>'
    return f"<w:tbl>{TABLE_PROPS}<w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>"
