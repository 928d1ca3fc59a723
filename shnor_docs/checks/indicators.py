"""R5xx: indicators — targets for each year, baseline, source, responsible, links, unit."""

from __future__ import annotations

from collections.abc import Iterator

from shnor_docs.checks.context import Context
from shnor_docs.checks.core import Finding, check
from shnor_docs.model import Indicator

INDICATORS = ("programme", "indicators")


def _indicators(ctx: Context) -> Iterator[tuple[tuple[str, str, int], Indicator]]:
    for i, indicator in enumerate(ctx.spec.programme.indicators):
        yield (*INDICATORS, i), indicator


def _label(indicator: Indicator) -> str:
    name = indicator.name if len(indicator.name) <= 60 else indicator.name[:57].rstrip() + "…"
    return f"показатель {indicator.number + ' ' if indicator.number else ''}«{name}»"


def period_years(ctx: Context) -> range | None:
    """Years that need a target: each calendar year, or each end of a school year."""
    period = ctx.period
    if period is None:
        return None
    first = period.start.year + 1 if period.academic else period.start.year
    return range(first, period.end.year + 1)


@check("R503", "indicator-missing-target", "warning")
def indicator_missing_target(ctx: Context) -> Iterator[Finding]:
    """У показателя есть плановое значение на каждый год периода программы.

    Для учебного периода («2020/2021») год — это год окончания учебного года.

    **Плохо** (программа на 2021–2023 годы)::

        - id: i1
          name: Доля педагогов ШНОР, прошедших повышение квалификации
          targets: {2021: 60, 2022: 70}

    **Хорошо**::

        - id: i1
          name: Доля педагогов ШНОР, прошедших повышение квалификации
          targets: {2021: 60, 2022: 70, 2023: 80}
    """
    years = period_years(ctx)
    if years is None:
        return
    for path, indicator in _indicators(ctx):
        missing = [str(year) for year in years if year not in indicator.targets]
        if missing:
            where = (*path, "targets") if indicator.targets else path
            yield Finding(f"{_label(indicator)}: нет плановых значений на {', '.join(missing)} "
                          f"{'год' if len(missing) == 1 else 'годы'}", where, key=True)


@check("R504", "indicator-target-outside-period", "warning")
def indicator_target_outside_period(ctx: Context) -> Iterator[Finding]:
    """Плановое значение показателя задано на год вне периода программы.

    **Плохо** (программа на 2021–2023 годы)::

        targets: {2021: 60, 2022: 70, 2023: 80, 2024: 90}

    **Хорошо**::

        targets: {2021: 60, 2022: 70, 2023: 80}
    """
    period = ctx.period
    if period is None:
        return
    for path, indicator in _indicators(ctx):
        for year in indicator.targets:
            if not period.start.year <= year <= period.end.year:
                yield Finding(f"{_label(indicator)}: плановое значение на {year} год — вне "
                              f"периода программы", (*path, "targets", str(year)), key=True)


@check("R505", "indicator-without-baseline", "warning")
def indicator_without_baseline(ctx: Context) -> Iterator[Finding]:
    """У показателя есть базовое значение — от него отсчитывается рост.

    **Плохо**::

        - id: i1
          name: Доля педагогов ШНОР, прошедших повышение квалификации
          targets: {2026: 60, 2027: 80}

    **Хорошо**::

        - id: i1
          name: Доля педагогов ШНОР, прошедших повышение квалификации
          baseline: {year: 2025, value: 40}
          targets: {2026: 60, 2027: 80}
    """
    for path, indicator in _indicators(ctx):
        if indicator.baseline is None:
            yield Finding(f"{_label(indicator)}: нет базового значения (baseline)", path)


@check("R506", "indicator-without-source", "warning")
def indicator_without_source(ctx: Context) -> Iterator[Finding]:
    """У показателя указан источник данных (``sources``): откуда берутся значения.

    **Плохо**::

        - id: i1
          name: Доля педагогов ШНОР, прошедших повышение квалификации
          responsible: [rmk]

    **Хорошо**::

        - id: i1
          name: Доля педагогов ШНОР, прошедших повышение квалификации
          responsible: [rmk]
          sources: [региональная информационная система «Образование»]
    """
    for path, indicator in _indicators(ctx):
        if not indicator.sources:
            yield Finding(f"{_label(indicator)}: не указан источник данных (sources)", path)


@check("R507", "indicator-without-responsible", "warning")
def indicator_without_responsible(ctx: Context) -> Iterator[Finding]:
    """У показателя указан ответственный за сбор данных (``responsible``).

    **Плохо**::

        - id: i1
          name: Доля педагогов ШНОР, прошедших повышение квалификации
          sources: [отчёты общеобразовательных организаций]

    **Хорошо**::

        - id: i1
          name: Доля педагогов ШНОР, прошедших повышение квалификации
          sources: [отчёты общеобразовательных организаций]
          responsible: [rmk]
    """
    for path, indicator in _indicators(ctx):
        if not indicator.responsible:
            yield Finding(f"{_label(indicator)}: не указан ответственный (responsible)", path)


@check("R509", "indicator-unlinked", "warning")
def indicator_unlinked(ctx: Context) -> Iterator[Finding]:
    """Показатель привязан к задаче или цели: по ним группируется таблица показателей.

    **Плохо**::

        - id: i1
          name: Доля учителей ШНОР и ШНСУ, прошедших диагностику по наличию дефицитов

    **Хорошо**::

        - id: i1
          task: t4
          name: Доля учителей ШНОР и ШНСУ, прошедших диагностику по наличию дефицитов
    """
    prog = ctx.spec.programme
    if not (prog.goals or prog.tasks):
        return
    for path, indicator in _indicators(ctx):
        if indicator.task is None and indicator.goal is None:
            yield Finding(f"{_label(indicator)} не привязан ни к задаче (task), ни к цели (goal)",
                          path)


@check("R510", "indicator-without-unit", "warning")
def indicator_without_unit(ctx: Context) -> Iterator[Finding]:
    """У показателя указана единица измерения — графа «Ед. изм.» таблицы показателей.

    **Плохо**::

        - id: i1
          name: Доля педагогов ШНОР, прошедших повышение квалификации

    **Хорошо**::

        - id: i1
          name: Доля педагогов ШНОР, прошедших повышение квалификации
          unit: "%"
    """
    for path, indicator in _indicators(ctx):
        if not indicator.unit:
            yield Finding(f"{_label(indicator)}: не указана единица измерения (unit)", path)
