"""What the spec decides, the documents print: act kinds, points, appendices, parts, tables.

Each case edits the small valid spec, builds it for real and reads the DOCX (python-docx) and
the HTML page back.
"""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
from docx import Document

from shnor_docs.build import build_programme
from tests.conftest import valid_spec_text

NB = "\u00a0"
ROADMAP = """\
roadmap:
  sections:
    - title: Раздел
      activities:
        - title: Мероприятие
          deadline: январь 2023 г.
          responsible: [otdel]
          tasks: [t1]
          indicators: [i1]
"""
TWO_SECTIONS = """\
roadmap:
  {settings}
  sections:
    - title: Первый раздел
      activities:
        - {{title: Первое, deadline: "Январь - 2023г.", responsible: [otdel]}}
        - {{title: Второе, deadline: февраль 2023 г., responsible: [otdel]}}
    - title: Второй раздел
      activities:
        - {{title: Третье, deadline: март 2023 г., responsible: [otdel]}}
"""


def _build(tmp_path: Path, edits: list[tuple[str, str]], extra: str = "") -> Path:
    text = valid_spec_text()
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    folder = tmp_path / "prog"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "programme.yaml").write_text(text + extra, encoding="utf-8")
    return build_programme(folder, tmp_path / "out", {"docx", "html"}).folder


def _paragraphs(path: Path) -> list[str]:
    doc = Document(str(path))
    found = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            found.append(" | ".join(dict.fromkeys(c.text for c in row.cells)))
    return [p.replace(NB, " ") for p in found]


def _html(folder: Path) -> str:
    page = (folder / "index.html").read_text(encoding="utf-8")
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", page))).replace(NB, " ")


def _both(folder: Path, name: str = "prikaz.docx") -> tuple[list[str], str]:
    return _paragraphs(folder / name), _html(folder)


# --- acts ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "heading", "directive", "mark"),
    [
        ("postanovlenie", "ПОСТАНОВЛЕНИЕ", "ПОСТАНОВЛЯЮ:", "к постановлению"),
        ("rasporyazhenie", "РАСПОРЯЖЕНИЕ", None, "к распоряжению"),
    ],
)
def test_act_kinds_have_their_heading_word_and_file(
    tmp_path: Path, kind: str, heading: str, directive: str | None, mark: str
) -> None:
    folder = _build(tmp_path, [("act:\n", f"act:\n  kind: {kind}\n")])
    assert not (folder / "prikaz.docx").exists()
    paragraphs, html = _both(folder, f"{kind}.docx")
    assert heading in paragraphs and heading in html
    assert (directive in paragraphs) if directive else not any(
        p.endswith("Ю:") for p in paragraphs)
    assert any(p.startswith(mark) for p in paragraphs)


def test_directive_spaced_bold_or_the_acts_own_word(tmp_path: Path) -> None:
    folder = _build(tmp_path, [], "form:\n  directive: spaced\n  directive_bold: true\n")
    doc = Document(str(folder / "prikaz.docx"))
    line = next(p for p in doc.paragraphs if p.text == "п р и к а з ы в а ю:")
    assert all(run.bold for run in line.runs)
    assert "п р и к а з ы в а ю:" in _html(folder)
    own = _build(tmp_path / "b", [("act:\n", "act:\n  directive: 'ПОСТАНОВЛЯЕТ:'\n")])
    assert "ПОСТАНОВЛЯЕТ:" in _paragraphs(own / "prikaz.docx")


# --- points ----------------------------------------------------------------------------------

POINTS = """\
    - kind: instruct
      parties: [soiro]
      heads: name
      points:
        - text: обеспечить сопровождение школ.
        - text: представить информацию
          due: в срок до 30 января 2023 года и 20 июля 2023 года
    - kind: recommend
      parties: [heads]
      points:
        - number: "2.1"
          text: назначить координаторов
    - kind: approve
"""
PARTIES = """\
  - id: soiro
    kind: organisation
    name: областной институт развития образования
    abbreviation: ИРО
    head: koltsova
  - id: koltsova
    kind: person
    surname: Кольцова
    initials: О.С.
    gender: female
  - id: heads
    kind: group
    name: руководители органов управления образованием
  - id: head
"""


def test_points_with_sub_points_heads_and_two_due_dates(tmp_path: Path) -> None:
    folder = _build(tmp_path, [("    - kind: approve\n", POINTS), ("  - id: head\n", PARTIES)])
    paragraphs, html = _both(folder)
    expected = [
        "1. Областному институту развития образования (Кольцова О.С.) (далее – ИРО):",
        "1.1. Обеспечить сопровождение школ.",
        "1.2. Представить информацию в срок до 30 января 2023 года и 20 июля 2023 года.",
        "2. Рекомендовать руководителям органов управления образованием:",
        "2.1. Назначить координаторов.",
        "3. Утвердить план мероприятий (приложение № 1).",
    ]
    for line in expected:
        assert line in paragraphs, (line, paragraphs)
        assert line in html, line


def test_a_sub_point_number_is_checked_against_its_point(tmp_path: Path) -> None:
    from shnor_docs.errors import SpecError

    with pytest.raises(SpecError) as info:
        _build(tmp_path, [("    - kind: approve\n", POINTS.replace('"2.1"', '"4.1"')),
                          ("  - id: head\n", PARTIES)])
    assert [p.code for p in info.value.problems] == ["S026"]


# --- appendices and parts --------------------------------------------------------------------


def test_an_appendix_not_attached_is_cited_but_not_built(tmp_path: Path) -> None:
    edits = [("      appendix: 1\n", "      appendix: 1\n    - kind: approve\n"
              "      text: список школ\n      appendix: 2\n"),
             ("  signatory:\n", "  appendices:\n    - {number: 1, document: programme}\n"
              "    - {number: 2, document: list, attached: false}\n  signatory:\n")]
    folder = _build(tmp_path, edits)
    assert sorted(p.name for p in folder.iterdir() if p.suffix == ".docx") == [
        "prikaz.docx", "prilozhenie-1.docx"]
    assert "2. Утвердить список школ (приложение № 2)." in _paragraphs(folder / "prikaz.docx")


def test_without_the_acts_text_the_appendix_is_built_alone(tmp_path: Path) -> None:
    text = valid_spec_text()
    points = text[text.index("  points:\n"):text.index("  signatory:\n")]
    folder = _build(tmp_path, [(points, "  points: []\n"), ("  signatory:\n    party: head\n", "")])
    assert sorted(p.name for p in folder.iterdir() if p.suffix == ".docx") == [
        "prilozhenie-1.docx"]
    paragraphs = _paragraphs(folder / "prilozhenie-1.docx")
    assert paragraphs[0] == "Приложение № 1" and "ПРИКАЗ" not in paragraphs


def test_parts_print_in_the_spec_order_with_its_headings_and_no_invented_passport(
    tmp_path: Path
) -> None:
    body = ("  body:\n    - part: tasks\n      heading: 'Задачи:'\n    - part: heading\n"
            "      text: Целевой раздел\n    - part: goals\n      heading: Цель программы\n"
            "      style: inline\n")
    folder = _build(tmp_path, [("  period: 2023\n", "  period: 2023\n" + body)])
    paragraphs, html = _both(folder, "prilozhenie-1.docx")
    start = paragraphs.index("План мероприятий")
    assert paragraphs[start + 1: start + 4] == [
        "Задачи:", "Задача.", "Целевой раздел"]
    assert "Цель программы – Цель." in paragraphs
    assert not any("Паспорт" in p for p in paragraphs) and "Паспорт" not in html
    assert "2023 г." not in paragraphs  # no invented subtitle


# --- tables ----------------------------------------------------------------------------------


def _roadmap(tmp_path: Path, settings: str) -> tuple[list[str], str]:
    text = valid_spec_text()
    old = text[text.index("roadmap:\n"):]
    folder = _build(tmp_path, [(old, TWO_SECTIONS.format(settings=settings))])
    return _both(folder, "prilozhenie-1.docx")


def test_default_columns_drop_an_empty_result(tmp_path: Path) -> None:
    paragraphs, html = _roadmap(tmp_path, "numbering: section")
    head = next(p for p in paragraphs if p.startswith("№ п/п"))
    assert head == "№ п/п | Наименование мероприятия | Срок исполнения | Ответственные исполнители"
    assert "1.1 | Первое | Январь - 2023 г. | Отдел образования" not in paragraphs  # typography
    assert "1.1 | Первое | Январь – 2023 г. | Отдел образования" in paragraphs
    assert "1. Первый раздел" in paragraphs and "Ожидаемый результат" not in html


def test_columns_numbering_and_the_column_number_row(tmp_path: Path) -> None:
    settings = ("numbering: continuous\n  number_format: '1.'\n  section_numbers: false\n"
                "  column_numbers: true\n  columns: [number, {title: Мероприятие}, "
                "{deadline: Срок}, {note: Отметка о выполнении}]")
    paragraphs, html = _roadmap(tmp_path, settings)
    assert "№ п/п | Мероприятие | Срок | Отметка о выполнении" in paragraphs
    assert "1 | 2 | 3 | 4" in paragraphs and "1 2 3 4" in html
    assert "Второй раздел" in paragraphs  # unnumbered section row
    assert "3. | Третье | март 2023 г. | " in paragraphs  # continuous; the empty note is kept


def test_local_numbering_restarts_in_each_section(tmp_path: Path) -> None:
    paragraphs, _ = _roadmap(tmp_path, "numbering: local")
    assert "1 | Третье | март 2023 г. | Отдел образования" in paragraphs


def test_an_unknown_column_is_a_coded_error(tmp_path: Path) -> None:
    from shnor_docs.errors import SpecError

    with pytest.raises(SpecError) as info:
        _roadmap(tmp_path, "columns: [number, titel]")
    (problem,) = info.value.problems
    assert problem.code == "S013" and "«title»" in problem.message


OTHER_POINTS = """\
    - kind: appoint
      role: ответственным за организацию поддержки школ
      parties: [deputy]
    - kind: assign
      parties: [deputy]
    - kind: control
      parties: [deputy]
    - kind: control
    - kind: approve
"""
DEPUTY = """\
  - id: deputy
    kind: person
    surname: Черкесова
    initials: Л.Ф.
    gender: female
    position: заместитель начальника отдела образования
  - id: head
"""


def test_appoint_assign_and_control_points_are_declined(tmp_path: Path) -> None:
    folder = _build(tmp_path, [("    - kind: approve\n", OTHER_POINTS), ("  - id: head\n", DEPUTY)])
    paragraphs, html = _both(folder)
    for line in [
        "1. Назначить ответственным за организацию поддержки школ заместителя начальника "
        "отдела образования Л.Ф. Черкесову.",
        "2. Ответственность за исполнение настоящего приказа возложить на заместителя "
        "начальника отдела образования Л.Ф. Черкесову.",
        "3. Контроль за исполнением настоящего приказа возложить на заместителя начальника "
        "отдела образования Л.Ф. Черкесову.",
        "4. Контроль за исполнением настоящего приказа оставляю за собой.",
    ]:
        assert line in paragraphs, (line, paragraphs)
        assert line in html, line
