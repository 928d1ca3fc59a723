"""R4xx: numbering of the act's points, roadmap sections and activities, tasks; ids."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise

from shnor_docs.checks.context import Context
from shnor_docs.checks.core import Finding, check
from shnor_docs.location import PathKey

_NUMBER = re.compile(r"\d+(?:\.\d+)*")


@dataclass(frozen=True)
class Numbered:
    """One item of a numbered list: where its number is, and the number as printed."""

    path: PathKey
    number: str

    @property
    def parts(self) -> tuple[int, ...] | None:
        text = self.number.strip().rstrip(".")
        if not _NUMBER.fullmatch(text):
            return None
        return tuple(int(part) for part in text.split("."))


def _effective(base: PathKey, items: list, explicit_only: bool = False) -> list[Numbered]:
    numbered = []
    for index, item in enumerate(items):
        if item.number:
            numbered.append(Numbered((*base, index, "number"), item.number))
        elif not explicit_only:
            numbered.append(Numbered((*base, index), str(index + 1)))
    return numbered


def _groups(ctx: Context) -> Iterator[tuple[str, list[Numbered]]]:
    spec = ctx.spec
    if spec.act is not None:
        yield "в пунктах акта", _effective(("act", "points"), spec.act.points)
        for path, point in ctx.points:
            if point.points:
                where = f"в подпунктах пункта {_label(ctx, path)}"
                yield where, _effective((*path, "points"), point.points)
    if spec.roadmap is not None:
        sections = spec.roadmap.sections
        yield "в разделах дорожной карты", _effective(("roadmap", "sections"), sections)
        for s, section in enumerate(sections):
            base = ("roadmap", "sections", s, "activities")
            label = section.display_number or str(s + 1)
            yield f"в разделе {label} дорожной карты", _effective(base, section.activities)
    prog = spec.programme
    yield "в задачах", _effective(("programme", "tasks"), prog.tasks, explicit_only=True)
    yield "в показателях", _effective(
        ("programme", "indicators"), prog.indicators, explicit_only=True)


def _label(ctx: Context, path: PathKey) -> str:
    point = ctx.spec.act
    numbers = []
    for step in range(2, len(path), 2):
        items = point.points  # type: ignore[union-attr]
        point = items[path[step]]  # type: ignore[index]
        numbers.append(point.number or str(path[step] + 1))
    return ".".join(n.rstrip(".") for n in numbers)


@check("R401", "duplicate-number", "error")
def duplicate_number(ctx: Context) -> Iterator[Finding]:
    """Номера пунктов акта, разделов и мероприятий дорожной карты, задач не повторяются.

    **Плохо**::

        - number: "9"
          title: Направление руководителей на переподготовку
        - number: "9"
          title: Выявление проблемных зон образовательных организаций

    **Хорошо**::

        - number: "9"
          title: Направление руководителей на переподготовку
        - number: "10"
          title: Выявление проблемных зон образовательных организаций
    """
    for where, items in _groups(ctx):
        seen: dict[str, Numbered] = {}
        for item in items:
            key = item.number.strip().rstrip(".")
            if key in seen:
                first = ctx.at(seen[key].path)
                yield Finding(f"номер {key} {where} повторяется (он уже есть в строке "
                              f"{first.line})", item.path)
            seen.setdefault(key, item)


@check("R402", "skipped-number", "warning")
def skipped_number(ctx: Context) -> Iterator[Finding]:
    """Номера пунктов, мероприятий и задач идут подряд: без пропусков и перестановок.

    **Плохо**::

        tasks:
          - {id: t1, number: "2.1", text: …}
          - {id: t2, number: "2.3", text: …}

    **Хорошо**::

        tasks:
          - {id: t1, number: "2.1", text: …}
          - {id: t2, number: "2.2", text: …}
    """
    for where, items in _groups(ctx):
        numbers = [(item, item.parts) for item in items if item.parts]
        if numbers and numbers[0][1][-1] != 1:  # type: ignore[index]
            yield Finding(f"нумерация {where} начинается с {numbers[0][0].number}, а не с 1",
                          numbers[0][0].path)
        for (_, before), (item, after) in pairwise(numbers):
            message = _sequence(before, after)  # type: ignore[arg-type]
            if message:
                yield Finding(f"{where}: {message}", item.path)


def _sequence(before: tuple[int, ...], after: tuple[int, ...]) -> str | None:
    if before[:-1] != after[:-1] or after == before:
        return None
    shown = ".".join(map(str, after))
    if after[-1] < before[-1]:
        return f"номер {shown} идёт после {'.'.join(map(str, before))}: порядок нарушен"
    if after[-1] > before[-1] + 1:
        gap = [*before[:-1], before[-1] + 1]
        return f"после {'.'.join(map(str, before))} идёт {shown}: пропущен номер " + \
            ".".join(map(str, gap))
    return None


@check("R403", "duplicate-id", "error")
def duplicate_id(ctx: Context) -> Iterator[Finding]:
    """Идентификаторы мероприятий (``id``) не повторяются.

    Идентификаторы участников, целей, задач, показателей и школ проверяются при загрузке
    (ошибка S024); это правило проверяет необязательные идентификаторы мероприятий.

    **Плохо**::

        - {id: monitoring, title: Мониторинг результатов ВПР}
        - {id: monitoring, title: Мониторинг профессиональных дефицитов}

    **Хорошо**::

        - {id: monitoring-vpr, title: Мониторинг результатов ВПР}
        - {id: monitoring-deficits, title: Мониторинг профессиональных дефицитов}
    """
    seen: set[str] = set()
    for path, activity in ctx.activities:
        if activity.id is None:
            continue
        if activity.id in seen:
            yield Finding(f"идентификатор мероприятия «{activity.id}» уже использован выше",
                          (*path, "id"))
        seen.add(activity.id)
