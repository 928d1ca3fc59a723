"""Consistency checks of a programme: the explicit registry of rules.

Each rule is a small function in a module of its family, marked with ``@check(code, name,
level)``; its docstring (in Russian, with **Плохо** and **Хорошо** examples) is its user
documentation. A rule joins the checks only by being listed in :data:`REGISTRY` below.
"""

from __future__ import annotations

from shnor_docs.checks import (
    acts,
    deadlines,
    disable,
    goals,
    history,
    indicators,
    numbering,
    people,
    spelling,
    stages,
    texts,
    workload,
)
from shnor_docs.checks.core import LEVEL_RU, LEVELS, Finding, Rule, rule_of

REGISTRY: tuple[Rule, ...] = tuple(rule_of(function) for function in (
    people.unassigned_activity,
    people.unknown_party,
    people.unregistered_person,
    deadlines.overdue,
    deadlines.due_soon,
    deadlines.done_without_date,
    deadlines.completed_late,
    deadlines.deadline_outside_period,
    deadlines.deadline_outside_stages,
    deadlines.unplaced_deadline,
    deadlines.untrackable_deadline,
    deadlines.missing_deadline,
    history.silent_postponement,
    stages.stage_overlap,
    stages.stage_gap,
    stages.stage_outside_period,
    stages.stage_reversed,
    stages.programme_before_act,
    stages.act_in_future,
    stages.cited_act_incomplete,
    acts.act_documents_differ,
    acts.missing_executor,
    acts.missing_place,
    acts.appendix_mark_differs,
    numbering.duplicate_number,
    numbering.skipped_number,
    numbering.duplicate_id,
    goals.task_without_activity,
    goals.goal_without_task,
    indicators.indicator_missing_target,
    indicators.indicator_target_outside_period,
    indicators.indicator_without_baseline,
    indicators.indicator_without_source,
    indicators.indicator_without_responsible,
    goals.programme_without_activities,
    indicators.indicator_unlinked,
    indicators.indicator_without_unit,
    texts.undefined_abbreviation,
    texts.stale_year,
    spelling.unknown_word,
    workload.overloaded_party,
    disable.unused_disable,
))
UNUSED_DISABLE = rule_of(disable.unused_disable)
#: Rules whose findings depend on the date of the check (``--as-of``): they appear overnight
#: without a commit, so a pre-commit hook leaves them to a scheduled CI job (``--ignore dated``).
DATED: frozenset[str] = frozenset(
    rule_of(function).code
    for function in (deadlines.overdue, deadlines.due_soon, stages.act_in_future)
)
#: Names of rule groups for ``--select`` and ``--ignore``.
GROUPS: dict[str, frozenset[str]] = {"dated": DATED}

__all__ = ["DATED", "GROUPS", "LEVELS", "LEVEL_RU", "REGISTRY", "UNUSED_DISABLE", "Finding",
           "Rule", "by_key"]


def by_key(key: str) -> Rule | None:
    """The rule with this code («R201») or name («overdue»)."""
    for rule in REGISTRY:
        if key.upper() == rule.code or key.lower() == rule.name:
            return rule
    return None
