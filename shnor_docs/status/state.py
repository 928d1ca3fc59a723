"""The state of each activity on a date, and the totals a department reports upward.

The state comes from the spec's status fields (``status``, ``done_on``, ``note``) and from the
deadline as the checks see it: a trackable deadline whose window ended before the date, on an
activity neither done nor cancelled, is overdue (the rule R201 says the same).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from shnor_docs.deadlines import Deadline, format_date
from shnor_docs.model import Activity, Spec
from shnor_docs.text import plural_form

STATES = ("done", "in_progress", "overdue", "not_started", "cancelled")
#: How each state is named in a table's head and in the totals.
STATE_WORDS = {"done": "выполнено", "in_progress": "выполняется", "overdue": "просрочено",
               "not_started": "не начато", "cancelled": "отменено"}


@dataclass(frozen=True)
class State:
    """An activity's state on the date: its key (one of :data:`STATES`) and its wording."""

    key: str
    text: str
    late: bool = False  # done after its deadline


def state_of(activity: Activity, as_of: dt.date) -> State:
    """«выполнено 20.01.2023», «выполняется», «просрочено на 12 дн.», «не начато», «отменено»."""
    deadline = activity.parsed_deadline
    tracked = isinstance(deadline, Deadline) and deadline.checkable
    if activity.status == "cancelled":
        return State("cancelled", "отменено")
    done_on = activity.done_on
    if activity.status == "done" and (done_on is None or done_on <= as_of):
        return _done(done_on, deadline if tracked else None)
    if tracked and deadline.end < as_of:  # as R201 (overdue) sees it
        days = (as_of - deadline.end).days
        return State("overdue", f"просрочено на {_days(days)}")
    if activity.status in ("in_progress", "done"):  # done after the date: in progress then
        return State("in_progress", "выполняется")
    return State("not_started", "не начато")


def _done(done_on: dt.date | None, deadline: Deadline | None) -> State:
    if done_on is None:
        return State("done", "выполнено")
    text = f"выполнено {format_date(done_on, 'numeric')}"
    if deadline is not None and done_on > deadline.end:
        late = (done_on - deadline.end).days
        return State("done", f"{text} (позже срока на {_days(late)})",
                     True)
    return State("done", text)


@dataclass
class Totals:
    """How many activities are in each state, overall or in one section or for one party."""

    label: str
    counts: Counter[str]
    late: int = 0

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def add(self, state: State) -> None:
        self.counts[state.key] += 1
        self.late += state.late


def totals(spec: Spec, as_of: dt.date) -> tuple[Totals, list[Totals], list[Totals]]:
    """Totals overall, per roadmap section and per responsible party (an activity counts for
    each of its parties)."""
    overall = Totals("Всего", Counter())
    sections: list[Totals] = []
    parties: dict[str, Totals] = {}
    roadmap = spec.roadmap
    for index, section in enumerate(roadmap.sections if roadmap else []):
        label = section_label(section.display_number, section.title, index)
        current = Totals(label, Counter())
        sections.append(current)
        for activity in section.activities:
            state = state_of(activity, as_of)
            overall.add(state)
            current.add(state)
            for pid in activity.responsible:
                name = spec.party(pid).short()
                parties.setdefault(pid, Totals(name, Counter())).add(state)
    return overall, sections, list(parties.values())


def section_label(number: str, title: str | None, index: int) -> str:
    number = number.rstrip(".")
    if title:
        return f"{number}. {title}" if number else title
    return f"Раздел {number or index + 1}"


def untracked(spec: Spec) -> int:
    """Activities whose deadline has no dates of its own (external schedule, on demand, words)."""
    roadmap = spec.roadmap
    return sum(
        1 for a in (roadmap.activities() if roadmap else [])
        if isinstance(a.parsed_deadline, Deadline) and not a.parsed_deadline.checkable
    )


def summary(overall: Totals, untracked_count: int) -> str:
    """The short totals a department sends upward, in one sentence."""
    n = overall.counts
    done = n["done"]
    share = round(100 * done / overall.total) if overall.total else 0
    text = f"Всего мероприятий – {overall.total}; выполнено – {done} ({share} %)"
    if overall.late:
        text += f", в том числе позже срока – {overall.late}"
    for key in ("in_progress", "overdue", "not_started", "cancelled"):
        text += f"; {_plural_word(key, n[key])} – {n[key]}"
    if untracked_count:
        text += f"; срок не отслеживается (внешний график, по потребности) – {untracked_count}"
    return text + "."


def _days(count: int) -> str:
    """«10 дней», the number held to its word (no-break space)."""
    return f"{count}\u00a0{plural_form(count, 'день', 'дня', 'дней')}"


def _plural_word(key: str, count: int) -> str:
    return {"in_progress": "выполняются", "overdue": "просрочены", "not_started": "не начаты",
            "cancelled": "отменены"}[key] if count != 1 else STATE_WORDS[key]
