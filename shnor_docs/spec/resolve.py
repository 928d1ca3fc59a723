"""After the model: resolve the period and deadlines, check references and ids, number items."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from shnor_docs.deadlines import DeadlineError, Period, parse_deadline, parse_period
from shnor_docs.errors import Problem
from shnor_docs.location import PathKey
from shnor_docs.model import ActPoint, Spec
from shnor_docs.spec.columns import column_problems
from shnor_docs.spec.compose import appendices
from shnor_docs.text import closest

Ref = tuple[PathKey, str]


def resolve(spec: Spec) -> list[Problem]:
    """Fill derived data into ``spec`` and return every problem found."""
    problems: list[Problem] = []
    period = _period(spec, problems)
    problems += _duplicate_ids(spec)
    problems += _references(spec)
    if period is not None:
        problems += _deadlines(spec, period)
    problems += column_problems(spec)
    problems += _number_points(spec)
    _number_roadmap(spec)
    return problems


def _period(spec: Spec, problems: list[Problem]) -> Period | None:
    try:
        spec._period = parse_period(spec.programme.period)
    except DeadlineError as exc:
        where = spec.positions.value(("programme", "period"))
        problems.append(Problem(where, "S031", f"недопустимый период программы: {exc}"))
        return None
    return spec._period


def _id_lists(spec: Spec) -> Iterator[tuple[str, PathKey, list[Any]]]:
    prog = spec.programme
    yield "участника", ("parties",), spec.parties
    yield "цели", ("programme", "goals"), prog.goals
    yield "задачи", ("programme", "tasks"), prog.tasks
    yield "показателя", ("programme", "indicators"), prog.indicators
    yield "фактора риска", ("programme", "risk_factors"), prog.risk_factors
    yield "школы", ("programme", "schools"), prog.schools


def _duplicate_ids(spec: Spec) -> list[Problem]:
    problems = []
    for label, base, items in _id_lists(spec):
        seen: set[str] = set()
        for index, item in enumerate(items):
            if item.id in seen:
                where = spec.positions.value((*base, index, "id"))
                problems.append(
                    Problem(
                        where, "S024", f"идентификатор {label} «{item.id}» уже использован выше"
                    )
                )
            seen.add(item.id)
    return problems


def _references(spec: Spec) -> list[Problem]:
    prog = spec.programme
    tables = [
        ("S020", "участника", {p.id for p in spec.parties}, _party_refs(spec)),
        ("S023", "цели", {g.id for g in prog.goals}, _goal_refs(spec)),
        ("S021", "задачи", {t.id for t in prog.tasks}, _task_refs(spec)),
        ("S022", "показателя", {i.id for i in prog.indicators}, _indicator_refs(spec)),
        ("S025", "фактора риска", {r.id for r in prog.risk_factors}, _risk_refs(spec)),
    ]
    problems = []
    for code, label, known, refs in tables:
        for path, ref in refs:
            if ref not in known:
                problems.append(
                    Problem(spec.positions.value(path), code, _unknown(label, ref, known))
                )
    problems += _appendix_refs(spec)
    return problems


def _unknown(label: str, ref: str, known: set[str]) -> str:
    message = f"нет {label} «{ref}»"
    close = closest(ref, sorted(known))
    if close:
        message += f"; возможно, имелось в виду «{close}»"
    elif not known:
        message += " (список пуст)"
    return message


def _listed(base: PathKey, ids: Iterable[str]) -> Iterator[Ref]:
    for index, ref in enumerate(ids):
        yield (*base, index), ref


def _party_refs(spec: Spec) -> Iterator[Ref]:
    for i, party in enumerate(spec.parties):
        if party.head:
            yield ("parties", i, "head"), party.head
    auth = spec.authority
    for key in ("head", "party"):
        if getattr(auth, key):
            yield ("authority", key), getattr(auth, key)
    if spec.act:
        if spec.act.signatory:
            yield ("act", "signatory", "party"), spec.act.signatory.party
        if spec.act.executor:
            yield ("act", "executor"), spec.act.executor
        for path, point in _points(spec.act.points, ("act", "points")):
            yield from _listed((*path, "parties"), point.parties)
    for i, amendment in enumerate(spec.amendments):
        if amendment.signatory:
            yield ("amendments", i, "signatory", "party"), amendment.signatory.party
        if amendment.executor:
            yield ("amendments", i, "executor"), amendment.executor
    prog = spec.programme
    for key in ("developers", "executors", "participants"):
        yield from _listed(("programme", key), getattr(prog, key))
    for i, indicator in enumerate(prog.indicators):
        yield from _listed(("programme", "indicators", i, "responsible"), indicator.responsible)
    for i, school in enumerate(prog.schools):
        if school.curator:
            yield ("programme", "schools", i, "curator"), school.curator
    for path, activity in _activities(spec):
        yield from _listed((*path, "responsible"), activity.responsible)


def _goal_refs(spec: Spec) -> Iterator[Ref]:
    for key in ("tasks", "indicators"):
        for i, item in enumerate(getattr(spec.programme, key)):
            if item.goal:
                yield ("programme", key, i, "goal"), item.goal


def _task_refs(spec: Spec) -> Iterator[Ref]:
    for i, indicator in enumerate(spec.programme.indicators):
        if indicator.task:
            yield ("programme", "indicators", i, "task"), indicator.task
    for path, activity in _activities(spec):
        yield from _listed((*path, "tasks"), activity.tasks)


def _indicator_refs(spec: Spec) -> Iterator[Ref]:
    for path, activity in _activities(spec):
        yield from _listed((*path, "indicators"), activity.indicators)


def _risk_refs(spec: Spec) -> Iterator[Ref]:
    for i, school in enumerate(spec.programme.schools):
        yield from _listed(("programme", "schools", i, "risk_factors"), school.risk_factors)


def _appendix_refs(spec: Spec) -> list[Problem]:
    if spec.act is None:
        return []
    known = {a.number for a in appendices(spec) if a.number is not None}
    problems = []
    for path, point in _points(spec.act.points, ("act", "points")):
        if point.appendix is not None and point.appendix not in known:
            where = spec.positions.value((*path, "appendix"))
            listed = ", ".join(str(n) for n in sorted(known)) or "нет ни одного"
            message = f"приложения № {point.appendix} нет; приложения акта: {listed}"
            problems.append(Problem(where, "S025", message))
    return problems


def _points(points: list[ActPoint], base: PathKey) -> Iterator[tuple[PathKey, ActPoint]]:
    for index, point in enumerate(points):
        yield (*base, index), point
        yield from _points(point.points, (*base, index, "points"))


def _activities(spec: Spec) -> Iterator[tuple[PathKey, Any]]:
    if spec.roadmap is None:
        return
    for s, section in enumerate(spec.roadmap.sections):
        for a, activity in enumerate(section.activities):
            yield ("roadmap", "sections", s, "activities", a), activity


def _deadlines(spec: Spec, period: Period) -> list[Problem]:
    """Parse every deadline of an activity and every due date of a point, once per wording."""
    items: list[tuple[PathKey, Any, str]] = [(p, a, "deadline") for p, a in _activities(spec)]
    if spec.act:
        items += [(p, point, "due") for p, point in _points(spec.act.points, ("act", "points"))]
    problems: list[Problem] = []
    parse = _Parsed(period)
    for path, item, key in items:
        value = getattr(item, key)
        if value is None:
            continue
        try:
            setattr(item, f"_{key}", parse(value))
        except DeadlineError as exc:
            where = spec.positions.value((*path, key))
            problems.append(Problem(where, "S030", _one_line(exc)))
    return problems


class _Parsed:
    """Deadlines parsed within one period, each wording once: a plan repeats «январь 2023 г.»
    and «в течение года» in many rows (a deadline is immutable, so the rows share it)."""

    def __init__(self, period: Period) -> None:
        self.period = period
        self.done: dict[Any, Any] = {}

    def __call__(self, value: Any) -> Any:
        if isinstance(value, dict):  # a structure: parsed each time
            return parse_deadline(value, self.period)
        found = self.done.get(value)
        if found is None:
            try:
                found = parse_deadline(value, self.period)
            except DeadlineError as exc:
                found = exc
            self.done[value] = found
        if isinstance(found, DeadlineError):
            raise found.with_traceback(None)
        return found


def _number_roadmap(spec: Spec) -> None:
    """Printed numbers: «1.1» within sections, «1» afresh in each, or «1»…«39» throughout."""
    roadmap = spec.roadmap
    if roadmap is None:
        return
    dot = "." if roadmap.number_format == "1." else ""
    running = 0
    for s, section in enumerate(roadmap.sections, start=1):
        own = (section.number or "").rstrip(".")
        section._number = own or (str(s) if roadmap.section_numbers else "")
        for a, activity in enumerate(section.activities, start=1):
            running += 1
            if activity.number:
                activity._number = activity.number
            elif roadmap.numbering == "section":
                activity._number = f"{section._number or s}.{a}{dot}"
            elif roadmap.numbering == "continuous":
                activity._number = f"{running}{dot}"
            else:
                activity._number = f"{a}{dot}"


def _number_points(spec: Spec) -> list[Problem]:
    """Printed numbers of the act's points: «1.», sub-points «1.1.»; «3.1» may be written in
    full, and a full number that does not start with its point's number is an error."""
    if spec.act is None:
        return []
    problems: list[Problem] = []
    _number_level(spec, spec.act.points, ("act", "points"), "", problems)
    return problems


def _number_level(
    spec: Spec, points: list[ActPoint], base: PathKey, prefix: str, problems: list[Problem]
) -> None:
    for index, point in enumerate(points):
        own = (point.number or str(index + 1)).strip().rstrip(".")
        if prefix and "." in own:
            if not own.startswith(prefix):
                where = spec.positions.value((*base, index, "number"))
                message = (
                    f"номер подпункта «{own}» не начинается с номера пункта «{prefix.rstrip('.')}»"
                )
                problems.append(Problem(where, "S026", message))
            number = f"{own}."
        else:
            number = f"{prefix}{own}."
        point._number = number
        _number_level(spec, point.points, (*base, index, "points"), number, problems)


def _one_line(exc: Exception) -> str:
    """Error messages go on one line: CI annotations and editors read them that way."""
    lines = [line.strip(" —-") for line in str(exc).splitlines() if line.strip()]
    return lines[0] + (" " + "; ".join(lines[1:]) if len(lines) > 1 else "")
