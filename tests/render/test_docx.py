"""The signed document of every example (its act with appendices, or the appendix alone): layout
facts via python-docx, text via LibreOffice."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from shnor_docs.render.blocks import parse_markdown
from shnor_docs.render.context import build_context
from shnor_docs.render.context_act import KINDS
from shnor_docs.spec.compose import appendices
from shnor_docs.spec.load import load_programme
from tests.conftest import PROGRAMMES
from tests.render.conftest import SLUGS, flat, main_docx, pdf_text, soffice, squash


def _mm(length: int) -> float:
    return round(length / Mm(1), 1)


def _wide(slug: str) -> bool:
    ctx = build_context(load_programme(PROGRAMMES / slug))
    parts = [p for d in ctx["documents"] if d["kind"] == "appendix" for p in d["parts"]]
    return any(p.get("landscape") for p in parts)


@pytest.mark.parametrize("slug", SLUGS)
def test_sections_orientation_and_margins(built: Path, slug: str) -> None:
    doc = Document(str(main_docx(built / slug)))
    first = doc.sections[0]
    assert first.page_width < first.page_height
    assert [
        _mm(m)
        for m in (first.left_margin, first.right_margin, first.top_margin, first.bottom_margin)
    ] == [30, 10, 20, 20]
    assert first.different_first_page_header_footer
    landscape = [s for s in doc.sections if s.page_width > s.page_height]
    assert bool(landscape) == _wide(slug)
    for section in doc.sections[1:]:
        assert not section.different_first_page_header_footer  # numbers continue
    for section in landscape:
        assert section.orientation == 1
        assert [_mm(m) for m in (section.left_margin, section.right_margin)] == [20, 20]


@pytest.mark.parametrize("slug", SLUGS)
def test_page_number_field_in_header_from_page_two(built: Path, slug: str) -> None:
    doc = Document(str(main_docx(built / slug)))
    header = doc.sections[0].header
    instructions = [e.text for e in header._element.iter(qn("w:instrText"))]
    assert any("PAGE" in text for text in instructions)
    assert header.paragraphs[0].alignment == 1  # centred
    first_page = doc.sections[0].first_page_header
    assert not any(e.text and "PAGE" in e.text for e in first_page._element.iter(qn("w:instrText")))


@pytest.mark.parametrize("slug", SLUGS)
def test_fonts_and_sizes(built: Path, slug: str) -> None:
    doc = Document(str(main_docx(built / slug)))
    normal = doc.styles["Normal"]
    assert normal.font.name == "Times New Roman"
    assert normal.font.size == Pt(14)
    assert doc.styles["ShnorCell"].font.size == Pt(12)
    assert doc.styles["ShnorBody"].paragraph_format.first_line_indent.cm == pytest.approx(
        1.25, 0.01
    )


@pytest.mark.parametrize("slug", SLUGS)
def test_table_header_rows_repeat(built: Path, slug: str) -> None:
    doc = Document(str(main_docx(built / slug)))
    grids = [t for t in doc.tables if t.rows[0]._tr.trPr is not None]
    ctx = build_context(load_programme(PROGRAMMES / slug))
    tables = [p for d in ctx["documents"] if d["kind"] == "appendix" for p in d["parts"]
              if p["kind"] == "table"]
    assert len(grids) == len(tables)
    for table, part in zip(grids, tables, strict=True):
        heads = 1 + bool(part["table"]["numbers"])
        for row in table.rows[:heads]:
            assert row._tr.trPr.find(qn("w:tblHeader")) is not None
        for row in table.rows[heads:]:
            assert row._tr.trPr is None or row._tr.trPr.find(qn("w:tblHeader")) is None
        widths = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
        assert all(w > 0 for w in widths)
        assert [c.text for c in table.rows[0].cells] == [c["header"] for c in part["table"][
            "columns"]]


def test_roadmap_section_rows_span_the_table(built: Path) -> None:
    """Белая Калитва: the section's number in the «№ п/п» column, its title across the rest."""
    doc = Document(str(built / "belaya-kalitva" / "prikaz.docx"))
    roadmap = next(t for t in doc.tables if t.rows[0].cells[0].text == "№ п/п")
    assert [c.text for c in roadmap.rows[0].cells] == [
        "№ п/п", "Наименование показателей", "Сроки", "Ответственные", "Результат"
    ]
    spans = [r for r in roadmap.rows if r._tr.find(".//" + qn("w:gridSpan")) is not None]
    assert [(r.cells[0].text, r.cells[1].text) for r in spans] == [
        ("1", "Организационно-методические мероприятия"),
        ("2", "Мероприятия по развитию кадрового потенциала руководящих и педагогических "
         "работников школ"),
        ("3", "Мероприятия по выравниванию возможностей доступа обучающихся к современным "
         "условиям обучения и образовательным ресурсам в соответствии с ФГОС ОУ"),
        ("4", "Мероприятия по организации сетевого взаимодействия и партнерства"),
    ]
    spanned = {id(r._tr) for r in spans}
    numbers = [r.cells[0].text for r in roadmap.rows[1:] if id(r._tr) not in spanned]
    assert numbers[:3] == ["1.1.", "1.2.", "1.3."]


@pytest.fixture(scope="module")
def pdfs(built: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """prikaz.docx of every example converted by LibreOffice, as extracted text."""
    binary = soffice()
    out = tmp_path_factory.mktemp("pdf")
    texts = {}
    for slug in SLUGS:
        target = out / slug
        target.mkdir()
        subprocess.run(
            [
                binary,
                f"-env:UserInstallation=file://{out / 'profile'}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(target),
                str(main_docx(built / slug)),
            ],
            capture_output=True,
            check=True,
            timeout=300,
        )
        texts[slug] = flat(pdf_text(target / main_docx(built / slug).with_suffix(".pdf").name))
    return texts


def _starts(text: str, words: int = 8) -> str:
    """The first words of a Markdown text's first paragraph, as they appear in the PDF."""
    first = parse_markdown(text)[0].text
    return flat(" ".join(squash(first).split()[:words]))


@pytest.mark.parametrize("slug", SLUGS)
def test_pdf_holds_the_order_and_its_appendices(pdfs: dict[str, str], slug: str) -> None:
    text = pdfs[slug]
    spec = load_programme(PROGRAMMES / slug)
    act = spec.act
    for appendix in appendices(spec):
        if appendix.attached:
            number = f" № {appendix.number}" if appendix.number else ""
            assert flat(f"Приложение{number}") in text
    assert flat(f"от {act.date:%d.%m.%Y} № {act.number}") in text
    if act.points:
        assert KINDS[act.kind][0] in text and KINDS[act.kind][1] in text
        for line in spec.authority.heading or []:
            assert flat(line.upper()) in text
        assert len(re.findall(r"(?<![\d.])\d\. [А-ЯЁ]", text)) >= len(act.points)


@pytest.mark.parametrize("slug", SLUGS)
def test_pdf_holds_every_activity_and_indicator(pdfs: dict[str, str], slug: str) -> None:
    text = pdfs[slug]
    spec = load_programme(PROGRAMMES / slug)
    activities = spec.roadmap.activities() if spec.roadmap else []
    for activity in activities:
        assert _starts(activity.title) in text, activity.title
    for indicator in spec.programme.indicators:  # a long row may break across pages
        assert _starts(indicator.name, 5) in text, indicator.name


def test_pdf_points_are_declined(pdfs: dict[str, str]) -> None:
    text = pdfs["belaya-kalitva"]
    assert flat("возложить на заместителя начальника отдела образования Л.Ф. Черкесову") in text
    assert flat("методиста МБУ ИМЦ Л.В. Игнатенко и главного специалиста") in text
    assert (
        flat(
            "Ответственность за исполнение настоящего приказа возложить на муниципального "
            "координатора Мурашину Н.Т."
        )
        in pdfs["meshchovsk"]
    )
