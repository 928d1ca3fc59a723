"""The small readers: Word's numbers, dates and numbers as officials write them, marks, names,
the YAML writer."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from shnor_docs.importing.emit import Markdown, Note, document
from shnor_docs.importing.numbering import Level, Numbering, format_number
from shnor_docs.importing.parties import Registry, nominative_phrase, surname_nominative
from shnor_docs.importing.segments import parse_mark
from shnor_docs.importing.source import Para
from shnor_docs.importing.words import find_date, find_number, md_escape, names
from shnor_docs.render.blocks import parse_markdown
from shnor_docs.render.typography import typograph


@pytest.mark.parametrize(("value", "fmt", "shown"), [
    (3, "decimal", "3"), (4, "lowerLetter", "d"), (28, "upperLetter", "BB"),
    (9, "upperRoman", "IX"), (14, "lowerRoman", "xiv"), (3, "russianLower", "в"),
    (10, "russianUpper", "К"), (7, "decimalZero", "07"),
])
def test_number_formats(value: int, fmt: str, shown: str) -> None:
    assert format_number(value, fmt) == shown


def test_levels_restart_and_instances_share_or_restart_counters() -> None:
    numbering = Numbering(
        abstract={"1": {0: Level(1, "decimal", "%1."), 1: Level(1, "decimal", "%1.%2.")}},
        nums={"5": ("1", {}), "6": ("1", {}), "7": ("1", {0: 1})},
    )
    shown = [numbering.label(num, level).text for num, level in (
        ("5", 0), ("5", 1), ("5", 1), ("5", 0), ("5", 1), ("6", 0), ("7", 0), ("7", 0))]
    assert shown == ["1.", "1.1.", "1.2.", "2.", "2.1.", "3.", "1.", "2."]
    assert numbering.label("99", 0) is None


@pytest.mark.parametrize(("text", "date"), [
    ("« 06 » 10 2020 г.", dt.date(2020, 10, 6)),
    ("«06» октября 2020 года", dt.date(2020, 10, 6)),
    ("30.12.2020", dt.date(2020, 12, 30)),
    ("30 декабря 2020 г.", dt.date(2020, 12, 30)),
    ("от 11.01.2023г.", dt.date(2023, 1, 11)),
    ("от 5.7.21 № 302", dt.date(2021, 7, 5)),
])
def test_dates_in_every_form(text: str, date: dt.date) -> None:
    assert find_date(text).value == date


@pytest.mark.parametrize(("text", "number"), [
    ("№ 718-ОД", "718-ОД"), ("№ 5-а", "5-а"), ("№404", "404"), ("№ 10508/21-22,", "10508/21-22"),
    ("от 30.12.2019 N 404", "404"),
])
def test_registration_numbers(text: str, number: str) -> None:
    assert find_number(text).value == number


def test_a_mark_in_one_paragraph_with_line_breaks() -> None:
    mark = parse_mark([Para("Приложение № 2\nк постановлению Администрации\nрайона\n"
                            "от 05.07.2021 № 302")], 0)
    assert (mark.number, mark.act_kind, mark.authority, mark.date, mark.act_number) == (
        2, "postanovlenie", "Администрации района", dt.date(2021, 7, 5), "302")
    approved = parse_mark([Para("УТВЕРЖДЁН"), Para("приказом отдела образования"),
                           Para("от 30.12.2020"), Para("№ 749")], 0)
    assert (approved.number, approved.act_kind, approved.act_number, approved.lines) == (
        None, "prikaz", "749", 4)
    assert parse_mark([Para("Приложение к письму о семинаре")], 0) is None


def test_people_and_abbreviations() -> None:
    assert [(i, s, last) for i, s, *_, last in names("методиста Л.В. Игнатенко и Мурашину Н.Т.")] \
        == [("Л.В.", "Игнатенко", False), ("Н.Т.", "Мурашину", True)]
    assert surname_nominative("Черкесову") == "Черкесова"
    assert nominative_phrase("Руководителям общеобразовательных организаций") == \
        "руководители общеобразовательных организаций"
    registry = Registry()
    first = registry.cell("Муниципальный центр диагностики и консультирования (далее МЦДК)")
    assert registry.cell("МЦДК") == first
    assert registry.cell("Н.Т. Мурашина") == registry.person("Н.Т.", "Мурашина")
    registry.finish()
    entry = registry.entries[first]
    assert (entry.name, entry.abbreviation, entry.table_name) == (
        "Муниципальный центр диагностики и консультирования", "МЦДК", None)


def _pieces(extra: list[str], size: int) -> st.SearchStrategy[str]:
    """Text of ordinary characters and the pieces that trouble YAML and Markdown."""
    chars = st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"))
    return st.lists(chars | st.sampled_from(extra), max_size=size).map("".join)


_TEXT = _pieces([*list("\n\t*_#-1.«»:"), " - ", "1. ", "\n\n", "  ", ": ", " #"], 60)


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.sampled_from(["title", "text", "name", "x"]), _TEXT, max_size=4),
       st.lists(_TEXT, max_size=3))
def test_the_yaml_reads_back_as_written(data: dict, items: list) -> None:
    text = document({"a": data, "b": [Note(item, ["проверьте: это"]) for item in items]},
                    ["yaml-language-server: $schema=x"])
    back = yaml.safe_load(text) or {}
    assert back.get("a", {}) == data  # an empty string stays: «heading: ""» means none
    assert back.get("b", []) == items


@settings(max_examples=300, deadline=None)
@given(_pieces([*list("*_#-`[]\\+<>&="), "1. ", "- ", "+ ", "2) ", "---", "&amp;"], 40))
def test_escaped_text_prints_as_written(text: str) -> None:
    line = " ".join(text.split())
    if line:
        printed = " ".join(b.text for b in parse_markdown(md_escape(line)))
        assert printed == typograph(line)


def test_long_printed_lines_stay_within_100_columns() -> None:
    title = ("Муниципальная программа (комплекс мер) по совершенствованию показателя оценки "
             "механизмов управления качеством образовательных результатов в муниципальном "
             "районе\nСтерлитамакский район Республики Башкортостан\n«Система работы»")
    text = document({"act": {"appendices": [{"number": 2, "title": title}]}}, [])
    assert max(len(line) for line in text.splitlines()) <= 100
    assert yaml.safe_load(text)["act"]["appendices"][0]["title"] == title


def test_long_markdown_stays_within_100_columns() -> None:
    words = "слово " * 60
    text = document({"programme": {"body": [{"part": "text", "text": Markdown(
        f"{words}конец\n\n- пункт {words}- 1. два")}]}}, [])
    assert max(len(line) for line in text.splitlines()) <= 100
    back = yaml.safe_load(text)["programme"]["body"][0]["text"]
    assert [b.text for b in parse_markdown(back)] == [
        b.text for b in parse_markdown(f"{words}конец\n\n- пункт {words}- 1. два")]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["слово", "–", "-", "1.", "#", "длинноесловоиз20букв", "2)",
                                 "а", "«кавычки»"]), min_size=1, max_size=60))
def test_wrapping_keeps_the_words_and_the_width(words: list[str]) -> None:
    from shnor_docs.importing.emit import _NO_BREAK_BEFORE, wrap

    text = " ".join(words)
    lines = wrap(text, 40)
    assert " ".join(lines) == text
    # Within the width, unless no break is allowed inside the line: every word after its first
    # would start a list item or a heading («длинноесловоиз20букв - - - 1. 1. 1. 1. 1.»).
    assert all(len(line) <= 40 or all(_NO_BREAK_BEFORE.match(w) for w in line.split(" ")[1:])
               for line in lines)
    assert not any(re.match(r"^(?:[-+*#]|\d+[.)])(?: |$)", line) for line in lines[1:])
