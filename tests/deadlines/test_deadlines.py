"""Сроки мероприятий: разбор формулировок из реальных документов, написание, период программы.

Expected renderings use «~» for U+00A0 (no-break space); «–» is U+2013 (en dash).
"""

from __future__ import annotations

import ast
import sys
from datetime import date, datetime
from pathlib import Path

import pytest

from shnor_docs import deadlines as dates
from shnor_docs.deadlines import (
    ACCEPTED_FORMS,
    Deadline,
    DeadlineError,
    DeadlineKind,
    Period,
    format_date,
    month_name,
    parse_deadline,
    parse_period,
    render_deadline,
)

K = DeadlineKind
D = date
P000 = Period(D(2021, 1, 1), D(2023, 12, 31))  # seed 000: calendar 2021–2023
P004 = Period(D(2023, 1, 1), D(2023, 12, 31))  # seed 004: calendar 2023
ACADEMIC = Period(D(2020, 9, 1), D(2021, 8, 31), academic=True)  # 2020/2021


def nb(text: str) -> str:
    return text.replace("~", "\u00a0")


def months_of(*pairs: tuple[int, int]) -> tuple[tuple[date, date], ...]:
    return tuple(dates.month_window(y, m) for y, m in pairs)


# (phrase, period, kind, start, end, render or None)
SEED_000 = [
    ("Январь - февраль 2021", K.RANGE, D(2021, 1, 1), D(2021, 2, 28), "январь – февраль 2021~г."),
    ("в течение всего периода", K.PERIOD, P000.start, P000.end, "в течение всего периода"),
    (
        "По плану мониторинговых исследований",
        K.EXTERNAL,
        D(2021, 1, 1),
        D(2023, 12, 31),
        "по плану мониторинговых исследований",
    ),
    (
        "По плану работы Отдела образования, 2-3 раза в год",
        K.EXTERNAL,
        D(2021, 1, 1),
        D(2023, 12, 31),
        "по плану работы Отдела образования, 2–3 раза в год",
    ),
    (
        "2 раза в год (май, декабрь)",
        K.RECURRING,
        D(2021, 1, 1),
        D(2023, 12, 31),
        "2 раза в год (май, декабрь)",
    ),
    ("постоянно", K.PERIOD, D(2021, 1, 1), D(2023, 12, 31), "в течение всего периода"),
    (
        "По плану работы Отдела образования",
        K.EXTERNAL,
        D(2021, 1, 1),
        D(2023, 12, 31),
        "по плану работы Отдела образования",
    ),
    ("Сентябрь текущего года", K.RECURRING, D(2021, 1, 1), D(2023, 12, 31), "ежегодно, сентябрь"),
    ("в течение всего года", K.RECURRING, D(2021, 1, 1), D(2023, 12, 31), "ежегодно"),
]

JAN, FEB_END, MAR_END, APR_END = D(2023, 1, 1), D(2023, 2, 28), D(2023, 3, 31), D(2023, 4, 30)
SEED_004 = [
    ("Январь 2023 г.", K.MONTH, JAN, D(2023, 1, 31), "январь 2023~г."),
    ("Февраль 2023 г.", K.MONTH, D(2023, 2, 1), FEB_END, "февраль 2023~г."),
    ("Январь 2023 г. Февраль 2023 г.", K.MONTHS, JAN, FEB_END, "январь, февраль 2023~г."),
    ("февраль 2023 г.", K.MONTH, D(2023, 2, 1), FEB_END, "февраль 2023~г."),
    ("Январь - Февраль 2023 г.", K.RANGE, JAN, FEB_END, "январь – февраль 2023~г."),
    ("Январь-март 2023г.", K.RANGE, JAN, MAR_END, "январь – март 2023~г."),
    (
        "Январь 2023 г. Февраль 2023 г. Апрель 2023 года",
        K.MONTHS,
        JAN,
        APR_END,
        "январь, февраль, апрель 2023~г.",
    ),
    ("Февраль 2023 года Апрель 2023 года", K.MONTHS, D(2023, 2, 1), APR_END, None),
    ("Март - апрель 2023 г.", K.RANGE, D(2023, 3, 1), APR_END, "март – апрель 2023~г."),
    ("Январь 2023 г., Февраль 2023 г.", K.MONTHS, JAN, FEB_END, "январь, февраль 2023~г."),
    ("Февраль 2023 г.,", K.MONTH, D(2023, 2, 1), FEB_END, "февраль 2023~г."),
    ("Январь-апрель 2023 года", K.RANGE, JAN, APR_END, "январь – апрель 2023~г."),
    (
        "Согласно плану-графику КГИРО на 2023 г.",
        K.EXTERNAL,
        JAN,
        D(2023, 12, 31),
        "согласно плану-графику КГИРО на 2023~г.",
    ),
    ("Февраль-март 2023 г.", K.RANGE, D(2023, 2, 1), MAR_END, "февраль – март 2023~г."),
    ("В течение 2023 г.", K.YEAR, JAN, D(2023, 12, 31), "в течение 2023~г."),
    ("В течение года", K.YEAR, JAN, D(2023, 12, 31), "в течение 2023~г."),
    ("В течение 2023 года", K.YEAR, JAN, D(2023, 12, 31), "в течение 2023~г."),
    ("Январь 2023 г. Апрель 2023 г.", K.MONTHS, JAN, APR_END, "январь, апрель 2023~г."),
    ("Январь- февраль 2023 г.", K.RANGE, JAN, FEB_END, "январь – февраль 2023~г."),
    ("Январь - 2023г. Февраль 2023г.", K.MONTHS, JAN, FEB_END, "январь, февраль 2023~г."),
    ("Январь- февраль 2023г.", K.RANGE, JAN, FEB_END, None),
    ("Январь – Февраль 2023 г.", K.RANGE, JAN, FEB_END, None),
    ("Январь – Февраль 2023г.", K.RANGE, JAN, FEB_END, "январь – февраль 2023~г."),
    ("Январь - Апрель 2023 г.", K.RANGE, JAN, APR_END, "январь – апрель 2023~г."),
]

# (phrase, period, kind, start, end, render or None): from the issue and other real wording
OTHERS = [
    ("до 15.10.2020", ACADEMIC, K.BEFORE, D(2020, 9, 1), D(2020, 10, 15), "до 15~октября~2020~г."),
    ("до 15.10.2020", None, K.BEFORE, D(2020, 10, 15), D(2020, 10, 15), None),
    ("в срок до 15 октября 2020 г.", ACADEMIC, K.BEFORE, D(2020, 9, 1), D(2020, 10, 15), None),
    ("не позднее 01.02.2023", P004, K.BEFORE, JAN, D(2023, 2, 1), "до 1~февраля~2023~г."),
    ("январь 2023 г.", P004, K.MONTH, JAN, D(2023, 1, 31), "январь 2023~г."),
    ("2023-01", P004, K.MONTH, JAN, D(2023, 1, 31), "январь 2023~г."),
    ("2023-01", None, K.MONTH, JAN, D(2023, 1, 31), "январь 2023~г."),
    ("октябрь", ACADEMIC, K.MONTH, D(2020, 10, 1), D(2020, 10, 31), "октябрь 2020~г."),
    ("январь", ACADEMIC, K.MONTH, D(2021, 1, 1), D(2021, 1, 31), "январь 2021~г."),
    ("май", P004, K.MONTH, D(2023, 5, 1), D(2023, 5, 31), "май 2023~г."),
    ("I квартал 2023 г.", P004, K.QUARTER, JAN, MAR_END, "I квартал 2023~г."),
    ("1 квартал 2023", None, K.QUARTER, JAN, MAR_END, "I квартал 2023~г."),
    ("II квартал", P004, K.QUARTER, D(2023, 4, 1), D(2023, 6, 30), "II квартал 2023~г."),
    ("I полугодие 2023 г.", P004, K.HALF_YEAR, JAN, D(2023, 6, 30), "I полугодие 2023~г."),
    ("2 полугодие 2023", None, K.HALF_YEAR, D(2023, 7, 1), D(2023, 12, 31), None),
    ("I полугодие", ACADEMIC, K.HALF_YEAR, D(2020, 9, 1), D(2020, 12, 31), None),
    ("2023 год", None, K.YEAR, JAN, D(2023, 12, 31), "в течение 2023~г."),
    ("в течение года", ACADEMIC, K.YEAR, D(2020, 9, 1), D(2021, 8, 31), None),
    ("ежеквартально", P004, K.RECURRING, JAN, D(2023, 12, 31), "ежеквартально"),
    ("ежегодно", P000, K.RECURRING, D(2021, 1, 1), D(2023, 12, 31), "ежегодно"),
    ("ежемесячно", P004, K.RECURRING, JAN, D(2023, 12, 31), "ежемесячно"),
    ("2-3 раза в год", P000, K.RECURRING, D(2021, 1, 1), D(2023, 12, 31), "2–3 раза в год"),
    ("ежегодно в сентябре", P000, K.RECURRING, D(2021, 1, 1), D(2023, 12, 31), None),
    ("в течение года", P000, K.RECURRING, D(2021, 1, 1), D(2023, 12, 31), "ежегодно"),
    ("по потребности ОО", P004, K.ON_DEMAND, JAN, D(2023, 12, 31), "по потребности ОО"),
    ("по мере необходимости", P004, K.ON_DEMAND, JAN, D(2023, 12, 31), "по мере необходимости"),
    ("по запросу", P004, K.ON_DEMAND, JAN, D(2023, 12, 31), "по запросу"),
    ("при необходимости", P004, K.ON_DEMAND, JAN, D(2023, 12, 31), "при необходимости"),
    ("весь период", P000, K.PERIOD, D(2021, 1, 1), D(2023, 12, 31), None),
    (
        "в течение всего периода реализации программы",
        P000,
        K.PERIOD,
        D(2021, 1, 1),
        D(2023, 12, 31),
        "в течение всего периода",
    ),
    ("30.12.2020", None, K.DATE, D(2020, 12, 30), D(2020, 12, 30), "30~декабря~2020~г."),
    ("30.12.2020 г.", None, K.DATE, D(2020, 12, 30), D(2020, 12, 30), None),
    ("2020-12-30", None, K.DATE, D(2020, 12, 30), D(2020, 12, 30), None),
    ("30 декабря 2020 г.", None, K.DATE, D(2020, 12, 30), D(2020, 12, 30), None),
    ("«30» декабря 2019 года", None, K.DATE, D(2019, 12, 30), D(2019, 12, 30), None),
    (
        "с 01.06.2021 по 31.08.2021",
        P000,
        K.RANGE,
        D(2021, 6, 1),
        D(2021, 8, 31),
        "с 1~июня~2021~г. по 31~августа~2021~г.",
    ),
    ("01.06.2021 – 31.08.2021", None, K.RANGE, D(2021, 6, 1), D(2021, 8, 31), None),
    (
        "Ноябрь 2022 - февраль 2023",
        None,
        K.RANGE,
        D(2022, 11, 1),
        FEB_END,
        "ноябрь 2022~г. – февраль 2023~г.",
    ),
    (
        "декабрь 2022 г., январь 2023 г.",
        None,
        K.MONTHS,
        D(2022, 12, 1),
        D(2023, 1, 31),
        "декабрь 2022~г., январь 2023~г.",
    ),
    ("январь, февраль, апрель 2023 г.", None, K.MONTHS, JAN, APR_END, None),
    # tolerated variants
    ("с января по март 2023 г.", None, K.RANGE, JAN, MAR_END, "январь – март 2023~г."),
    ("в мае 2023 г.", None, K.MONTH, D(2023, 5, 1), D(2023, 5, 31), "май 2023~г."),
    ("январь и февраль 2023 г.", None, K.MONTHS, JAN, FEB_END, "январь, февраль 2023~г."),
    ("1-й квартал 2023 г.", None, K.QUARTER, JAN, MAR_END, "I квартал 2023~г."),
    ("в течение I квартала 2023 г.", None, K.QUARTER, JAN, MAR_END, None),
    ("II-III квартал 2023", None, K.RANGE, D(2023, 4, 1), D(2023, 9, 30), None),
    ("два раза в год", P000, K.RECURRING, P000.start, P000.end, "2 раза в год"),
    ("ежегодно (сентябрь)", P000, K.RECURRING, P000.start, P000.end, "ежегодно, сентябрь"),
    ("к 01.09.2021", P000, K.BEFORE, P000.start, D(2021, 9, 1), "до 1~сентября~2021~г."),
    ("Декабрь 2022 – январь 2023", None, K.RANGE, D(2022, 12, 1), D(2023, 1, 31), None),
    (
        "по плану-графику КГИРО на 2023 г., ежеквартально",
        P000,
        K.EXTERNAL,
        JAN,
        D(2023, 12, 31),
        "согласно плану-графику КГИРО на 2023~г., ежеквартально",
    ),
]

PHRASES = (
    [(phrase, P000, *rest) for phrase, *rest in SEED_000]
    + [(phrase, P004, *rest) for phrase, *rest in SEED_004]
    + OTHERS
)


def _id(case: tuple) -> str:
    return f"{case[0]}|{case[1].start.year if case[1] else '-'}"


@pytest.mark.parametrize("case", PHRASES, ids=[_id(c) for c in PHRASES])
def test_phrase_window_and_render(case: tuple) -> None:
    phrase, period, kind, start, end, rendered = case
    deadline = parse_deadline(phrase, period)
    assert (deadline.kind, deadline.start, deadline.end) == (kind, start, end)
    assert deadline.text == phrase.strip()
    assert deadline.placed
    if rendered is not None:
        assert render_deadline(deadline) == nb(rendered)


@pytest.mark.parametrize("case", PHRASES, ids=[_id(c) for c in PHRASES])
def test_render_parse_round_trip(case: tuple) -> None:
    phrase, period = case[:2]
    first = parse_deadline(phrase, period)
    again = parse_deadline(render_deadline(first), period)
    assert (again.kind, again.start, again.end, again.occurrences) == (
        first.kind,
        first.start,
        first.end,
        first.occurrences,
    )
    assert render_deadline(again) == render_deadline(first)
    text = render_deadline(first)
    assert not text[0].isupper() or text.startswith(("I ", "II "))


def _generated_phrases() -> list[str]:
    names = [month_name(m) for m in range(1, 13)]
    phrases = names + [f"{name} 2022 г." for name in names]
    phrases += [f"{n} квартал" for n in ("I", "II", "III", "IV")] + ["I полугодие", "II полугодие"]
    phrases += [f"{a} - {b}" for a in names for b in names if a != b]
    phrases += [f"{a}, {b}" for a in names[::3] for b in names[1::4] if a != b]
    return phrases


@pytest.mark.parametrize("period", [P000, P004, ACADEMIC], ids=["2021-2023", "2023", "2020/2021"])
def test_round_trip_over_generated_phrases(period: Period) -> None:
    for phrase in _generated_phrases():
        first = parse_deadline(phrase, period)
        again = parse_deadline(render_deadline(first), period)
        assert (again.kind, again.start, again.end, again.occurrences, again.placed) == (
            first.kind,
            first.start,
            first.end,
            first.occurrences,
            first.placed,
        ), phrase


def test_months_list_occurrences() -> None:
    deadline = parse_deadline("Январь 2023 г. Февраль 2023 г. Апрель 2023 года", P004)
    assert deadline.occurrences == months_of((2023, 1), (2023, 2), (2023, 4))
    gap = parse_deadline("Январь 2023 г. Апрель 2023 г.", P004)
    assert gap.occurrences == months_of((2023, 1), (2023, 4))


def test_recurring_twice_a_year_has_every_may_and_december() -> None:
    deadline = parse_deadline("2 раза в год (май, декабрь)", P000)
    expected = [(y, m) for y in (2021, 2022, 2023) for m in (5, 12)]
    assert deadline.occurrences == months_of(*expected)
    assert deadline.frequency == "2 раза в год"
    assert deadline.checkable


def test_every_september_and_every_year() -> None:
    september = parse_deadline("Сентябрь текущего года", P000)
    assert september.occurrences == months_of((2021, 9), (2022, 9), (2023, 9))
    assert september.frequency == "ежегодно"
    assert parse_deadline("ежегодно в сентябре", P000).occurrences == september.occurrences
    whole_year = parse_deadline("в течение всего года", P000)
    assert whole_year.occurrences == tuple(dates.year_window(y) for y in (2021, 2022, 2023))
    assert whole_year.frequency == "ежегодно"


def test_quarterly_occurrences_and_frequency() -> None:
    deadline = parse_deadline("ежеквартально", P004)
    assert deadline.occurrences == tuple(dates.quarter_window(2023, q) for q in range(1, 5))
    assert deadline.frequency == "ежеквартально"


def test_external_schedule_and_frequency() -> None:
    kgiro = parse_deadline("Согласно плану-графику КГИРО на 2023 г.", P004)
    assert kgiro.schedule == nb("плану-графику КГИРО на 2023~г.")
    assert not kgiro.checkable and kgiro.frequency is None and kgiro.occurrences == ()
    plan = parse_deadline("По плану работы Отдела образования, 2-3 раза в год", P000)
    assert plan.schedule == "плану работы Отдела образования"
    assert plan.frequency == "2–3 раза в год"
    assert parse_deadline("По плану мониторинговых исследований", P000).frequency is None


def test_on_demand_condition() -> None:
    deadline = parse_deadline("по потребности ОО", P004)
    assert deadline.schedule == "потребности ОО"
    assert not deadline.checkable


def test_tolerant_spacing_and_case() -> None:
    deadline = parse_deadline("  ЯНВАРЬ\u00a0–\u00a0ФЕВРАЛЬ   2023\u00a0г.  ", P004)
    assert (deadline.kind, deadline.start, deadline.end) == (K.RANGE, JAN, FEB_END)
    assert parse_deadline("январь — февраль 2023 гг.", P004).end == FEB_END


@pytest.mark.parametrize(
    ("phrase", "occurrences", "rendered"),
    [
        ("май", months_of((2021, 5), (2022, 5), (2023, 5)), "май"),
        ("Май", months_of((2021, 5), (2022, 5), (2023, 5)), "май"),
        (
            "II квартал",
            tuple(dates.quarter_window(y, 2) for y in (2021, 2022, 2023)),
            "II квартал",
        ),
        (
            "май, декабрь",
            months_of(*[(y, m) for y in (2021, 2022, 2023) for m in (5, 12)]),
            "май, декабрь",
        ),
    ],
)
def test_unplaced_in_multi_year_calendar_period(
    phrase: str, occurrences: tuple, rendered: str
) -> None:
    deadline = parse_deadline(phrase, P000)
    assert not deadline.placed
    assert (deadline.start, deadline.end) == (P000.start, P000.end)
    assert deadline.occurrences == occurrences
    assert render_deadline(deadline) == rendered
    again = parse_deadline(render_deadline(deadline), P000)
    assert (again.kind, again.occurrences, again.placed) == (deadline.kind, occurrences, False)


def test_academic_year_renders_with_school_year() -> None:
    year = parse_deadline("в течение года", ACADEMIC)
    assert render_deadline(year) == "в течение 2020/2021 учебного года"
    again = parse_deadline(render_deadline(year))
    assert again == parse_deadline("в течение 2020/2021 учебного года")
    half = parse_deadline("II полугодие", ACADEMIC)
    assert (half.start, half.end) == (D(2021, 1, 1), D(2021, 8, 31))
    assert render_deadline(half) == "II полугодие 2020/2021 учебного года"


# --- structured form -------------------------------------------------------------------------

STRUCTURED = [
    ({"on": D(2020, 12, 30)}, K.DATE, D(2020, 12, 30), D(2020, 12, 30), "30~декабря~2020~г."),
    ({"on": "2020-12-30"}, K.DATE, D(2020, 12, 30), D(2020, 12, 30), None),
    ({"before": "2023-02-01"}, K.BEFORE, D(2021, 1, 1), D(2023, 2, 1), "до 1~февраля~2023~г."),
    ({"month": "2023-01"}, K.MONTH, JAN, D(2023, 1, 31), "январь 2023~г."),
    ({"month": D(2023, 3, 15)}, K.MONTH, D(2023, 3, 1), MAR_END, "март 2023~г."),
    ({"month": 5, "year": 2022}, K.MONTH, D(2022, 5, 1), D(2022, 5, 31), "май 2022~г."),
    ({"months": ["2023-01", "2023-02"]}, K.MONTHS, JAN, FEB_END, "январь, февраль 2023~г."),
    ({"from": "2023-01", "to": "2023-02"}, K.RANGE, JAN, FEB_END, "январь – февраль 2023~г."),
    (
        {"from": D(2021, 6, 1), "to": "2021-08-31"},
        K.RANGE,
        D(2021, 6, 1),
        D(2021, 8, 31),
        "с 1~июня~2021~г. по 31~августа~2021~г.",
    ),
    ({"quarter": 1, "year": 2023}, K.QUARTER, JAN, MAR_END, "I квартал 2023~г."),
    ({"half_year": 1, "year": 2023}, K.HALF_YEAR, JAN, D(2023, 6, 30), "I полугодие 2023~г."),
    ({"year": 2023}, K.YEAR, JAN, D(2023, 12, 31), "в течение 2023~г."),
    ({"whole_period": True}, K.PERIOD, P000.start, P000.end, "в течение всего периода"),
    (
        {"every": "year", "times": 2, "months": [5, 12]},
        K.RECURRING,
        P000.start,
        P000.end,
        "2 раза в год (май, декабрь)",
    ),
    ({"every": "quarter"}, K.RECURRING, P000.start, P000.end, "ежеквартально"),
    ({"every": "year", "times": [2, 3]}, K.RECURRING, P000.start, P000.end, "2–3 раза в год"),
    ({"every": "month"}, K.RECURRING, P000.start, P000.end, "ежемесячно"),
    (
        {"schedule": "плану-графику КГИРО", "year": 2023},
        K.EXTERNAL,
        JAN,
        D(2023, 12, 31),
        "согласно плану-графику КГИРО на 2023~г.",
    ),
    (
        {"schedule": "плану работы Отдела образования"},
        K.EXTERNAL,
        P000.start,
        P000.end,
        "по плану работы Отдела образования",
    ),
    ({"on_demand": "потребности ОО"}, K.ON_DEMAND, P000.start, P000.end, "по потребности ОО"),
]


@pytest.mark.parametrize("case", STRUCTURED, ids=[str(c[0]) for c in STRUCTURED])
def test_structured_form(case: tuple) -> None:
    value, kind, start, end, rendered = case
    deadline = parse_deadline(value, P000)
    assert (deadline.kind, deadline.start, deadline.end) == (kind, start, end)
    assert deadline.text == render_deadline(deadline)
    if rendered is not None:
        assert render_deadline(deadline) == nb(rendered)
    again = parse_deadline(render_deadline(deadline), P000)
    assert (again.kind, again.start, again.end, again.occurrences) == (
        deadline.kind,
        deadline.start,
        deadline.end,
        deadline.occurrences,
    )


def test_plain_date_and_datetime_values() -> None:
    assert parse_deadline(D(2020, 12, 30)).kind == K.DATE
    assert parse_deadline(datetime(2020, 12, 30, 10, 0)).start == D(2020, 12, 30)
    existing = parse_deadline("январь 2023 г.")
    assert parse_deadline(existing) is existing
    assert parse_deadline("май", "2023").start == D(2023, 5, 1)


@pytest.mark.parametrize(
    ("value", "key"),
    [
        ({"foo": 1}, "foo"),
        ({"on": "2023-02-31"}, "on"),
        ({"on": 5}, "on"),
        ({"before": "завтра"}, "before"),
        ({"month": "2023-13"}, "month"),
        ({"quarter": 5, "year": 2023}, "quarter"),
        ({"half_year": 3}, "half_year"),
        ({"every": "week"}, "every"),
        ({"every": "year", "times": 0}, "times"),
        ({"every": "month", "months": [1]}, "months"),
        ({"whole_period": False}, "whole_period"),
        ({"month": "2023-01", "times": 2}, "times"),
        ({"year": "двадцать"}, "year"),
        ({"schedule": ""}, "schedule"),
        ({"from": "2023-01"}, "from"),
    ],
)
def test_structured_errors_name_the_key(value: dict, key: str) -> None:
    with pytest.raises(DeadlineError, match=f"«{key}»"):
        parse_deadline(value, P000)


# --- errors ----------------------------------------------------------------------------------


def test_unparseable_phrase_names_the_structured_forms() -> None:
    """The wordings are listed once per run by the command, not in every message."""
    with pytest.raises(DeadlineError) as caught:
        parse_deadline("когда-нибудь потом", P000)
    message = str(caught.value)
    assert message.startswith("не удалось разобрать срок «когда-нибудь потом»;")
    assert "{month: 2023-01}" in message and "{text: «…»}" in message
    assert ACCEPTED_FORMS not in message and "\n" not in message
    assert len(ACCEPTED_FORMS.splitlines()) >= 10


@pytest.mark.parametrize("phrase", ["31.02.2023", "01.13.2023", "до 30.02.2021", "2023-13"])
def test_impossible_date_is_reported(phrase: str) -> None:
    with pytest.raises(DeadlineError, match="не существует"):
        parse_deadline(phrase, P004)


@pytest.mark.parametrize("phrase", ["январь", "II квартал", "в течение года", "май, декабрь"])
def test_no_year_and_no_period(phrase: str) -> None:
    with pytest.raises(DeadlineError, match="не указан год"):
        parse_deadline(phrase)


@pytest.mark.parametrize(
    "phrase",
    ["", "5 квартал 2023", "март 2023 - январь 2023", "с 01.09.2021 по 01.06.2021", "ежегодно"],
)
def test_other_errors(phrase: str) -> None:
    with pytest.raises(DeadlineError):
        parse_deadline(phrase)


def test_wrong_value_type() -> None:
    with pytest.raises(DeadlineError, match="строкой, датой или словарём"):
        parse_deadline(2023, P004)  # type: ignore[arg-type]


# --- formatting and period ----------------------------------------------------------------------


def test_format_date() -> None:
    assert format_date(D(2020, 12, 30)) == "30\u00a0декабря\u00a02020\u00a0г."
    assert format_date(D(2021, 9, 1)) == nb("1~сентября~2021~г.")
    assert format_date(D(2021, 9, 1), "numeric") == "01.09.2021"
    with pytest.raises(ValueError):
        format_date(D(2021, 9, 1), "iso")


def test_month_name() -> None:
    assert month_name(1) == "январь"
    assert month_name(5, "genitive") == "мая"
    assert month_name(3, "prepositional") == "марте"
    assert [month_name(m, "genitive") for m in (8, 9, 12)] == ["августа", "сентября", "декабря"]
    with pytest.raises(ValueError):
        month_name(13)


@pytest.mark.parametrize(
    ("value", "period"),
    [
        ("2021-2023", P000),
        ("2021–2023 гг.", P000),
        ("2021 - 2023 гг.", P000),
        (2023, P004),
        ("2023", P004),
        ("2023 г.", P004),
        ("2020/2021", ACADEMIC),
        ("2020/2021 учебный год", ACADEMIC),
        ({"start": "2021-01-01", "end": D(2023, 12, 31)}, P000),
        ({"start": "2020-09-01", "end": "2021-08-31"}, ACADEMIC),
        (P004, P004),
    ],
)
def test_parse_period(value: object, period: Period) -> None:
    assert parse_period(value) == period  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "value",
    [
        "когда-то",
        "2023-2021",
        "2020/2020",
        1800,
        True,
        {"start": "2023-01-01"},
        {"start": "2023-01-01", "end": "2022-12-31"},
        {"start": "2023-01-01", "end": "2023-12-31", "length": 1},
    ],
)
def test_parse_period_errors(value: object) -> None:
    with pytest.raises(DeadlineError):
        parse_period(value)  # type: ignore[arg-type]


def test_deadline_is_frozen_and_hashable() -> None:
    deadline = parse_deadline("январь 2023 г.")
    assert isinstance(deadline, Deadline)
    assert hash(deadline) == hash(parse_deadline("январь 2023 г."))
    with pytest.raises(AttributeError):
        deadline.start = D(2020, 1, 1)  # type: ignore[misc]


@pytest.mark.parametrize(
    "module", sorted(p.name for p in Path(dates.__file__).parent.glob("*.py"))
)
def test_standard_library_only(module: str) -> None:
    tree = ast.parse((Path(dates.__file__).parent / module).read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
        if isinstance(node, ast.ImportFrom) and node.level == 0:
            names = [node.module or ""]
        for name in names:
            top = name.split(".")[0]
            assert top in sys.stdlib_module_names or top in ("__future__", "shnor_docs"), name
