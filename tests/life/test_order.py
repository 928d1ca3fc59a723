"""The amendment order: what it takes from the act it amends."""

from __future__ import annotations

import datetime as dt

from shnor_docs.life.order import order_spec
from shnor_docs.model.history import Amendment
from shnor_docs.spec.load import load_programme
from tests.life.history import V1

MARK = "Приказ подготовлен главным специалистом Петровой А.С."


def test_the_amendment_order_keeps_the_acts_executor_mark_for_the_same_executor(
    write_spec,
) -> None:
    spec = load_programme(write_spec(V1.replace(
        "  executor: clerk\n", f"  executor: clerk\n  executor_mark: {MARK}\n")))
    same = Amendment(number="48", date=dt.date(2023, 3, 15))
    other = Amendment(number="49", date=dt.date(2023, 3, 16), executor="head")
    assert order_spec(spec, spec, same, []).act.executor_mark == MARK
    ordered = order_spec(spec, spec, other, []).act
    assert (ordered.executor, ordered.executor_mark) == ("head", None)  # not another's words
