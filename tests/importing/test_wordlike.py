"""A corpus of Word-like documents, each with the quirks of real ones, imported and loaded."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from shnor_docs.importing import import_document
from shnor_docs.spec.load import load_programme
from tests.importing.wordlike import C, Word

HEADER = ["№ п/п", "Наименование мероприятия", "Срок исполнения", "Ответственные исполнители"]


def blank(word: Word, date_line: str = "30.12.2020\t\t\t\t\t№ 749", directive: str = "ПРИКАЗЫВАЮ:",
          **directive_look) -> None:
    """The head of an order as a district writes it."""
    word.para("ОТДЕЛ ОБРАЗОВАНИЯ\nАДМИНИСТРАЦИИ ПРИМЕРНОГО РАЙОНА", bold=True, align="center")
    word.para("ПРИКАЗ", bold=True, align="center")
    word.para(date_line)
    word.para("г. Примерск", align="center")
    word.para("Об утверждении плана мероприятий по поддержке школ", bold=True)
    word.para("В соответствии с приказом министерства образования Примерной области от "
              "15.12.2020 № 1234 «О поддержке школ», в целях повышения качества образования",
              align="both")
    word.para(directive, **directive_look)


def tail(word: Word, points: str) -> None:
    word.para("Контроль за исполнением приказа оставляю за собой.", num=(points, 0))
    word.para()
    word.para("Начальник отдела образования\t\t\t\tИ.И. Иванов")
    word.para("Исп.: Петрова Мария Ивановна\nтел. 8 (800) 100-20-30")


def plan(word: Word, rows: list[list[C | str]], header: int = 1) -> None:
    word.para("Приложение № 1\nк приказу отдела образования\nадминистрации Примерного района\n"
              "от 30.12.2020 № 749", align="right")
    word.para("План мероприятий по поддержке школ на 2021 год", bold=True, align="center")
    word.table([HEADER, *rows], header=header)


def order(word: Word, rows: list[list[C | str]], **blank_options) -> None:
    blank(word, **blank_options)
    points = word.list()
    word.para("Утвердить план мероприятий по поддержке школ (приложение № 1).", num=(points, 0))
    tail(word, points)
    plan(word, rows)


def imported(word: Word, tmp_path: Path):
    path = word.save(tmp_path / "order.docx")
    result = import_document(path, tmp_path / "prog")
    assert result.problems == []
    return load_programme(tmp_path / "prog")


ROWS = [[C("1. Организационные мероприятия", span=4)],
        ["1.1.", "Совещание с руководителями школ", "январь 2021 г.", "Отдел образования"],
        ["1.2.", "Мониторинг результатов", "февраль 2021 г.", "Отдел образования"],
        [C("2. Методическая помощь", span=4)],
        ["2.1.", "Семинар для учителей", "март 2021 г.", "Отдел образования"]]


def test_automatic_numbering_of_points_and_sub_points(tmp_path: Path) -> None:
    word = Word()
    blank(word)
    points = word.list()
    word.para("Утвердить:", num=(points, 0))
    word.para("план мероприятий по поддержке школ (приложение № 1);", num=(points, 1))
    word.para("состав рабочей группы (приложение № 2).", num=(points, 1))
    word.para("Назначить ответственным методиста РМК Л.В. Игнатенко.", num=(points, 0))
    word.para("Руководителям общеобразовательных организаций обеспечить участие в плане в срок "
              "до 1 февраля 2021 г.", num=(points, 0))
    tail(word, points)
    plan(word, ROWS)
    spec = imported(word, tmp_path)
    act = spec.act
    assert [p.kind for p in act.points] == ["approve", "appoint", "instruct", "control"]
    assert [p.display_number for p in act.points] == ["1.", "2.", "3.", "4."]
    assert [p.number for p in act.points] == [None] * 4
    assert [(p.display_number, p.appendix) for p in act.points[0].points] == [("1.1.", 1),
                                                                             ("1.2.", 2)]
    assert act.points[2].due == "в срок до 1 февраля 2021 г."
    assert [(a.number, a.attached) for a in act.appendices] == [(1, True), (2, False)]
    assert spec.party(act.signatory.party).surname == "Иванов"
    executor = spec.party(act.executor)
    assert (executor.surname, executor.first_name, executor.phone) == (
        "Петрова", "Мария", "8 (800) 100-20-30")


def test_merged_section_rows_number_the_plan_by_section(tmp_path: Path) -> None:
    word = Word()
    order(word, ROWS)
    roadmap = imported(word, tmp_path).roadmap
    assert [s.title for s in roadmap.sections] == ["Организационные мероприятия",
                                                   "Методическая помощь"]
    assert (roadmap.numbering, roadmap.number_format, roadmap.section_numbers) == (
        "section", "1.", True)
    assert [a.display_number for a in roadmap.activities()] == ["1.1.", "1.2.", "2.1."]
    assert [c.header for c in roadmap.columns] == HEADER


def test_repeated_header_rows_and_the_row_of_column_numbers_are_skipped(tmp_path: Path) -> None:
    rows = [["1", "2", "3", "4"], *ROWS[:3], HEADER, ["1", "2", "3", "4"], *ROWS[3:]]
    word = Word()
    order(word, rows)
    roadmap = imported(word, tmp_path).roadmap
    assert len(roadmap.activities()) == 3
    assert roadmap.column_numbers is True


def test_a_row_split_across_pages_is_joined(tmp_path: Path) -> None:
    rows = [ROWS[0], ["1.1.", "Совещание с руководителями", "январь", "Отдел образования"],
            ["", "школ по итогам полугодия", "2021 г.", "РМК"], *ROWS[2:]]
    word = Word()
    order(word, rows)
    spec = imported(word, tmp_path)
    first = spec.roadmap.activities()[0]
    assert first.title == "Совещание с руководителями школ по итогам полугодия"
    assert first.deadline == "январь 2021 г."
    assert len(first.responsible) == 2
    assert "присоединено" in (tmp_path / "prog" / "roadmap.yaml").read_text(encoding="utf-8")


def test_line_breaks_inside_cells(tmp_path: Path) -> None:
    rows = [ROWS[0], ["1.1.", "Совещание с руководителями\nшкол", "Январь 2021 г.\nФевраль 2021 г.",
                      "Районный методический кабинет (далее – РМК)\nОтдел образования"],
            ["1.2.", "Семинар", "март 2021 г.", "РМК\nМурашина Н.Т."]]
    word = Word()
    order(word, rows)
    spec = imported(word, tmp_path)
    first, second = spec.roadmap.activities()
    assert first.title == "Совещание с руководителями школ"
    assert first.deadline == "Январь 2021 г. Февраль 2021 г."
    assert spec.roadmap.responsible_separator == "line"
    rmk = spec.party(first.responsible[0])
    assert (rmk.name, rmk.abbreviation) == ("Районный методический кабинет", "РМК")
    assert second.responsible[0] == rmk.id
    person = spec.party(second.responsible[1])
    assert (person.kind, person.surname, person.initials, person.table_name) == (
        "person", "Мурашина", "Н.Т.", "Мурашина Н.Т.")


@pytest.mark.parametrize(("line", "date", "number", "style"), [
    ("« 06 » 10 2020 г.\t\t\t\t\t\t№ 718-ОД", dt.date(2020, 10, 6), "718-ОД", None),
    ("30 декабря 2020 г.\t\t\t\t№ 5-а", dt.date(2020, 12, 30), "5-а", None),
    ("от 11.01.2023г.\t\t\t\t\t№404", dt.date(2023, 1, 11), "404", "numeric"),
])
def test_tabs_align_the_date_and_the_number(line, date, number, style, tmp_path: Path) -> None:
    word = Word()
    order(word, ROWS, date_line=line)
    spec = imported(word, tmp_path)
    assert (spec.act.date, spec.act.number) == (date, number)
    assert spec.form.date_style == (style or "words")


@pytest.mark.parametrize(("directive", "look"), [
    ("п р и к а з ы в а ю:", {}),
    ("ПРИКАЗЫВАЮ:", {"spacing": 60}),
])
def test_a_letter_spaced_directive(directive: str, look: dict, tmp_path: Path) -> None:
    word = Word()
    order(word, ROWS, directive=directive, **look)
    spec = imported(word, tmp_path)
    assert spec.form.directive == "spaced"
    assert spec.act.directive is None
    assert [p.kind for p in spec.act.points] == ["approve", "control"]


def test_a_title_in_a_narrow_cell_with_line_breaks(tmp_path: Path) -> None:
    word = Word()
    word.para("АДМИНИСТРАЦИЯ ПРИМЕРНОГО РАЙОНА", bold=True, align="center")
    word.para("ПОСТАНОВЛЕНИЕ", bold=True, align="center")
    word.layout([["05.07.2021", "№ 302"]])
    word.layout([["Об утверждении муниципальной\nпрограммы поддержки\nшкол", ""]])
    word.para("Администрация Примерного района ПОСТАНОВЛЯЕТ:")
    points = word.list()
    word.para("Утвердить муниципальную программу (приложение № 1).", num=(points, 0))
    tail(word, points)
    plan(word, ROWS)
    spec = imported(word, tmp_path)
    assert spec.act.kind == "postanovlenie"
    assert (spec.act.date, spec.act.number) == (dt.date(2021, 7, 5), "302")
    assert spec.act.title == "Об утверждении муниципальной программы поддержки школ"


def test_the_preamble_cites_its_acts(tmp_path: Path) -> None:
    word = Word()
    order(word, ROWS)
    basis = imported(word, tmp_path).act.basis
    assert [(b.kind, b.date, b.number, b.title) for b in basis] == [
        ("приказ", dt.date(2020, 12, 15), "1234", "О поддержке школ")]
    assert basis[0].issuer == "министерства образования Примерной области"


def test_a_deadline_without_a_date_is_kept_in_words(tmp_path: Path) -> None:
    rows = [ROWS[0], ["1.1.", "Консультации", "по мере поступления заявок", "РМК"]]
    word = Word()
    order(word, rows)
    spec = imported(word, tmp_path)
    assert spec.roadmap.activities()[0].deadline == {"text": "по мере поступления заявок"}
    text = (tmp_path / "prog" / "roadmap.yaml").read_text(encoding="utf-8")
    assert "# проверьте: срок «по мере поступления заявок» не разобран" in text


@pytest.mark.parametrize("mark", [
    ["", "Приложение № 1\nк приказу отдела образования\nот 30.12.2020 № 749"],
    ["", "УТВЕРЖДЁН\nприказом отдела образования\nот 30.12.2020 № 749"],
])
def test_an_appendix_mark_in_a_layout_cell(mark: list[str], tmp_path: Path) -> None:
    word = Word()
    blank(word)
    points = word.list()
    word.para("Утвердить план мероприятий по поддержке школ (приложение № 1).", num=(points, 0))
    tail(word, points)
    word.layout([mark])
    word.para("План мероприятий по поддержке школ на 2021 год", bold=True, align="center")
    word.table([HEADER, *ROWS])
    spec = imported(word, tmp_path)
    assert [(a.number or 1, a.document, a.cited_as) for a in spec.act.appendices] == [
        (1, "plan", None)]
    assert spec.programme.title == "План мероприятий по поддержке школ на 2021 год"
    assert len(spec.roadmap.activities()) == 3


def test_an_abbreviation_never_introduced_is_marked(tmp_path: Path) -> None:
    rows = [ROWS[0], ["1.1.", "Семинар", "март 2021 г.", "МЦДК"]]
    word = Word()
    order(word, rows)
    spec = imported(word, tmp_path)
    assert spec.party(spec.roadmap.activities()[0].responsible[0]).name == "МЦДК"
    text = (tmp_path / "prog" / "parties.yaml").read_text(encoding="utf-8")
    assert "# ДЕФЕКТ ИСХОДНОГО ДОКУМЕНТА: сокращение «МЦДК» в документе не расшифровано" in text
