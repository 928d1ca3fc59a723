"""R7xx: the workload of parties."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from itertools import groupby

from shnor_docs.checks.context import Context
from shnor_docs.checks.core import Finding, check
from shnor_docs.deadlines import Deadline, month_name
from shnor_docs.location import PathKey
from shnor_docs.model import Activity
from shnor_docs.text import plural, quote

#: A window longer than this is continuous work («в течение 2023 г.»), not a due date.
LONGEST_DUE_WINDOW = 92


def _due_months(deadline: Deadline) -> set[tuple[int, int]]:
    """(year, month) in which the activity is due, once for each short window of the deadline."""
    if not deadline.checkable or not deadline.placed:
        return set()
    windows = deadline.occurrences or ((deadline.start, deadline.end),)
    return {
        (end.year, end.month) for start, end in windows
        if (end - start).days <= LONGEST_DUE_WINDOW
    }


@check("R701", "overloaded-party", "info")
def overloaded_party(ctx: Context) -> Iterator[Finding]:
    """У одного исполнителя слишком много мероприятий со сроком в одном месяце.

    Порог — ``overload_per_month`` (по умолчанию 8): больше стольких мероприятий в месяц —
    перегрузка. Считаются сроки не длиннее квартала («февраль 2023 г.», каждое вхождение
    «январь, апрель 2023 г.»); работа «в течение года» сроком в месяце не считается.
    Отменённые мероприятия не считаются.

    **Плохо** (порог 2)::

        - {title: Анализ результатов ВПР, deadline: февраль 2023 г., responsible: [rmk]}
        - {title: Анализ рабочих программ, deadline: февраль 2023 г., responsible: [rmk]}
        - {title: Совещание с координаторами, deadline: февраль 2023 г., responsible: [rmk]}

    **Хорошо**::

        - {title: Анализ результатов ВПР, deadline: февраль 2023 г., responsible: [rmk]}
        - {title: Анализ рабочих программ, deadline: март 2023 г., responsible: [rmk]}
        - {title: Совещание с координаторами, deadline: февраль 2023 г., responsible: [otdel]}
    """
    due: dict[tuple[str, int, int], list[tuple[PathKey, Activity]]] = defaultdict(list)
    for path, activity in ctx.activities:
        deadline = activity.parsed_deadline
        if activity.status == "cancelled" or not isinstance(deadline, Deadline):
            continue
        for year, month in _due_months(deadline):
            for party in dict.fromkeys(activity.responsible):
                due[(party, year, month)].append((path, activity))
    index = {party.id: (i, party) for i, party in enumerate(ctx.spec.parties)}
    limit = ctx.config.overload_per_month
    for (party_id, year, month), items in sorted(due.items(), key=_order(index)):
        if len(items) > limit and party_id in index:
            i, party = index[party_id]
            count = plural(len(items), "мероприятие", "мероприятия", "мероприятий")
            yield Finding(f"у участника {quote(party.short())} {count} со сроком в "
                          f"{month_name(month, 'prepositional')} {year} г. (порог {limit}): "
                          f"{_numbers(ctx, items)}", ("parties", i))


def _numbers(ctx: Context, items: list[tuple[PathKey, Activity]]) -> str:
    """«1.1, 1.2» or, when each section numbers anew, «раздел 1: 1, 2; раздел 3: 1»."""
    roadmap = ctx.spec.roadmap
    if roadmap is None or roadmap.numbering in ("section", "continuous"):
        return ", ".join(activity.display_number.rstrip(".") for _, activity in items)
    groups = groupby(items, key=lambda item: item[0][2])
    return "; ".join(
        f"раздел {ctx.section_label(s)}: "  # type: ignore[arg-type]
        + ", ".join(activity.display_number.rstrip(".") for _, activity in group)
        for s, group in groups
    )


def _order(index: dict) -> object:
    def key(item: tuple[tuple[str, int, int], list[str]]) -> tuple[int, int, int]:
        (party, year, month), _ = item
        return (index.get(party, (len(index), None))[0], year, month)

    return key
