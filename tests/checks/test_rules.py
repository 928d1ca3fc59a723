"""Each rule: a failing spec yields exactly its code at the marked position; a passing one, nothing.

Specs are the clean base of ``spec_helpers.BASE`` with a few edits; «@@» in an edit marks where
the finding must point (it is removed before the spec is written).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pytest

from shnor_docs.checks import REGISTRY
from tests.checks.spec_helpers import AS_OF, BASE, Edits, edit, marked, summary

ITEM_2 = "        - title: Семинары РМК для учителей\n"
ITEM_2_DEADLINE = "          deadline: май 2023 г.\n"
ITEM_1_TITLE = "        - title: Информирование школ об участии в плане\n"
ITEM_1_ID = "        - id: a1\n" + ITEM_1_TITLE.replace("- title", "  title")
STAGE = "    - name: Основной\n      start: 2023-01-01\n      end: 2023-12-31\n"
ACT_TITLE = "  title: Об утверждении плана мероприятий\n"
APPROVE = "    - kind: approve\n"
CONTROL = "    - kind: control\n"
TASK_1 = "    - id: t1\n      goal: g1\n      text: Организовать методическое сопровождение школ.\n"
NOT_DONE = ("          status: done\n          done_on: 2023-01-20\n", "")


@dataclass
class Case:
    """A failing edit of the base (with its marker) and a passing one (the base by default)."""

    bad: Edits
    good: Edits = field(default_factory=list)
    as_of: dt.date = AS_OF


CASES: dict[str, Case] = {
    "R101": Case(
        bad=[(ITEM_2 + ITEM_2_DEADLINE + "          responsible: [rmk]\n",
              ITEM_2.replace("- title", "- @@title") + ITEM_2_DEADLINE)],
    ),
    "R102": Case(
        bad=[("    position: начальник отдела образования\n",
              "    position: начальник отдела образования\n    organisation: @@otdell\n")],
        good=[("    position: начальник отдела образования\n",
               "    position: начальник отдела образования\n    organisation: otdel\n")],
    ),
    "R103": Case(
        bad=[(CONTROL, "    - kind: text\n      text: @@>-\n        Назначить ответственным "
                       "методиста П.С. Петрова.\n" + CONTROL)],
        good=[(CONTROL, "    - kind: text\n      text: Контроль возложить на М.П. Иванову.\n"
                        + CONTROL)],
    ),
    "R201": Case(
        bad=[NOT_DONE, ("          deadline: январь 2023 г.\n",
                        "          deadline: @@январь 2023 г.\n")],
        good=[("          done_on: 2023-01-20\n", "          done_on: 2023-01-20\n"
               "          note: выполнено\n")],
    ),
    "R202": Case(
        bad=[(ITEM_2_DEADLINE, "          deadline: @@до 10.03.2023\n")],
        good=[(ITEM_2_DEADLINE, "          deadline: до 20.03.2023\n")],
    ),
    "R203": Case(
        bad=[(ITEM_2_DEADLINE, ITEM_2_DEADLINE + "          status: @@done\n")],
        good=[(ITEM_2_DEADLINE, ITEM_2_DEADLINE + "          status: done\n"
               "          done_on: 2023-02-15\n")],
    ),
    "R204": Case(
        bad=[("          done_on: 2023-01-20\n", "          done_on: @@2023-02-10\n")],
        good=[("          done_on: 2023-01-20\n", "          done_on: 2023-01-31\n")],
    ),
    "R205": Case(
        bad=[(ITEM_2_DEADLINE, "          deadline: @@январь 2024 г.\n")],
        good=[(ITEM_2_DEADLINE, "          deadline: декабрь 2023 г.\n")],
    ),
    "R206": Case(
        bad=[(STAGE, "    - name: Основной\n      start: 2023-01-01\n      end: 2023-04-30\n"),
             (ITEM_2_DEADLINE, "          deadline: @@май 2023 г.\n"),
             ("roadmap:\n", "checks:\n  rules: {R302: off}\nroadmap:\n")],
        good=[(STAGE, "    - name: Основной\n      start: 2023-01-01\n      end: 2023-05-31\n"),
              ("roadmap:\n", "checks:\n  rules: {R302: off}\nroadmap:\n")],
    ),
    "R207": Case(
        bad=[("  period: 2023\n", "  period: 2023-2024\n"),
             ("targets: {2023: 60}", "targets: {2023: 60, 2024: 70}"),
             ("      end: 2023-12-31\n", "      end: 2024-12-31\n"),
             (ITEM_2_DEADLINE, "          deadline: @@май\n")],
        good=[("  period: 2023\n", "  period: 2023-2024\n"),
              ("targets: {2023: 60}", "targets: {2023: 60, 2024: 70}"),
              ("      end: 2023-12-31\n", "      end: 2024-12-31\n"),
              (ITEM_2_DEADLINE, "          deadline: ежегодно в мае\n")],
    ),
    "R208": Case(
        bad=[(ITEM_2_DEADLINE, "          deadline: @@по мере необходимости\n")],
    ),
    "R209": Case(
        bad=[(ITEM_2 + ITEM_2_DEADLINE, ITEM_2.replace("- title", "- @@title"))],
    ),
    "R301": Case(
        bad=[(STAGE, "    - name: Основной\n      start: 2023-01-01\n      end: 2023-06-30\n"
                     "    - name: Заключительный\n      start: @@2023-06-01\n"
                     "      end: 2023-12-31\n")],
        good=[(STAGE, "    - name: Основной\n      start: 2023-01-01\n      end: 2023-06-30\n"
                      "    - name: Заключительный\n      start: 2023-07-01\n"
                      "      end: 2023-12-31\n")],
    ),
    "R302": Case(
        bad=[(STAGE, "    - name: Основной\n      start: 2023-01-01\n      end: 2023-06-30\n"
                     "    - name: Заключительный\n      start: @@2023-08-01\n"
                     "      end: 2023-12-31\n")],
    ),
    "R303": Case(
        bad=[("      end: 2023-12-31\n", "      end: @@2024-03-31\n")],
    ),
    "R304": Case(
        bad=[("      end: 2023-12-31\n", "      end: @@2022-12-31\n")],
    ),
    "R305": Case(
        bad=[("  period: 2023\n", "  period: @@2023\n"),
             ("  date: 2023-01-11\n", "  date: 2023-02-15\n")],
        good=[("  date: 2023-01-11\n", "  date: 2023-01-31\n")],
    ),
    "R306": Case(
        bad=[("  date: 2023-01-11\n", "  date: @@2023-01-11\n")],
        good=[("  date: 2023-01-11\n", "  date: 2023-01-03\n")],
        as_of=dt.date(2023, 1, 5),
    ),
    "R307": Case(
        bad=[(ACT_TITLE, ACT_TITLE + "  basis:\n    - @@kind: приказ\n      date: 2022-12-30\n")],
        good=[(ACT_TITLE, ACT_TITLE + "  basis:\n    - kind: приказ\n      date: 2022-12-30\n"
                                      "      number: \"12\"\n")],
    ),
    "R401": Case(
        bad=[(APPROVE, "    - number: \"1\"\n      kind: approve\n"),
             (CONTROL, "    - number: @@\"1\"\n      kind: control\n")],
        good=[(APPROVE, "    - number: \"1\"\n      kind: approve\n"),
              (CONTROL, "    - number: \"2\"\n      kind: control\n")],
    ),
    "R402": Case(
        bad=[(APPROVE, "    - number: \"1\"\n      kind: approve\n"),
             (CONTROL, "    - number: @@\"3\"\n      kind: control\n")],
    ),
    "R403": Case(
        bad=[(ITEM_1_TITLE, ITEM_1_ID),
             (ITEM_2, "        - id: @@a1\n          title: Семинары РМК для учителей\n")],
        good=[(ITEM_1_TITLE, ITEM_1_ID),
              (ITEM_2, "        - id: a2\n          title: Семинары РМК для учителей\n")],
    ),
    "R310": Case(
        bad=[(ACT_TITLE, "  title: Об утверждении плана мероприятий по поддержке школ\n"),
             ("      text: план мероприятий\n", "      text: @@план мероприятий помощи школам\n")],
        good=[(ACT_TITLE, "  title: Об утверждении плана мероприятий по поддержке школ\n"),
              ("      text: план мероприятий\n",
               "      text: план мероприятий по поддержке школ\n")],
    ),
    "R311": Case(
        bad=[("    phone: 8 (48436) 2-15-11\n", ""), ("  - id: clerk\n", "  - @@id: clerk\n")],
    ),
    "R312": Case(
        bad=[("  place: г. Примерск\n", "  place: @@Примерный район\n")],
        good=[("  place: г. Примерск\n", "  place: пгт Примерный\n")],
    ),
    "R313": Case(
        bad=[("  executor: clerk\n", "  executor: clerk\n  appendices:\n    - number: 1\n"
              "      document: programme\n      cited_as: @@{number: 418-ОД, date: 2023-01-11}\n")],
        good=[("  executor: clerk\n", "  executor: clerk\n  appendices:\n    - number: 1\n"
               "      document: programme\n      cited_as: {number: '5', date: 2023-01-11}\n")],
    ),
    "R603": Case(
        bad=[(ITEM_2, "        - title: @@Семинары для высокобальников\n"),
             ("roadmap:\n", "checks: {rules: {unknown-word: info}}\nroadmap:\n")],
        good=[(ITEM_2, "        - title: Семинары для высокобалльников и Петровой\n"),
              ("roadmap:\n", "checks: {rules: {unknown-word: info}}\nroadmap:\n")],
    ),
    "R501": Case(
        bad=[(TASK_1, TASK_1 + "    - @@id: t2\n      goal: g1\n      text: Развивать сетевое "
                               "партнёрство школ.\n")],
    ),
    "R502": Case(
        bad=[("      text: Повышение качества образования.\n",
              "      text: Повышение качества образования.\n    - @@id: g2\n"
              "      text: Снижение числа школ с низкими результатами.\n")],
    ),
    "R503": Case(
        bad=[("    - id: i1\n", "    - @@id: i1\n"), ("      targets: {2023: 60}\n", "")],
    ),
    "R504": Case(
        bad=[("targets: {2023: 60}", "targets: {2023: 60, @@2024: 70}")],
    ),
    "R505": Case(
        bad=[("    - id: i1\n", "    - @@id: i1\n"),
             ("      baseline: {year: 2022, value: 40}\n", "")],
    ),
    "R506": Case(
        bad=[("    - id: i1\n", "    - @@id: i1\n"), ("      sources: [отчёты школ]\n", "")],
    ),
    "R507": Case(
        bad=[("    - id: i1\n", "    - @@id: i1\n"),
             ("      responsible: [rmk]\n      baseline", "      baseline")],
    ),
    "R508": Case(
        bad=[("programme:\n", "@@programme:\n"),
             (BASE[BASE.index("roadmap:\n"):], ""),
             ("      appendix: 1\n", "")],
    ),
    "R509": Case(
        bad=[("    - id: i1\n      task: t1\n", "    - @@id: i1\n")],
        good=[("    - id: i1\n      task: t1\n", "    - id: i1\n      goal: g1\n")],
    ),
    "R510": Case(
        bad=[("    - id: i1\n", "    - @@id: i1\n"), ("      unit: \"%\"\n", "")],
    ),
    "R601": Case(
        bad=[(ITEM_2, "        - title: @@Семинары ШМО для учителей\n")],
        good=[(ITEM_2, "        - title: >-\n            Семинары школьных методических "
                       "объединений (далее – ШМО) для учителей\n")],
    ),
    "R602": Case(
        bad=[(ITEM_2, "        - title: @@Семинары по итогам ВПР 2019 года\n")],
        good=[(ITEM_2, "        - title: Семинары по итогам ВПР 2022 года\n")],
    ),
    "R701": Case(
        bad=[("  - id: rmk\n", "  - @@id: rmk\n"),
             ("          deadline: январь 2023 г.\n          responsible: [otdel]\n",
              "          deadline: май 2023 г.\n          responsible: [rmk]\n"),
             ("roadmap:\n", "checks: {overload_per_month: 1}\nroadmap:\n")],
        good=[("          deadline: январь 2023 г.\n          responsible: [otdel]\n",
               "          deadline: май 2023 г.\n          responsible: [otdel]\n"),
              ("roadmap:\n", "checks: {overload_per_month: 1}\nroadmap:\n")],
    ),
    "R900": Case(
        bad=[(ITEM_1_TITLE, ITEM_1_TITLE.rstrip("\n") + "  @@# shnor: disable=R201\n")],
        good=[(ITEM_1_TITLE, ITEM_1_TITLE.rstrip("\n") + "  # shnor: disable=R201\n"),
              NOT_DONE],
    ),
}


#: Rules that need a git history, tested in test_history.py.
IN_GIT = {"R210"}


def test_every_rule_has_a_case() -> None:
    assert sorted(CASES) == sorted(rule.code for rule in REGISTRY if rule.code not in IN_GIT)


def test_base_spec_is_clean(run_spec) -> None:
    assert summary(run_spec(BASE)) == []


@pytest.mark.parametrize("code", sorted(CASES))
def test_failing_spec_yields_its_code_at_the_marker(code: str, run_spec) -> None:
    case = CASES[code]
    text, where = marked(edit(case.bad))
    assert where is not None, "в плохой спецификации нет метки @@"
    assert summary(run_spec(text, case.as_of)) == [(code, *where)]


@pytest.mark.parametrize("code", sorted(CASES))
def test_passing_spec_yields_nothing(code: str, run_spec) -> None:
    case = CASES[code]
    assert summary(run_spec(edit(case.good), case.as_of)) == []


def test_first_stage_may_start_on_the_act_date(run_spec) -> None:
    text = edit([("      start: 2023-01-01\n", "      start: 2023-01-11\n")])
    assert summary(run_spec(text)) == []
    later = edit([("      start: 2023-01-01\n", "      start: @@2023-01-12\n")])
    text, where = marked(later)
    assert summary(run_spec(text)) == [("R302", *where)]
