"""Rich content and generated tables as WordprocessingML for the DOCX templates."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from shnor_docs.render.blocks import Rich
from shnor_docs.render.wordml import block_paragraph, paragraph, run

ROLE_STYLES = {  # role: (paragraph style, list style)
    "body": ("ShnorBody", "ShnorList"),
    "cell": ("ShnorCell", "ShnorCellList"),
    "title": ("ShnorTitle", "ShnorTitle"),
    "requisite": ("ShnorRequisite", "ShnorRequisite"),
    "heading": ("ShnorSectionTitle", "ShnorSectionTitle"),
}
TWIPS_PER_CM = 567


def rich_xml(rich: Rich, form: dict[str, Any]) -> Markup:
    """Paragraphs for a ``{{p …}}`` tag; a table cell always keeps one paragraph."""
    style, list_style = ROLE_STYLES.get(rich.role, ROLE_STYLES["body"])
    if not rich.blocks:
        return Markup(paragraph("", style) if rich.role == "cell" else "")
    if rich.role == "title":
        return Markup("".join(_title(block, form) for block in rich.blocks))
    return Markup("".join(block_paragraph(b, style, list_style) for b in rich.blocks))


def _title(block: Any, form: dict[str, Any]) -> str:
    from shnor_docs.render.wordml import runs

    if form.get("title_align") == "center" or block.kind != "p":
        extra = '<w:jc w:val="center"/>'
    else:
        extra = f'<w:ind w:right="{int(7.5 * TWIPS_PER_CM)}"/>'
    return f'<w:p><w:pPr><w:pStyle w:val="ShnorTitle"/>{extra}</w:pPr>{runs(block.runs)}</w:p>'


def signature_xml(signature: dict[str, Any] | None) -> Markup:
    """Position lines at the left; the name at the right margin on the last line."""
    if not signature:
        return Markup("")
    lines = signature["position_lines"] or [""]
    xml = [paragraph(run(line), "ShnorRequisite") for line in lines[:-1]]
    last = run(lines[-1]) + "<w:r><w:tab/></w:r>" + run(signature["name"])
    xml.append(paragraph(last, "ShnorRequisite"))
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


def mark_xml(lines: list[str], page_break: bool) -> str:
    """The appendix mark, top right of the appendix's first page."""
    xml = []
    for index, line in enumerate(lines):
        extra = "<w:pageBreakBefore/>" if page_break and index == 0 else ""
        xml.append(f'<w:p><w:pPr><w:pStyle w:val="ShnorMark"/>{extra}</w:pPr>{run(line)}</w:p>')
    if lines:
        xml.append(paragraph("", "ShnorMark"))
    return "".join(xml)


def _cell(content: str, width_cm: float, span: int = 1) -> str:
    props = f'<w:tcW w:w="{int(width_cm * TWIPS_PER_CM)}" w:type="dxa"/>'
    if span > 1:
        props += f'<w:gridSpan w:val="{span}"/>'
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{content}</w:tc>"


def _text_cell(text: str, width: float, head: bool = False) -> str:
    style = "ShnorCellHead" if head else "ShnorCell"
    return _cell(paragraph(run(text), style), width)


def _row(cells: str, header: bool = False) -> str:
    """A row; indicator rows hold long methods and may break across pages."""
    props = "<w:trPr><w:tblHeader/></w:trPr>" if header else ""
    return f"<w:tr>{props}{cells}</w:tr>"


TABLE_PROPS = (
    '<w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/>'
    '<w:jc w:val="center"/><w:tblLayout w:type="fixed"/></w:tblPr>'
)


def _indicator_widths(years: list[int], width_cm: float) -> list[float]:
    """№, name, unit, baseline, one column a year, method, responsible; name takes the rest."""
    fixed, tail, year = [1.1, 0.0, 1.4, 2.4], [6.4, 3.7], 1.5
    fixed[1] = max(width_cm - sum(fixed) - sum(tail) - year * len(years), 4.0)
    return [*fixed, *([year] * len(years)), *tail]


def _indicator_head(ind: dict[str, Any], widths: list[float], numbers: bool) -> list[str]:
    heads = ["№ п/п", "Наименование показателя", "Ед. изм.", ind["baseline_label"],
             *[f"{y} г." for y in ind["years"]], "Методика расчёта, источники данных",
             "Ответственный"]
    rows = [_row("".join(_text_cell(h, w, True) for h, w in zip(heads, widths, strict=True)),
                 header=True)]
    if numbers:
        cells = "".join(_text_cell(str(i), w, True) for i, w in enumerate(widths, 1))
        rows.append(_row(cells, header=True))
    return rows


def _indicator_row(row: dict[str, Any], widths: list[float], form: dict[str, Any]) -> str:
    cells = [_text_cell(row["number"], widths[0]), _cell(rich_xml(row["name"], form), widths[1]),
             _text_cell(row["unit"], widths[2]), _text_cell(row["baseline"], widths[3])]
    cells += [_text_cell(v, w) for v, w in zip(row["targets"], widths[4:-2], strict=True)]
    cells += [_cell(rich_xml(row["method"], form), widths[-2]),
              _text_cell(row["responsible"], widths[-1])]
    return _row("".join(cells))


def indicator_table_xml(ind: dict[str, Any], form: dict[str, Any], width_cm: float) -> Markup:
    """The indicator table: header rows repeated on each page, group rows across the table."""
    widths = _indicator_widths(ind["years"], width_cm)
    rows = _indicator_head(ind, widths, form.get("column_numbers", True))
    for group in ind["groups"]:
        if group["title"]:
            title = paragraph(run(group["title"], bold=True), "ShnorCell")
            rows.append(_row(_cell(title, sum(widths), span=len(widths))))
        rows += [_indicator_row(row, widths, form) for row in group["rows"]]
    grid = "".join(f'<w:gridCol w:w="{int(w * TWIPS_PER_CM)}"/>' for w in widths)
    table = f"<w:tbl>{TABLE_PROPS}<w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"
    return Markup(table + paragraph("", "ShnorCell"))
