"""prikaz.docx of every example programme: layout facts via python-docx, text via LibreOffice."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from shnor_docs.render.blocks import parse_markdown
from shnor_docs.spec.load import load_programme
from tests.conftest import PROGRAMMES
from tests.render.conftest import SLUGS, flat, pdf_text, soffice, squash


def _mm(length: int) -> float:
    return round(length / Mm(1), 1)


@pytest.mark.parametrize("slug", SLUGS)
def test_sections_orientation_and_margins(built: Path, slug: str) -> None:
    doc = Document(str(built / slug / "prikaz.docx"))
    spec = load_programme(PROGRAMMES / slug)
    first = doc.sections[0]
    assert first.page_width < first.page_height
    assert [
        _mm(m)
        for m in (first.left_margin, first.right_margin, first.top_margin, first.bottom_margin)
    ] == [30, 10, 20, 20]
    assert first.different_first_page_header_footer
    if spec.programme.indicators or (spec.roadmap and spec.roadmap.activities()):
        last = doc.sections[-1]
        assert len(doc.sections) == 2
        assert last.page_width > last.page_height
        assert last.orientation == 1  # landscape
        assert [_mm(m) for m in (last.left_margin, last.right_margin)] == [20, 20]
        assert not last.different_first_page_header_footer  # numbers continue on its pages
    else:
        assert len(doc.sections) == 1


@pytest.mark.parametrize("slug", SLUGS)
def test_page_number_field_in_header_from_page_two(built: Path, slug: str) -> None:
    doc = Document(str(built / slug / "prikaz.docx"))
    header = doc.sections[0].header
    instructions = [e.text for e in header._element.iter(qn("w:instrText"))]
    assert any("PAGE" in text for text in instructions)
    assert header.paragraphs[0].alignment == 1  # centred
    first_page = doc.sections[0].first_page_header
    assert not any(e.text and "PAGE" in e.text for e in first_page._element.iter(qn("w:instrText")))


@pytest.mark.parametrize("slug", SLUGS)
def test_fonts_and_sizes(built: Path, slug: str) -> None:
    doc = Document(str(built / slug / "prikaz.docx"))
    normal = doc.styles["Normal"]
    assert normal.font.name == "Times New Roman"
    assert normal.font.size == Pt(14)
    assert doc.styles["ShnorCell"].font.size == Pt(12)
    assert doc.styles["ShnorBody"].paragraph_format.first_line_indent.cm == pytest.approx(
        1.25, 0.01
    )


@pytest.mark.parametrize("slug", SLUGS)
def test_table_header_rows_repeat(built: Path, slug: str) -> None:
    doc = Document(str(built / slug / "prikaz.docx"))
    grids = [t for t in doc.tables if "№ п/п" in t.rows[0].cells[0].text]
    spec = load_programme(PROGRAMMES / slug)
    expected = bool(spec.programme.indicators) + bool(spec.roadmap and spec.roadmap.activities())
    assert len(grids) == expected
    for table in grids:
        for row in table.rows[:2]:
            assert row._tr.trPr.find(qn("w:tblHeader")) is not None
        assert (
            table.rows[2]._tr.trPr is None or table.rows[2]._tr.trPr.find(qn("w:tblHeader")) is None
        )
        widths = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
        assert all(w > 0 for w in widths)


def test_roadmap_section_rows_span_the_table(built: Path) -> None:
    doc = Document(str(built / "belaya-kalitva" / "prikaz.docx"))
    roadmap = next(t for t in doc.tables if "мероприятия" in t.rows[0].cells[1].text)
    spans = [r for r in roadmap.rows if r._tr.find(".//" + qn("w:gridSpan")) is not None]
    assert [r.cells[0].text for r in spans] == [
        "1. Организационно-методические мероприятия",
        "2. Мероприятия по развитию кадрового потенциала руководящих и педагогических "
        "работников школ",
        "3. Мероприятия по выравниванию возможностей доступа обучающихся к современным "
        "условиям обучения и образовательным ресурсам в соответствии с ФГОС ОУ",
        "4. Мероприятия по организации сетевого взаимодействия и партнерства",
    ]
    spanned = {id(r._tr) for r in spans}
    numbers = [r.cells[0].text for r in roadmap.rows[2:] if id(r._tr) not in spanned]
    assert numbers[:3] == ["1.1", "1.2", "1.3"]


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
                str(built / slug / "prikaz.docx"),
            ],
            capture_output=True,
            check=True,
            timeout=300,
        )
        texts[slug] = flat(pdf_text(target / "prikaz.pdf"))
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
    mark = f"Приложение № {spec.programme.appendix}"
    assert flat(mark) in text
    assert flat(f"от {act.date:%d.%m.%Y} № {act.number}") in text
    if act.points:
        assert "ПРИКАЗ" in text and "ПРИКАЗЫВАЮ:" in text
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
    for indicator in spec.programme.indicators:
        assert _starts(indicator.name) in text, indicator.name


def test_pdf_points_are_declined(pdfs: dict[str, str]) -> None:
    text = pdfs["belaya-kalitva"]
    assert flat("возложить на заместителя начальника отдела образования Л.Ф. Черкесову") in text
    assert flat("методиста МБУ ИМЦ Л.В. Игнатенко и главного специалиста") in text
    assert (
        flat(
            "Ответственность за исполнение настоящего приказа возложить на муниципального "
            "координатора Н.Т. Мурашину"
        )
        in pdfs["meshchovsk"]
    )
