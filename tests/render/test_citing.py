"""How parties are named: abbreviations once and then declined, heads in brackets, cells."""

from __future__ import annotations

from shnor_docs.render.citing import Citer
from shnor_docs.spec.load import load_programme
from tests.conftest import valid_spec_text

NB = "\u00a0"
PARTIES = """\
  - id: rmk
    kind: unit
    name: Районный методический кабинет
    abbreviation: РМК
  - id: otd
    kind: unit
    name: Отдел образования Администрации Примерного района
    abbreviation: Отдел образования
  - id: soiro
    kind: organisation
    name: >-
      государственное автономное учреждение дополнительного профессионального образования
      «Смоленский областной институт развития образования»
    abbreviation: ГАУ ДПО СОИРО
    table_name: СОИРО
    head: koltsova
  - id: koltsova
    kind: person
    surname: Кольцова
    initials: О.С.
    gender: female
    position: ректор
  - id: shevtsova
    kind: person
    surname: Шевцова
    initials: Р.Н.
    gender: female
    position: заведующая РМК
  - id: rmk2
    kind: unit
    name: РМК отдела образования
    head: shevtsova
  - id: participants
    kind: group
    name: участники программы
  - id: murashina
    kind: person
    surname: Мурашина
    initials: Н.Т.
    gender: female
    position: муниципальный координатор
"""


def _citer(write_spec, form: str = "") -> tuple[Citer, object]:
    text = valid_spec_text().replace("parties:\n", "parties:\n" + PARTIES, 1) + form
    spec = load_programme(write_spec(text))
    return Citer(spec), spec


def test_an_abbreviation_is_introduced_once_and_declined_after(write_spec) -> None:
    citer, spec = _citer(write_spec)
    otd = spec.party("otd")
    assert citer.cite(spec.party("rmk"), "dative") == (
        "Районному методическому кабинету (далее – РМК)"
    )
    assert citer.cite(spec.party("rmk"), "genitive") == "РМК"
    first = citer.cite(otd, "dative")
    assert first.endswith("(далее – Отдел образования)")
    assert citer.cite(otd, "dative") == "Отделу образования"


def test_without_introduction_the_abbreviation_stands_alone(write_spec) -> None:
    citer, spec = _citer(write_spec, "form:\n  introduce_abbreviations: false\n")
    assert citer.cite(spec.party("rmk"), "dative") == "РМК"
    assert citer.cell(spec.party("otd")) == "Отдел образования"


def test_heads_in_brackets(write_spec) -> None:
    citer, spec = _citer(write_spec)
    soiro = citer.cite(spec.party("soiro"), "dative", heads="name")
    assert soiro.endswith(f"«Смоленский областной институт развития образования» (Кольцова{NB}"
                          "О.С.) (далее – ГАУ ДПО СОИРО)")
    assert soiro.startswith("государственному автономному учреждению")
    rmk = citer.cite(spec.party("rmk2"), "accusative", heads="name_position")
    assert rmk == f"РМК отдела образования (Шевцова{NB}Р.Н. – заведующая РМК)"


def test_cells_keep_the_registry_case_and_the_table_name(write_spec) -> None:
    citer, spec = _citer(write_spec)
    assert citer.cell(spec.party("participants")) == "участники программы"
    assert citer.cell(spec.party("soiro")) == "СОИРО"
    assert citer.cell(spec.party("murashina")) == f"Н.Т.{NB}Мурашина"


def test_surname_first_in_the_act(write_spec) -> None:
    citer, spec = _citer(write_spec, "form:\n  name_order: surname_first\n")
    assert citer.cite(spec.party("murashina"), "accusative") == (
        f"муниципального координатора Мурашину{NB}Н.Т."
    )
