"""Tests of Russian typography, declension of names and positions, abbreviations."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shnor_docs.model.parties import Party
from shnor_docs.render.russian import (
    capitalize_first,
    decline_phrase,
    gender_of,
    join_ru,
    party_phrase,
    person_name,
    plural_days,
    position_and_name,
    typograph,
)

NB = "\u00a0"
CASES = ("nominative", "genitive", "dative", "accusative", "instrumental", "prepositional")


def person(surname: str, initials: str, **fields: object) -> Party:
    return Party(id="p", kind="person", surname=surname, initials=initials, **fields)


# --- typography ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("приказ № 749", f"приказ №{NB}749"),
        ("приказ №749", f"приказ №{NB}749"),
        ("Л.Ф. Черкесова", f"Л.Ф.{NB}Черкесова"),
        ("Л. Ф. Черкесова", f"Л.Ф.{NB}Черкесова"),
        ("Черкесова Л.Ф.", f"Черкесова{NB}Л.Ф."),
        ("Черкесова Л. Ф., методист", f"Черкесова{NB}Л.Ф., методист"),
        ("Назначить Л.Ф. Черкесову", f"Назначить Л.Ф.{NB}Черкесову"),
        ("от 30 декабря 2020 г.", f"от 30{NB}декабря{NB}2020{NB}г."),
        ("до 15 октября 2020г.", f"до 15{NB}октября{NB}2020{NB}г."),
        ("до 30 января 2021 года", f"до 30{NB}января{NB}2021{NB}года"),
        ("Январь 2023 г. Февраль 2023 г.", f"Январь{NB}2023{NB}г. Февраль{NB}2023{NB}г."),
        ("г. Белая Калитва", "г. Белая Калитва"),
        ('программа "Успех"', "программа «Успех»"),
        ('МБОУ "Школа "Лидер""', "МБОУ «Школа „Лидер“»"),
        ('«Школа "Лидер"»', "«Школа „Лидер“»"),
        ("«Школа „Лидер“»", "«Школа „Лидер“»"),
        ("на 2021-2023 гг.", f"на 2021–2023{NB}гг."),
        ("в 2021 - 2023 годах", f"в 2021–2023{NB}годах"),
        ("план - график", f"план{NB}– график"),  # a dash never starts a line
        ("план -- график", f"план{NB}– график"),
        ("план — график", f"план{NB}— график"),
        ("ШНОР-школ учителей-предметников 5-а класс", "ШНОР-школ учителей-предметников 5-а класс"),
        ("  много   пробелов  ", "много пробелов"),
    ],
)
def test_typograph_rules(raw: str, expected: str) -> None:
    assert typograph(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        'Приказ №749 от 30 декабря 2020 г. "О программе "Школа "Лидер"" на 2021-2023 гг."',
        "Контроль возложить на Л. Ф. Черкесову - заместителя начальника -- и Кащееву И.А.",
        "«Уже «правильные» кавычки» и 2021 – 2023",
    ],
)
def test_typograph_is_idempotent(raw: str) -> None:
    once = typograph(raw)
    assert typograph(once) == once


def _every_rule(text: str) -> str:
    """The rules of :func:`typograph` applied to every text, without its shortcuts."""
    from shnor_docs.render import typography as t

    text = t._SPACES.sub(" ", text.strip())
    text = t._DOUBLE_HYPHEN.sub(t.EN_DASH, text)
    text = t._YEAR_RANGE.sub(rf"\1{t.EN_DASH}\2", text)
    text = t._SPACED_HYPHEN.sub(f"{NB}{t.EN_DASH} ", text)
    text = t._DASH_AFTER_SPACE.sub(rf"{NB}\1", text)
    text = t._quotes(text)
    text = t._NUMBER_SIGN.sub(f"№{NB}", text)
    text = t._INITIALS_FIRST.sub(rf"\1.\2.{NB}\3", text)
    text = t._SURNAME_FIRST.sub(rf"\1{NB}\2.\3.", text)
    text = t._WORD_DATE.sub(rf"\1{NB}\2", text)
    text = t._MONTH_YEAR.sub(rf"\1{NB}\2", text)
    text = t._YEAR_WORD.sub(rf"\1{NB}\2", text)
    return t._YEAR_MARK.sub(rf"{NB}\1", text)


PIECES = st.sampled_from([  # each rule's trigger, alone and in the wording it fixes
    "а", "Б", " ", "  ", "\t", "-", "--", " - ", "–", "—", '"', ".", ",", "№", "5", "2021",
    "2020-2021", "2020—2021", "2020 – 2021", "г.", "гг.", "5 мая", "января", "И.", "И. И. ",
    "Иванов", "Иванов И.И.", "Петрова-Водкина", "«", "»", "(", NB, "мая", "Февраль", "года",
])


@settings(max_examples=400, deadline=None)
@given(st.lists(PIECES, max_size=14).map("".join))
def test_typograph_shortcuts_change_nothing(text: str) -> None:
    assert typograph(text) == _every_rule(text)


def test_import_is_cheap() -> None:
    code = "import sys, shnor_docs.render.russian; print('pymorphy3' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False"


# --- gender ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"surname": "Игнатенко", "patronymic": "Викторовна"}, "female"),
        ({"surname": "Игнатенко", "patronymic": "Ильинична"}, "female"),
        ({"surname": "Игнатенко", "patronymic": "Петрович"}, "male"),
        ({"surname": "Мамедова", "patronymic": "Гасан кызы"}, "female"),
        ({"surname": "Игнатенко", "first_name": "Людмила"}, "female"),
        ({"surname": "Игнатенко", "first_name": "Николай"}, "male"),
        ({"surname": "Черкесова"}, "female"),
        ({"surname": "Каменская"}, "female"),
        ({"surname": "Кузнецов"}, "male"),
        ({"surname": "Достоевский"}, "male"),
        ({"surname": "Игнатенко"}, None),
        ({"surname": "Кузнецов", "gender": "female"}, "female"),
        ({"surname": "Иванова", "first_name": "Саша", "gender": "male"}, "male"),
        ({"name": "Стукова Ольга Викторовна"}, "female"),
        ({"name": "Иван Петрович Сидоров"}, "male"),
    ],
)
def test_gender_of(fields: dict[str, str], expected: str | None) -> None:
    assert gender_of(Party(id="p", kind="person", **fields)) == expected


def test_gender_of_organisation_is_none() -> None:
    assert gender_of(Party(id="o", name="Отдел образования")) is None


# --- person names ---------------------------------------------------------------------------

CHERKESOVA = ("Черкесова", "Черкесовой", "Черкесовой", "Черкесову", "Черкесовой", "Черкесовой")
PROKOPOVICH = (
    "Прокопович",
    "Прокоповича",
    "Прокоповичу",
    "Прокоповича",
    "Прокоповичем",
    "Прокоповиче",
)


@pytest.mark.parametrize(("case", "surname"), list(zip(CASES, CHERKESOVA, strict=True)))
def test_female_name_in_every_case(case: str, surname: str) -> None:
    party = person("Черкесова", "Л.Ф.")
    assert person_name(party, case) == f"Л.Ф.{NB}{surname}"  # type: ignore[arg-type]
    assert person_name(party, case, "surname_first") == f"{surname}{NB}Л.Ф."  # type: ignore[arg-type]


@pytest.mark.parametrize(("case", "surname"), list(zip(CASES, PROKOPOVICH, strict=True)))
def test_male_name_in_every_case(case: str, surname: str) -> None:
    party = person("Прокопович", "Н.М.", gender="male")
    assert person_name(party, case) == f"Н.М.{NB}{surname}"  # type: ignore[arg-type]


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize(
    ("surname", "initials", "gender"),
    [
        ("Игнатенко", "Л.В.", None),
        ("Игнатенко", "Л.В.", "female"),
        ("Шевченко", "Т.Г.", "male"),
        ("Ефимако", "Н.М.", "female"),
        ("Дурново", "П.Н.", "male"),
        ("Гюго", "В.", "male"),
        ("Прокопович", "Н.М.", "female"),
        ("Седых", "А.И.", "male"),
    ],
)
def test_indeclinable_surnames(case: str, surname: str, initials: str, gender: str) -> None:
    party = person(surname, initials, gender=gender)
    assert person_name(party, case) == f"{initials}{NB}{surname}"  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("surname", "initials", "case", "expected"),
    [
        ("Мурашина", "Н.Т.", "accusative", "Мурашину"),
        ("Мурашина", "Н.Т.", "dative", "Мурашиной"),
        ("Кащеева", "И.А.", "genitive", "Кащеевой"),
        ("Кащеева", "И.А.", "accusative", "Кащееву"),
        ("Стукова", "О.В.", "instrumental", "Стуковой"),
        ("Стукова", "О.В.", "accusative", "Стукову"),
        ("Шевцова", "Р.Н.", "prepositional", "Шевцовой"),
        ("Шевцова", "Р.Н.", "accusative", "Шевцову"),
    ],
)
def test_female_surnames(surname: str, initials: str, case: str, expected: str) -> None:
    assert person_name(person(surname, initials), case) == f"{initials}{NB}{expected}"  # type: ignore[arg-type]


def test_person_name_from_full_name_and_first_name() -> None:
    party = Party(id="p", kind="person", name="Черкесова Людмила Федоровна")
    assert person_name(party, "dative") == f"Л.Ф.{NB}Черкесовой"
    party = Party(
        id="p", kind="person", surname="Сидоров", first_name="Иван", patronymic="Петрович"
    )
    assert person_name(party, "accusative") == f"И.П.{NB}Сидорова"


def test_male_surname_in_a_declines() -> None:
    party = person("Сковорода", "Г.С.", gender="male")
    assert person_name(party, "dative") == f"Г.С.{NB}Сковороде"


def test_explicit_form_overrides_name() -> None:
    party = person("Черкесова", "Л.Ф.", forms={"dative": "Людмиле Федоровне"})
    assert person_name(party, "dative") == "Людмиле Федоровне"
    assert person_name(party, "genitive") == f"Л.Ф.{NB}Черкесовой"


# --- phrases --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "case", "expected"),
    [
        (
            "заместитель начальника отдела образования",
            "dative",
            "заместителю начальника отдела образования",
        ),
        (
            "главный специалист отдела образования",
            "accusative",
            "главного специалиста отдела образования",
        ),
        (
            "руководители общеобразовательных организаций",
            "dative",
            "руководителям общеобразовательных организаций",
        ),
        (
            "руководители общеобразовательных организаций",
            "accusative",
            "руководителей общеобразовательных организаций",
        ),
        ("муниципальный координатор", "accusative", "муниципального координатора"),
        ("методист МБУ ИМЦ", "accusative", "методиста МБУ ИМЦ"),
        ("заведующий отделом образования", "dative", "заведующему отделом образования"),
        ("заведующая отделом образования", "accusative", "заведующую отделом образования"),
        ("исполняющий обязанности начальника", "genitive", "исполняющего обязанности начальника"),
        ("специалист-эксперт", "genitive", "специалиста-эксперта"),
        ("ведущий специалист-эксперт", "dative", "ведущему специалисту-эксперту"),
        ("начальник отдела образования", "instrumental", "начальником отдела образования"),
        ("главный инспектор", "prepositional", "главном инспекторе"),
        ("методист", "dative", "методисту"),
        ("старший методист", "accusative", "старшего методиста"),
        (
            "руководители районных методических объединений учителей-предметников",
            "dative",
            "руководителям районных методических объединений учителей-предметников",
        ),
        ("Районный методический кабинет", "accusative", "Районный методический кабинет"),
        ("Районный методический кабинет", "genitive", "Районного методического кабинета"),
        ("общеобразовательные организации", "dative", "общеобразовательным организациям"),
        ("рабочая группа", "accusative", "рабочую группу"),
        (
            "Муниципальное бюджетное учреждение «ИМЦ»",
            "accusative",
            "Муниципальное бюджетное учреждение «ИМЦ»",
        ),
        (
            "Муниципальное бюджетное учреждение «ИМЦ»",
            "dative",
            "Муниципальному бюджетному учреждению «ИМЦ»",
        ),
        ("МБОУ «СОШ № 1»", "dative", "МБОУ «СОШ № 1»"),
        ("методист", "nominative", "методист"),
    ],
)
def test_decline_phrase(phrase: str, case: str, expected: str) -> None:
    assert decline_phrase(phrase, case) == expected  # type: ignore[arg-type]


def test_unparsable_head_is_left_unchanged() -> None:
    assert decline_phrase("тьюторщицын", "dative") in {"тьюторщицын", "тьюторщицыну"}
    assert decline_phrase("и.о. начальника", "dative") == "и.о. начальника"


def test_positions_name_people() -> None:
    assert decline_phrase("ведущий специалист-эксперт", "accusative") == (
        "ведущего специалиста-эксперта"
    )
    # pymorphy3 does not know «тьютор» and guesses an inanimate noun; a position is a person
    assert decline_phrase("главный тьютор", "accusative", animate=True) == "главного тьютора"
    tutor = person("Стукова", "О.В.", position="тьютор")
    assert position_and_name(tutor, "accusative") == f"тьютора О.В.{NB}Стукову"
    teams = Party(id="t", kind="group", name="школьные команды")
    assert party_phrase(teams, "accusative") == "школьные команды"


def test_position_and_name() -> None:
    party = person("Черкесова", "Л.Ф.", position="заместитель начальника отдела образования")
    assert position_and_name(party, "accusative") == (
        f"заместителя начальника отдела образования Л.Ф.{NB}Черкесову"
    )
    assert position_and_name(person("Игнатенко", "Л.В."), "dative") == f"Л.В.{NB}Игнатенко"
    party = person("Игнатенко", "Л.В.", position="методист", forms={"dative": "Игнатенко Л.В."})
    assert position_and_name(party, "dative") == "Игнатенко Л.В."


def test_party_phrase() -> None:
    group = Party(id="g", kind="group", name="руководители общеобразовательных организаций")
    assert party_phrase(group, "dative") == "руководителям общеобразовательных организаций"
    unit = Party(id="u", kind="unit", name="Отдел образования", forms={"dative": "ООА"})
    assert party_phrase(unit, "dative") == "ООА"
    assert party_phrase(unit, "genitive") == "Отдела образования"
    methodist = person("Игнатенко", "Л.В.", position="методист МБУ ИМЦ")
    assert party_phrase(methodist, "accusative") == f"методиста МБУ ИМЦ Л.В.{NB}Игнатенко"


# --- helpers --------------------------------------------------------------------------------


def test_small_helpers() -> None:
    assert capitalize_first("руководителям организаций") == "Руководителям организаций"
    assert capitalize_first("«проект» ОО") == "«Проект» ОО"
    assert capitalize_first("") == ""
    assert join_ru([]) == ""
    assert join_ru(["А"]) == "А"
    assert join_ru(["А", "Б"]) == "А и Б"
    assert join_ru(["А", "Б", "В"]) == "А, Б и В"


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (1, "1 день"),
        (2, "2 дня"),
        (5, "5 дней"),
        (11, "11 дней"),
        (14, "14 дней"),
        (21, "21 день"),
        (22, "22 дня"),
        (111, "111 дней"),
        (0, "0 дней"),
    ],
)
def test_plural_days(n: int, expected: str) -> None:
    assert plural_days(n) == expected


def test_the_roadmap_apposition_agrees_with_its_plan() -> None:
    """«План мероприятий («дорожная карта»)» in the genitive is «плана мероприятий («дорожной
    карты»)», as the orders write it; a programme's quoted name keeps its form."""
    from shnor_docs.render.russian import decline_phrase

    plan = "План мероприятий («дорожная карта») по сопровождению школ"
    assert decline_phrase(plan, "genitive") == (
        "Плана мероприятий («дорожной карты») по сопровождению школ")
    assert decline_phrase("Программа «Школа успеха»", "genitive") == "Программы «Школа успеха»"
