"""Small builders of WordprocessingML fragments injected into DOCX templates."""

from __future__ import annotations

from collections.abc import Iterable

from shnor_docs.render.blocks import Block, Run
from shnor_docs.text import strip_invalid

BODY = "ShnorBody"
LIST = "ShnorList"
CELL = "ShnorCell"


def clean(text: str) -> str:
    """Text safe inside XML: escaped, without characters XML cannot hold, and written as an XML
    parser would give it back (a carriage return reads as a line feed)."""
    text = strip_invalid(text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def run(text: str, bold: bool = False, italic: bool = False) -> str:
    """One ``<w:r>``; line breaks become ``<w:br/>``. Written as lxml writes it (an empty
    element closes itself), so the appendices go into the document as text, unparsed (see
    :mod:`shnor_docs.render.docx_splice`)."""
    props = ("<w:b/><w:bCs/>" if bold else "") + ("<w:i/><w:iCs/>" if italic else "")
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    parts = [
        f'<w:t xml:space="preserve">{cleaned}</w:t>' if (cleaned := clean(piece))
        else '<w:t xml:space="preserve"/>'
        for piece in text.split("\n")
    ]
    return f"<w:r>{rpr}{'<w:br/>'.join(parts)}</w:r>"


def runs(items: Iterable[Run]) -> str:
    return "".join(run(item.text, item.bold, item.italic) for item in items)


def paragraph(
    content: str,
    style: str = BODY,
    align: str | None = None,
    keep_next: bool = False,
    space_before: int = 0,
    tab: tuple[int, int] | None = None,
) -> str:
    """One ``<w:p>`` with a named style; ``content`` is already built runs. The properties go
    in the schema's order (keepNext, tabs, spacing, jc); ``tab`` (the style's stop, a new one;
    twips from the left margin) moves the style's right tab stop."""
    extra = "<w:keepNext/>" if keep_next else ""
    if tab:
        extra += (f'<w:tabs><w:tab w:val="clear" w:pos="{tab[0]}"/>'
                  f'<w:tab w:val="right" w:pos="{tab[1]}"/></w:tabs>')
    extra += f'<w:spacing w:before="{space_before}"/>' if space_before else ""
    extra += f'<w:jc w:val="{align}"/>' if align else ""
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{extra}</w:pPr>{content}</w:p>'


def spacer() -> str:
    """The paragraph Word requires after a table, one point high: it never makes a page of its
    own after a table that ends at the bottom margin."""
    return (f'<w:p><w:pPr><w:pStyle w:val="{CELL}"/>'
            '<w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/></w:pPr></w:p>')


def block_paragraph(
    block: Block,
    style: str = BODY,
    list_style: str = LIST,
    keep_next: bool = False,
    indent: int = 0,
) -> str:
    """A Markdown block as a paragraph; list items get a dash or a number and a hanging indent,
    the marker where a paragraph's first line starts (``indent``, twips)."""
    if block.kind == "p":
        return paragraph(runs(block.runs), style, keep_next=keep_next)
    marker = "–" if block.kind == "bullet" else f"{block.number}."
    indent += 360 * block.level
    keep = "<w:keepNext/>" if keep_next else ""
    ppr = (
        f'<w:pPr><w:pStyle w:val="{list_style}"/>{keep}'
        f'<w:ind w:left="{357 + indent}" w:hanging="357"/></w:pPr>'
    )
    return f"<w:p>{ppr}{run(marker)}<w:r><w:tab/></w:r>{runs(block.runs)}</w:p>"
