"""Rules that depend on the date of the check are named (``dated``); the rest do not move.

A pre-commit hook runs ``shnor check --ignore dated``: a commit must not fail because time passed
since the last one. So every rule outside DATED must find the same things on any day.
"""

from __future__ import annotations

import datetime as dt

import pytest

from shnor_docs.checks import DATED
from shnor_docs.checks.config import select_codes
from shnor_docs.checks.runner import check_programmes
from tests.conftest import PROGRAMMES

DAYS = [dt.date(2019, 6, 1), dt.date(2021, 1, 10), dt.date(2023, 3, 1), dt.date(2030, 12, 31)]


def _found(day: dt.date, ignore: set[str]) -> list[tuple]:
    folders = sorted(p.parent for p in PROGRAMMES.glob("*/programme.yaml"))
    report = check_programmes(folders, day, ignore=ignore)
    return [(f.code, str(f.location), f.message) for f in report.findings()]


def test_dated_is_a_group_name() -> None:
    assert select_codes(["dated"]) == set(DATED) == {"R201", "R202", "R306"}


@pytest.mark.parametrize("day", DAYS[1:])
def test_rules_outside_dated_find_the_same_on_any_day(day: dt.date) -> None:
    assert _found(day, set(DATED)) == _found(DAYS[0], set(DATED))


def test_dated_rules_do_move() -> None:
    assert _found(DAYS[1], set()) != _found(DAYS[-1], set())
