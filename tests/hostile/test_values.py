"""Hostile values in a spec: coded errors with a position, never an internal error.

Each case is refused by ``validate`` and ``build`` with exit code 2 and its code at the value's
line and column, and the previous build stays as it was (issue «Nothing lost», groups C, D, F).
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from tests.hostile.workspace import (
    PROG,
    SECRET,
    VALID_TEXT,
    assert_refused,
    invoke,
    russian,
    write_spec,
)

DEADLINE = "deadline: январь 2023 г."
DEADLINE_AT = f"{PROG}/programme.yaml:41:21"  # the deadline's value in the valid spec


def _replace(root: Path, old: str, new: str) -> None:
    assert VALID_TEXT.count(old) == 1, old
    write_spec(root, VALID_TEXT.replace(old, new))


def _line_col(text: str, needle: str) -> str:
    """«programme.yaml:L:C» of the first character of ``needle`` in ``text``."""
    before = text[: text.index(needle)]
    return f"{PROG}/programme.yaml:{before.count(chr(10)) + 1}:{len(before.split(chr(10))[-1]) + 1}"


# --- C8, F28: years out of range -----------------------------------------------------------

YEAR_9999 = {
    "month-text": "декабрь 9999 г.",
    "quarter-text": "IV квартал 9999 г.",
    "month-dict": "{month: 9999-12}",
    "from-to-dict": "{from: 9999-12, to: 9999-12}",
    "year-range": "2099-2200",
    "before-date": "до 31.12.9999",
}


@pytest.mark.parametrize("name", YEAR_9999)
def test_a_deadline_in_year_9999_is_a_coded_error(ws: Path, name: str) -> None:
    """«декабрь 9999 г.» crashed even validate with «year 10000 is out of range»."""
    _replace(ws, DEADLINE, f"deadline: {YEAR_9999[name]}")
    output = assert_refused(ws, f"{DEADLINE_AT}: ошибка S030 ")
    assert "вне допустимых пределов (1900–2100)" in output


@pytest.mark.parametrize(
    "period",
    ["{start: 0001-01-01, end: 9999-12-31}", "{start: 2023-01-01, end: 2101-01-01}", "2101"],
)
def test_the_period_has_the_same_year_bounds_in_every_form(ws: Path, period: str) -> None:
    _replace(ws, "period: 2023", f"period: {period}")
    output = assert_refused(ws, f"{PROG}/programme.yaml:24:11: ошибка S031 ")
    assert "1900–2100" in output


def test_a_date_of_the_act_in_year_9999_is_refused(ws: Path) -> None:
    _replace(ws, "date: 2023-01-11", "date: 9999-12-31")
    output = assert_refused(ws, f"{PROG}/programme.yaml:14:9: ошибка S014 ")
    assert "год 9999 вне допустимых пределов" in output


# --- C9: thresholds of the checks --------------------------------------------------------


def test_due_soon_days_beyond_reason_in_the_spec(ws: Path) -> None:
    write_spec(ws, VALID_TEXT + "checks:\n  due_soon_days: 99999999999\n")
    where = _line_col(VALID_TEXT + "checks:\n  due_soon_days: 99999999999\n", "99999999999")
    output = assert_refused(ws, f"{where}: ошибка S013 ", ("validate", "build", "check"))
    assert "допустимо не больше 3660" in output


def test_due_soon_days_beyond_reason_in_shnor_toml(ws: Path) -> None:
    (ws / "shnor.toml").write_text("due_soon_days = 99999999999\n", encoding="utf-8")
    result = invoke(["check", PROG, "--as-of", "2023-01-01"])
    assert result.exit_code == 2, result.output
    assert "shnor.toml:1:1: ошибка S013 " in result.output
    assert "допустимо не больше 3660" in result.output


# --- F27: numbers that are not numbers ---------------------------------------------------


@pytest.mark.parametrize("value", ["1e309", "NaN", "inf", "-Infinity"])
def test_an_indicator_value_that_is_not_finite_is_refused(ws: Path, value: str) -> None:
    text = VALID_TEXT.replace("      name: Показатель\n", f"      name: Показатель\n"
                              f"      targets: {{2023: {value}}}\n")
    write_spec(ws, text)
    output = assert_refused(ws, f"{_line_col(text, value)}: ошибка S013 ")
    assert "не конечное число" in output


def test_a_margin_that_is_not_a_number_is_refused(ws: Path) -> None:
    text = VALID_TEXT + "form:\n  margins: {left: nan}\n"
    write_spec(ws, text)
    output = assert_refused(ws, f"{_line_col(text, 'nan')}: ошибка S010 ")
    assert "конечное число" in output


# --- D17: YAML aliases that expand to a gigabyte --------------------------------------------


def test_one_anchored_text_reused_ten_thousand_times_is_refused(ws: Path) -> None:
    """1.2 MB of YAML expanded to 953 MB of text: the node count never noticed."""
    text = VALID_TEXT.replace(
        "    name: Отдел образования\n", "    name: Отдел образования\n    note: &big " +
        json.dumps("ж" * 120_000, ensure_ascii=False) + "\n", 1
    ) + "extra: [" + ", ".join(["*big"] * 10_000) + "]\n"
    write_spec(ws, text)
    start = time.perf_counter()
    output = assert_refused(ws, "ошибка S008 ")
    assert time.perf_counter() - start < 10
    assert "псевдонимы YAML" in output


# --- D18, F25: quadratic deadlines, and how much of them a message repeats ------------------


def test_a_long_run_of_digits_in_a_deadline_is_refused_quickly(ws: Path) -> None:
    """16,000 digits took 9 s in one regular expression, and the message quoted all of them."""
    digits = "1" * 16_000
    _replace(ws, DEADLINE, f"deadline: до {digits}")
    start = time.perf_counter()
    output = assert_refused(ws, f"{DEADLINE_AT}: ошибка S030 ")
    assert time.perf_counter() - start < 10
    line = next(x for x in output.splitlines() if "ошибка S030" in x)
    assert "длиннее 300 знаков" in line and "(16003 знака)" in line and len(line) < 400


def test_a_message_quotes_at_most_about_200_characters(ws: Path) -> None:
    deadline = "когда-нибудь " * 20
    _replace(ws, DEADLINE, f"deadline: {deadline.strip()}")
    output = assert_refused(ws, f"{DEADLINE_AT}: ошибка S030 не удалось разобрать срок «")
    quoted = output.split("«", 1)[1].split("»", 1)[0]
    assert 150 < len(quoted) < 230 and quoted.endswith("знаков)")


# --- C10, D18: Markdown that python-markdown cannot render in time --------------------------


def _goal_text(root: Path, body: str) -> str:
    text = VALID_TEXT.replace("      text: Цель.\n", "      text: " +
                              json.dumps(body, ensure_ascii=False) + "\n")
    write_spec(root, text)
    return _line_col(text, json.dumps(body, ensure_ascii=False)[:20])


MARKDOWN = {
    "list-300-levels": ("Цель:\n" + "".join("  " * i + "- пункт\n" for i in range(300)),
                        "отступом"),
    "brackets-16000": ("[" * 16_000, "знаков «["),
    "quote-staircase-400": ("\n".join(">" * i + " цитата" for i in range(1, 401)), "цитата"),
}


@pytest.mark.parametrize("name", MARKDOWN)
def test_markdown_too_deep_or_slow_is_refused_at_its_position(ws: Path, name: str) -> None:
    """A 300-level list ended in RecursionError; 16,000 «[» took 41 s; 400 quotes, 16 s."""
    body, word = MARKDOWN[name]
    where = _goal_text(ws, body)
    start = time.perf_counter()
    output = assert_refused(ws, f"{where}: ошибка S015 ")
    assert time.perf_counter() - start < 10
    assert word in output and russian(output)


def test_a_markdown_list_of_ordinary_depth_still_builds(ws: Path) -> None:
    _goal_text(ws, "Цель:\n" + "".join("  " * i + "- пункт\n" for i in range(8)))
    assert invoke(["build", PROG, "--out", "build"]).exit_code == 0


# --- B7: programme.yaml itself a link out of the folder --------------------------------------


def test_programme_yaml_linked_out_of_the_folder_is_refused_like_an_include(ws: Path) -> None:
    outside = ws / "outside.yaml"
    outside.write_text(VALID_TEXT.replace("Отдел образования Администрации", SECRET), "utf-8")
    (ws / PROG / "programme.yaml").unlink()
    (ws / PROG / "programme.yaml").symlink_to(outside)
    output = assert_refused(ws, f"{PROG}/programme.yaml: ошибка S006 ")
    assert SECRET not in output and "вне папки программы" in output


def test_a_finding_quotes_a_long_name_in_about_200_characters(ws: Path) -> None:
    name = "Подготовительный этап " * 5000
    write_spec(ws, VALID_TEXT.replace("  period: 2023\n", "  period: 2023\n  stages:\n"
                                      f"    - {{name: {name.strip()}, start: 2022-06-01, "
                                      "end: 2023-12-31}\n"))
    result = invoke(["check", PROG, "--as-of", "2023-01-01"])
    line = next(x for x in result.output.splitlines() if "начинается" in x)
    assert "знак" in line and len(line) < 500, line[:600]
