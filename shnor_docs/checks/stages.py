"""R3xx: stages, the programme period and the dates of the act."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from itertools import pairwise

from shnor_docs.checks.context import Context
from shnor_docs.checks.core import Finding, check
from shnor_docs.deadlines import format_date
from shnor_docs.location import PathKey
from shnor_docs.model import Stage
from shnor_docs.text import quote

ONE_DAY = dt.timedelta(days=1)


def _day(day: dt.date) -> str:
    return format_date(day, "numeric")


def _stages(ctx: Context) -> list[tuple[PathKey, Stage]]:
    """Stages with their paths, in order of start (well-formed ones only)."""
    stages = [
        (("programme", "stages", i), stage)
        for i, stage in enumerate(ctx.spec.programme.stages)
        if stage.start <= stage.end
    ]
    return sorted(stages, key=lambda item: (item[1].start, item[1].end))


def _pairs(ctx: Context) -> Iterator[tuple[Stage, PathKey, Stage]]:
    stages = _stages(ctx)
    for (_, before), (path, after) in pairwise(stages):
        yield before, path, after


@check("R301", "stage-overlap", "error")
def stage_overlap(ctx: Context) -> Iterator[Finding]:
    """Этапы реализации не должны перекрываться.

    **Плохо**::

        stages:
          - {name: Подготовительный, start: 2021-06-01, end: 2021-09-30}
          - {name: Основной, start: 2021-09-01, end: 2022-12-31}

    **Хорошо**::

        stages:
          - {name: Подготовительный, start: 2021-06-01, end: 2021-08-31}
          - {name: Основной, start: 2021-09-01, end: 2022-12-31}
    """
    for before, path, after in _pairs(ctx):
        if after.start <= before.end:
            yield Finding(f"этап {quote(after.name)} начинается {_day(after.start)}, а этап "
                          f"{quote(before.name)} заканчивается только {_day(before.end)}",
                          (*path, "start"))


@check("R302", "stage-gap", "warning")
def stage_gap(ctx: Context) -> Iterator[Finding]:
    """Этапы реализации должны идти без разрывов и покрывать весь период программы.

    Первый этап может начинаться в день подписания акта, если акт подписан после начала
    периода (план на 2023 год, утверждённый 11 января).

    **Плохо** (программа на 2021–2023 годы)::

        stages:
          - {name: Основной, start: 2021-01-01, end: 2022-06-30}
          - {name: Обобщающий, start: 2022-09-01, end: 2023-12-31}

    **Хорошо**::

        stages:
          - {name: Основной, start: 2021-01-01, end: 2022-08-31}
          - {name: Обобщающий, start: 2022-09-01, end: 2023-12-31}
    """
    for before, path, after in _pairs(ctx):
        if after.start > before.end + ONE_DAY:
            yield Finding(f"между этапами {quote(before.name)} (до {_day(before.end)}) и "
                          f"{quote(after.name)} (с {_day(after.start)}) есть разрыв",
                          (*path, "start"))
    stages, period = _stages(ctx), ctx.period
    if not stages or period is None:
        return
    (first_path, first), (last_path, last) = stages[0], stages[-1]
    signed = ctx.spec.act.date if ctx.spec.act is not None else period.start
    if max(period.start, signed) < first.start <= period.end:
        yield Finding(f"период программы начинается {_day(period.start)}, а первый этап "
                      f"{quote(first.name)} — только {_day(first.start)}", (*first_path, "start"))
    if period.start <= last.end < period.end:
        yield Finding(f"последний этап {quote(last.name)} заканчивается {_day(last.end)}, а период "
                      f"программы — {_day(period.end)}", (*last_path, "end"))


@check("R303", "stage-outside-period", "error")
def stage_outside_period(ctx: Context) -> Iterator[Finding]:
    """Этап реализации должен лежать в периоде программы.

    **Плохо** (программа на 2021–2023 годы)::

        stages:
          - {name: Подготовительный, start: 2020-09-01, end: 2020-12-31}

    **Хорошо**::

        stages:
          - {name: Подготовительный, start: 2021-01-01, end: 2021-03-31}
    """
    period = ctx.period
    if period is None:
        return
    for i, stage in enumerate(ctx.spec.programme.stages):
        path = ("programme", "stages", i)
        if stage.start < period.start:
            yield Finding(f"этап {quote(stage.name)} начинается {_day(stage.start)}, раньше "
                          f"периода программы ({_day(period.start)})", (*path, "start"))
        if stage.end > period.end:
            yield Finding(f"этап {quote(stage.name)} заканчивается {_day(stage.end)}, позже "
                          f"периода программы ({_day(period.end)})", (*path, "end"))


@check("R304", "stage-reversed", "error")
def stage_reversed(ctx: Context) -> Iterator[Finding]:
    """Этап не может заканчиваться раньше, чем начинается.

    **Плохо**::

        stages:
          - {name: Основной, start: 2022-09-01, end: 2021-12-31}

    **Хорошо**::

        stages:
          - {name: Основной, start: 2021-09-01, end: 2022-12-31}
    """
    for i, stage in enumerate(ctx.spec.programme.stages):
        if stage.end < stage.start:
            yield Finding(f"этап {quote(stage.name)} заканчивается ({_day(stage.end)}) раньше, чем "
                          f"начинается ({_day(stage.start)})", ("programme", "stages", i, "end"))


@check("R305", "programme-before-act", "warning")
def programme_before_act(ctx: Context) -> Iterator[Finding]:
    """Программа не должна начинаться раньше даты утверждающего её акта.

    Допускается опережение не больше ``act_grace_days`` дней (по умолчанию 31): план на год,
    утверждённый в январе, — обычная практика.

    **Плохо**::

        act: {number: "302", date: 2021-07-05}
        programme:
          period: 2021-2023          # с 01.01.2021 — на полгода раньше постановления

    **Хорошо**::

        act: {number: "302", date: 2021-07-05}
        programme:
          period: {start: 2021-09-01, end: 2024-08-31}
    """
    act, period = ctx.spec.act, ctx.period
    if act is None or period is None:
        return
    if (act.date - period.start).days > ctx.config.act_grace_days:
        yield Finding(f"программа начинается {_day(period.start)}, раньше утверждающего её "
                      f"акта от {_day(act.date)}", ("programme", "period"))


@check("R306", "act-in-future", "warning")
def act_in_future(ctx: Context) -> Iterator[Finding]:
    """Дата акта не может быть позже даты проверки: такой акт ещё не подписан.

    **Плохо** (проверка 2023-03-01)::

        act: {number: 5-а, date: 2033-01-11}

    **Хорошо**::

        act: {number: 5-а, date: 2023-01-11}
    """
    act = ctx.spec.act
    if act is not None and act.date > ctx.as_of:
        yield Finding(f"акт датирован {_day(act.date)} — позже даты проверки "
                      f"{_day(ctx.as_of)}", ("act", "date"))


@check("R307", "cited-act-incomplete", "warning")
def cited_act_incomplete(ctx: Context) -> Iterator[Finding]:
    """Акт, на который ссылается преамбула (``basis``), назван с датой и номером.

    **Плохо**::

        basis:
          - kind: приказ
            issuer: министерства общего и профессионального образования Ростовской области
            date: 2020-12-30

    **Хорошо**::

        basis:
          - kind: приказ
            issuer: министерства общего и профессионального образования Ростовской области
            date: 2020-12-30
            number: "1234"
    """
    act = ctx.spec.act
    for i, cited in enumerate(act.basis if act is not None else []):
        missing = [name for name, value in (("дата", cited.date), ("номер", cited.number))
                   if not value]
        if missing:
            yield Finding(f"у акта из основания ({cited.kind}"
                          f"{' ' + cited.issuer if cited.issuer else ''}) не указаны: "
                          f"{', '.join(missing)}", ("act", "basis", i))
