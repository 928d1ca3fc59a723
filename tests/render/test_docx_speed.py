"""What makes DOCX fast stays invisible: what one process reuses between programmes (the finished
template, compiled templates) never carries one programme's form or template into another's
documents, and the appendices' WordprocessingML, put into the document as text, is exactly what
lxml would write after parsing it."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from docx import Document
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from shnor_docs.build import build_programme
from shnor_docs.render.blocks import Rich
from shnor_docs.render.context import build_context
from shnor_docs.render.docx_parts import Pages, appendix_xml
from shnor_docs.render.docx_xml import rich_xml
from shnor_docs.render.templates import DEFAULTS
from shnor_docs.spec.load import load_programme
from tests.conftest import PROGRAMMES, SPECS

FORMATS = {"docx", "html"}


def _copy(tmp_path: Path, name: str, form: str = "") -> Path:
    target = tmp_path / name
    shutil.copytree(SPECS / "regional-order", target)
    if form:
        spec = target / "programme.yaml"
        text = spec.read_text(encoding="utf-8").replace("form:\n", f"form:\n{form}", 1)
        spec.write_text(text, encoding="utf-8")
    return target


def _fonts(path: Path) -> set[str]:
    styles = Document(str(path)).styles
    return {s.font.name for s in styles if s.type == 1 and s.name.startswith("Shnor")} - {None}


def test_each_programme_keeps_its_own_form(tmp_path: Path) -> None:
    plain = _copy(tmp_path, "plain")
    arial = _copy(tmp_path, "arial", "  font: Arial\n  size: 13\n")
    out = tmp_path / "out"
    for folder in (plain, arial, plain):  # the same process, back and forth
        build_programme(folder, out, FORMATS)
        if folder is plain:
            assert _fonts(out / "plain" / "prikaz.docx") == {"Times New Roman"}
    assert _fonts(out / "arial" / "prikaz.docx") == {"Arial"}
    assert _fonts(out / "arial" / "prilozhenie-1.docx") == {"Arial"}
    assert _fonts(out / "plain" / "prilozhenie-1.docx") == {"Times New Roman"}


def test_section_breaks_declare_no_namespace_again(tmp_path: Path) -> None:
    """The appendices are spliced in as text: a section break copied from the template does not
    repeat the root's namespace declarations."""
    out = tmp_path / "out"
    build_programme(_copy(tmp_path, "plain"), out, FORMATS)
    with zipfile.ZipFile(out / "plain" / "prikaz.docx") as docx:
        xml = docx.read("word/document.xml").decode("utf-8")
    assert xml.count("<w:sectPr") >= 2  # a break between the act and its landscape appendix
    assert xml.count("xmlns:w=") == 1


def _as_lxml_writes(xml: str, root: etree._Element) -> None:
    declared = " ".join(f'xmlns:{p}="{u}"' for p, u in root.nsmap.items() if p)
    wrapped = f"<w:body {declared}><w:p/>{xml}</w:body>"  # never empty, as a spliced body
    assert etree.tostring(etree.fromstring(wrapped.encode("utf-8")), encoding="unicode") == wrapped


@pytest.mark.parametrize(
    "folder", [*sorted(p.parent for p in PROGRAMMES.glob("*/programme.yaml")),
               SPECS / "regional-order"], ids=lambda p: p.name,
)
def test_appendices_are_written_as_lxml_writes_them(folder: Path) -> None:
    ctx = build_context(load_programme(folder))
    doc = Document(str(DEFAULTS / "prikaz.docx"))
    pages = Pages(doc.element.body.sectPr, ctx["form"], started=True)
    xml = "".join(
        appendix_xml(ctx, d, pages) for d in ctx["documents"] if d["kind"] == "appendix"
    )
    assert xml
    _as_lxml_writes(xml, doc.element)


TEXT = st.lists(st.sampled_from(["а", "Я", " ", "\n", "\r", "\r\n", "&", "<", ">", '"', "'",
                                 "\t", "]]>", "\x0b", "\u2028", "😀", "«", "№"]),
               max_size=12).map("".join)


@settings(max_examples=300, deadline=None)
@given(lines=st.lists(TEXT, max_size=4), role=st.sampled_from(["body", "cell", "title"]))
def test_any_text_is_written_as_lxml_writes_it(lines: list[str], role: str) -> None:
    doc = Document(str(DEFAULTS / "prikaz.docx"))
    form = {"title_align": "center", "title_width": 10.0}
    _as_lxml_writes(str(rich_xml(Rich.lines(lines, role), form)), doc.element)


def test_a_dict_item_reads_as_jinja2_reads_it() -> None:
    """The sandbox's short way to a dict's item gives what jinja2's attribute-then-item gives:
    a dict's own attributes (``items``) first, a missing key is undefined."""
    from jinja2 import UndefinedError

    from shnor_docs.render.sandbox import sandbox

    env = sandbox(strict=True)
    row = {"content": "текст", "items": "ключ items"}
    page = env.from_string("{{ row.content }}|{{ row.items is callable }}|{{ row['items'] }}")
    assert page.render(row=row) == "текст|True|ключ items"
    with pytest.raises(UndefinedError):
        env.from_string("{{ row.missing }}").render(row=row)
