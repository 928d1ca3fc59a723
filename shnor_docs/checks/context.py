"""What a check sees: the spec, the as-of date, the settings, and walks over the spec's items."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from shnor_docs.location import Location, PathKey

if TYPE_CHECKING:
    from shnor_docs.model import Activity, ActPoint, Spec
    from shnor_docs.model.settings import CheckConfig

Walk = list[tuple[PathKey, Any]]


@dataclass
class Context:
    """The programme under check and everything a check may need beside it."""

    spec: Spec
    as_of: dt.date
    config: CheckConfig
    cache: dict[str, Any] = field(default_factory=dict)

    def at(self, path: PathKey, key: bool = False) -> Location:
        """File position of the value (or key) at a model path."""
        positions = self.spec.positions
        return positions.key(path) if key else positions.value(path)

    @property
    def period(self) -> Any:
        """The programme period (``dates.Period`` with ``start`` and ``end``) or None."""
        return self.spec.period

    @cached_property
    def activities(self) -> list[tuple[PathKey, Activity]]:
        """Every roadmap activity with its model path, in document order."""
        roadmap = self.spec.roadmap
        if roadmap is None:
            return []
        return [
            (("roadmap", "sections", s, "activities", a), activity)
            for s, section in enumerate(roadmap.sections)
            for a, activity in enumerate(section.activities)
        ]

    def label(self, path: PathKey, activity: Activity) -> str:
        """How a finding names an activity: «мероприятие 1.2» or «мероприятие 9 раздела 2»."""
        roadmap = self.spec.roadmap
        number = activity.display_number.rstrip(".")
        if roadmap is None or roadmap.numbering in ("section", "continuous"):
            return f"мероприятие {number}"
        return f"мероприятие {number} раздела {self.section_label(path[2])}"  # type: ignore[arg-type]

    def section_label(self, index: int) -> str:
        """How a finding names a roadmap section: its printed number, else its place."""
        roadmap = self.spec.roadmap
        assert roadmap is not None
        return roadmap.sections[index].display_number.rstrip(".") or str(index + 1)

    @cached_property
    def points(self) -> list[tuple[PathKey, ActPoint]]:
        """Every point and sub-point of the act with its model path, in document order."""
        if self.spec.act is None:
            return []
        return list(_points(self.spec.act.points, ("act", "points")))

    @cached_property
    def texts(self) -> list[tuple[PathKey, str]]:
        """Every free-text field of the documents with its model path, in reading order."""
        return [(path, text) for path, text in _texts(self) if isinstance(text, str) and text]


def _points(points: list[ActPoint], base: PathKey) -> Iterator[tuple[PathKey, ActPoint]]:
    for index, point in enumerate(points):
        yield (*base, index), point
        yield from _points(point.points, (*base, index, "points"))


def _fields(base: PathKey, item: Any, names: tuple[str, ...]) -> Iterator[tuple[PathKey, Any]]:
    for name in names:
        yield (*base, name), getattr(item, name)


def _texts(ctx: Context) -> Iterator[tuple[PathKey, Any]]:
    spec = ctx.spec
    for i, party in enumerate(spec.parties):  # as the documents print them
        yield from _fields(("parties", i), party, ("name", "position", "table_name"))
    if spec.act is not None:
        yield from _fields(("act",), spec.act, ("title", "preamble"))
        for path, point in ctx.points:
            yield from _fields(path, point, ("role", "text"))
        for i, appendix in enumerate(spec.act.appendices):
            yield from _fields(("act", "appendices", i), appendix, ("title", "subtitle", "text"))
    yield from _programme_texts(spec)
    yield from _printed_texts(spec)
    if spec.roadmap is not None:
        yield ("roadmap", "title"), spec.roadmap.title
        for s, section in enumerate(spec.roadmap.sections):
            yield ("roadmap", "sections", s, "title"), section.title
            for a, activity in enumerate(section.activities):
                base = ("roadmap", "sections", s, "activities", a)
                yield from _fields(base, activity, ("title", "result", "note"))


def _printed_texts(spec: Spec) -> Iterator[tuple[PathKey, Any]]:
    """What the programme prints in its own words: passport rows, the headings, leads and
    texts of its parts, stages as written."""
    prog = spec.programme
    if prog.passport is not None:
        for i, row in enumerate(prog.passport.rows or []):
            yield from _fields(("programme", "passport", "rows", i), row, ("label", "value"))
    for i, part in enumerate(prog.body or []):
        yield from _fields(("programme", "body", i), part, ("heading", "lead", "text"))
    for i, stage in enumerate(prog.stages):
        yield ("programme", "stages", i, "text"), stage.text


def _programme_texts(spec: Spec) -> Iterator[tuple[PathKey, Any]]:
    prog = spec.programme
    base: PathKey = ("programme",)
    yield from _fields(base, prog, ("title", "basis", "summary"))
    for i, goal in enumerate(prog.goals):
        yield (*base, "goals", i, "text"), goal.text
    for i, task in enumerate(prog.tasks):
        yield (*base, "tasks", i, "text"), task.text
    for i, indicator in enumerate(prog.indicators):
        yield from _fields((*base, "indicators", i), indicator, ("area", "name", "method"))
        for j, source in enumerate(indicator.sources):
            yield (*base, "indicators", i, "sources", j), source
    for i, stage in enumerate(prog.stages):
        yield from _fields((*base, "stages", i), stage, ("name", "content"))
    yield from _fields(base, prog, ("measures", "mechanism", "expected_results", "control"))
    for i, risk in enumerate(prog.risk_factors):
        yield from _fields((*base, "risk_factors", i), risk, ("name", "description"))
    for i, section in enumerate(prog.sections):
        yield from _fields((*base, "sections", i), section, ("title", "text"))
