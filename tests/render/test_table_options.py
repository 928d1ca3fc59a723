"""Table and title options the originals show: a section's number in the «№» column, one
responsible party a line in the indicator table, an appendix title in the document's own lines.
Each in the template data, in DOCX and in HTML."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.oxml.ns import qn

from shnor_docs.build import build_programme
from shnor_docs.render.context import build_context
from shnor_docs.spec.load import load_programme
from tests.conftest import valid_spec_text

SECTIONS = """\
roadmap:
  number_format: "1."
  section_number_column: true
  sections:
    - title: Организационные мероприятия
      activities:
        - title: Мероприятие
          deadline: январь 2023 г.
          responsible: [otdel]
    - number: "2."
      title: Кадры
      activities:
        - title: Другое мероприятие
          deadline: февраль 2023 г.
          responsible: [otdel]
"""

INDICATORS = """\
  body:
    - part: indicators
      columns: [number, area, name, responsible]
      responsible_separator: line
"""


def _spec_text(roadmap: str = SECTIONS) -> str:
    text = valid_spec_text()
    text = text[: text.index("roadmap:")] + roadmap
    return text.replace(
        "  - id: head\n",
        "  - id: inspector\n    kind: post\n    name: Главный инспектор\n  - id: head\n",
    )


def _with_indicators(text: str) -> str:
    text = text.replace(
        "      name: Показатель\n      responsible: [otdel]\n",
        "      area: Выявление школ\n      name: Показатель\n"
        "      responsible: [otdel, inspector]\n",
    )
    return text.replace("  goals:\n", INDICATORS + "  goals:\n")


def _table(ctx: dict, name: str) -> dict:
    parts = [p for d in ctx["documents"] for p in d.get("parts", [])]
    return next(p["table"] for p in parts if p.get("name") == name)


def test_section_number_stands_in_the_number_column(write_spec, tmp_path: Path) -> None:
    folder = write_spec(_spec_text())
    ctx = build_context(load_programme(folder))
    groups = [r for r in _table(ctx, "roadmap")["rows"] if r["group"]]
    assert [(r["number"], r["group"]) for r in groups] == [
        ("1", "Организационные мероприятия"),
        ("2.", "Кадры"),
    ]
    numbers = [r["cells"][0]["content"].blocks[0].text for r in _table(ctx, "roadmap")["rows"]
               if r["cells"]]
    assert numbers == ["1.1.", "2.1."]

    build_programme(folder, tmp_path / "out", {"docx", "html"})
    target = tmp_path / "out" / folder.name
    doc = Document(str(target / "prikaz.docx"))
    table = next(t for t in doc.tables if t.rows[0].cells[0].text == "№ п/п")
    row = table.rows[1]._tr
    cells = row.findall(qn("w:tc"))
    assert len(cells) == 2
    assert "".join(t.text for t in cells[0].iter(qn("w:t"))) == "1"
    span = cells[1].find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
    assert span is not None and span.get(qn("w:val")) == str(len(table.columns) - 1)

    html = (target / "index.html").read_text(encoding="utf-8")
    colspan = len(table.columns) - 1
    assert (f'<tr class="group"><td>1</td><th scope="rowgroup" colspan="{colspan}">'
            "Организационные мероприятия</th></tr>") in html


def test_section_rows_span_the_table_by_default(write_spec) -> None:
    text = _spec_text(SECTIONS.replace("  section_number_column: true\n", ""))
    ctx = build_context(load_programme(write_spec(text)))
    groups = [r for r in _table(ctx, "roadmap")["rows"] if r["group"]]
    assert [(r["number"], r["group"]) for r in groups] == [
        ("", "1. Организационные мероприятия"),
        ("", "2. Кадры"),
    ]


def test_responsible_parties_one_a_line(write_spec, tmp_path: Path) -> None:
    folder = write_spec(_with_indicators(_spec_text()))
    ctx = build_context(load_programme(folder))
    table = _table(ctx, "indicators")
    cell = table["rows"][0]["cells"][-1]["content"]
    assert [b.text for b in cell.blocks] == ["Отдел образования", "Главный инспектор"]

    comma = write_spec(
        _with_indicators(_spec_text()).replace("      responsible_separator: line\n", ""),
        folder="comma",
    )
    table = _table(build_context(load_programme(comma)), "indicators")
    cell = table["rows"][0]["cells"][-1]["content"]
    assert [b.text for b in cell.blocks] == ["Отдел образования, Главный инспектор"]

    build_programme(folder, tmp_path / "out", {"docx", "html"})
    doc = Document(str(tmp_path / "out" / folder.name / "prikaz.docx"))
    grid = next(t for t in doc.tables if t.rows[0].cells[-1].text == "Ответственный")
    assert [p.text for p in grid.rows[1].cells[-1].paragraphs] == [
        "Отдел образования",
        "Главный инспектор",
    ]


def test_appendix_title_keeps_its_own_lines(write_spec, tmp_path: Path) -> None:
    text = _spec_text().replace(
        "  signatory:\n",
        "  appendices:\n    - number: 1\n      document: programme\n      title: |-\n"
        "        Программа в муниципальном районе\n        Примерный район\n"
        "      subtitle: на 2023 год\n  signatory:\n",
    )
    folder = write_spec(text)
    ctx = build_context(load_programme(folder))
    appendix = ctx["documents"][1]
    assert appendix["title_lines"] == [
        "Программа в муниципальном районе",
        "Примерный район",
        "на 2023\u00a0год",
    ]
    assert appendix["title"] == "Программа в муниципальном районе Примерный район"

    build_programme(folder, tmp_path / "out", {"docx", "html"})
    target = tmp_path / "out" / folder.name
    texts = [p.text for p in Document(str(target / "prikaz.docx")).paragraphs]
    # one heading paragraph, its lines broken where the spec breaks them
    assert "Программа в муниципальном районе\nПримерный район\nна 2023\u00a0год" in texts
    html = (target / "index.html").read_text(encoding="utf-8")
    assert "Программа в муниципальном районе<br>Примерный район<br>на 2023\u00a0год" in html
