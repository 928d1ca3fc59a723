"""R2xx: deadlines and the state of activities."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from shnor_docs.checks.context import Context
from shnor_docs.checks.core import Finding, check
from shnor_docs.deadlines import Deadline, DeadlineKind, format_date
from shnor_docs.location import PathKey
from shnor_docs.model import Activity

CLOSED = ("done", "cancelled")
#: Kinds whose window is one span of their own (not the whole period, not a schedule).
SPAN_KINDS = (
    DeadlineKind.DATE, DeadlineKind.BEFORE, DeadlineKind.MONTH, DeadlineKind.MONTHS,
    DeadlineKind.RANGE, DeadlineKind.QUARTER, DeadlineKind.HALF_YEAR, DeadlineKind.YEAR,
)


def dated(ctx: Context) -> Iterator[tuple[PathKey, Activity, Deadline]]:
    """Activities whose deadline has dates that can be tracked."""
    for path, activity in ctx.activities:
        deadline = activity.parsed_deadline
        if isinstance(deadline, Deadline) and deadline.checkable:
            yield path, activity, deadline


def _shown(ctx: Context, path: PathKey, activity: Activity, deadline: Deadline) -> str:
    return f"{ctx.label(path, activity)} (срок «{deadline.text}»)"


def _day(day: dt.date) -> str:
    return format_date(day, "numeric")


@check("R201", "overdue", "error")
def overdue(ctx: Context) -> Iterator[Finding]:
    """Срок мероприятия истёк, а оно не отмечено выполненным или отменённым.

    Срок считается истёкшим, когда окно срока (для «январь – февраль 2023 г.» — по 28.02.2023)
    закончилось раньше даты проверки (``--as-of``, по умолчанию сегодня).

    **Плохо**::

        - title: Закрепление за школами муниципальных координаторов
          deadline: январь 2023 г.
          responsible: [otdel]

    **Хорошо**::

        - title: Закрепление за школами муниципальных координаторов
          deadline: январь 2023 г.
          responsible: [otdel]
          status: done
          done_on: 2023-01-20
    """
    for path, activity, deadline in dated(ctx):
        if activity.status not in CLOSED and deadline.end < ctx.as_of:
            days = (ctx.as_of - deadline.end).days
            yield Finding(f"{_shown(ctx, path, activity, deadline)} просрочено: срок истёк "
                          f"{_day(deadline.end)} ({days} дн. назад), а status не done и не "
                          "cancelled", (*path, "deadline"))


def _next_end(deadline: Deadline, as_of: dt.date) -> dt.date:
    ends = sorted(end for _, end in deadline.occurrences if end >= as_of)
    return ends[0] if ends else deadline.end


@check("R202", "due-soon", "info")
def due_soon(ctx: Context) -> Iterator[Finding]:
    """Срок мероприятия истекает в ближайшие дни (``due_soon_days``, по умолчанию 14).

    Для повторяющихся сроков («2 раза в год (май, декабрь)») берётся ближайшее вхождение.

    **Плохо** (проверка 2023-01-25)::

        - title: Закрепление за школами муниципальных координаторов
          deadline: январь 2023 г.
          status: in_progress

    **Хорошо**::

        - title: Закрепление за школами муниципальных координаторов
          deadline: январь 2023 г.
          status: done
          done_on: 2023-01-20
    """
    limit = ctx.as_of + dt.timedelta(days=ctx.config.due_soon_days)
    for path, activity, deadline in dated(ctx):
        end = _next_end(deadline, ctx.as_of)
        if activity.status not in CLOSED and ctx.as_of <= end <= limit:
            days = (end - ctx.as_of).days
            yield Finding(f"{_shown(ctx, path, activity, deadline)}: срок истекает {_day(end)} "
                          f"(через {days} дн.)", (*path, "deadline"))


@check("R203", "done-without-date", "warning")
def done_without_date(ctx: Context) -> Iterator[Finding]:
    """Выполненное мероприятие должно иметь дату выполнения (``done_on``).

    Без даты нельзя показать, что мероприятие выполнено в срок.

    **Плохо**::

        - title: Закрепление за школами муниципальных координаторов
          status: done

    **Хорошо**::

        - title: Закрепление за школами муниципальных координаторов
          status: done
          done_on: 2023-01-20
    """
    for path, activity in ctx.activities:
        if activity.status == "done" and activity.done_on is None:
            yield Finding(f"{ctx.label(path, activity)} отмечено выполненным "
                          "(status: done), но дата выполнения (done_on) не указана",
                          (*path, "status"))


@check("R204", "completed-late", "info")
def completed_late(ctx: Context) -> Iterator[Finding]:
    """Мероприятие выполнено позже своего срока (для сведения).

    **Плохо**::

        - title: Закрепление за школами муниципальных координаторов
          deadline: январь 2023 г.
          status: done
          done_on: 2023-02-10

    **Хорошо**::

        - title: Закрепление за школами муниципальных координаторов
          deadline: январь 2023 г.
          status: done
          done_on: 2023-01-20
    """
    for path, activity, deadline in dated(ctx):
        done_on = activity.done_on
        if activity.status == "done" and done_on is not None and done_on > deadline.end:
            days = (done_on - deadline.end).days
            yield Finding(f"{_shown(ctx, path, activity, deadline)} выполнено "
                          f"{_day(done_on)}, на {days} дн. позже срока", (*path, "done_on"))


@check("R205", "deadline-outside-period", "error")
def deadline_outside_period(ctx: Context) -> Iterator[Finding]:
    """Срок мероприятия должен лежать в периоде программы.

    **Плохо** (программа на 2021–2023 годы)::

        - title: Разработка нормативных документов
          deadline: декабрь 2020 г.

    **Хорошо**::

        - title: Разработка нормативных документов
          deadline: январь – февраль 2021 г.
    """
    period = ctx.period
    if period is None:
        return
    for path, activity, deadline in dated(ctx):
        if deadline.start < period.start or deadline.end > period.end:
            inside = deadline.start <= period.end and period.start <= deadline.end
            how = "выходит за" if inside else "лежит вне"
            yield Finding(f"{_shown(ctx, path, activity, deadline)} {how} период программы "
                          f"({_day(period.start)} – {_day(period.end)})", (*path, "deadline"))


@check("R206", "deadline-outside-stages", "warning")
def deadline_outside_stages(ctx: Context) -> Iterator[Finding]:
    """Срок мероприятия должен приходиться на один из этапов реализации.

    Проверяется окончание срока: оно должно попадать в какой-нибудь этап (``stages``).
    Сроки «в течение всего периода», повторяющиеся и внешние не проверяются; срок вне
    периода программы отмечает R205.

    **Плохо**::

        programme:
          stages:
            - {name: Подготовительный, start: 2021-06-01, end: 2021-08-31}
        roadmap:
          sections:
            - activities:
                - {title: Разработка нормативных документов, deadline: январь 2021 г.}

    **Хорошо**::

        roadmap:
          sections:
            - activities:
                - {title: Разработка нормативных документов, deadline: июль 2021 г.}
    """
    period = ctx.period
    stages = [stage for stage in ctx.spec.programme.stages if stage.start <= stage.end]
    if not stages or period is None:
        return
    for path, activity, deadline in dated(ctx):
        if deadline.kind not in SPAN_KINDS or not deadline.placed:
            continue
        outside_period = deadline.start < period.start or deadline.end > period.end
        if not outside_period and not any(s.start <= deadline.end <= s.end for s in stages):
            yield Finding(f"{_shown(ctx, path, activity, deadline)} заканчивается "
                          f"{_day(deadline.end)} — вне этапов реализации программы",
                          (*path, "deadline"))


@check("R207", "unplaced-deadline", "warning")
def unplaced_deadline(ctx: Context) -> Iterator[Finding]:
    """Срок без года, который нельзя однозначно отнести к году программы.

    «Май» в программе на 2021–2023 годы может означать май любого из трёх лет.

    **Плохо** (программа на 2021–2023 годы)::

        - title: Корректировка планов реализации программы
          deadline: май

    **Хорошо**::

        - title: Корректировка планов реализации программы
          deadline: май 2022 г.      # или «ежегодно в мае», если каждый год
    """
    for path, activity in ctx.activities:
        deadline = activity.parsed_deadline
        if isinstance(deadline, Deadline) and deadline.checkable and not deadline.placed:
            years = ", ".join(str(start.year) for start, _ in deadline.occurrences)
            yield Finding(f"{_shown(ctx, path, activity, deadline)}: не указан год, а в периоде "
                          f"программы подходят {years}; укажите год или «ежегодно»",
                          (*path, "deadline"))


@check("R208", "untrackable-deadline", "warning")
def untrackable_deadline(ctx: Context) -> Iterator[Finding]:
    """Срок без собственной даты: исполнение мероприятия нельзя отследить.

    Срок «согласно плану-графику КГИРО» зависит от чужого плана, срок «по мере
    необходимости» — от потребности; ни просрочку, ни приближение срока проверить нельзя.

    **Плохо**::

        - title: Направление на КПК педагогических работников
          deadline: согласно плану-графику КГИРО на 2023 г.

    **Хорошо**::

        - title: Направление на КПК педагогических работников
          deadline: март 2023 г.      # месяц курсов из плана-графика КГИРО
          note: согласно плану-графику КГИРО на 2023 г.
    """
    for path, activity in ctx.activities:
        deadline = activity.parsed_deadline
        if isinstance(deadline, Deadline) and not deadline.checkable:
            yield Finding(f"{_shown(ctx, path, activity, deadline)}: {_why(deadline)}, а не "
                          "датой — исполнение отследить нельзя; укажите месяц или дату",
                          (*path, "deadline"))


def _why(deadline: Deadline) -> str:
    if deadline.kind == DeadlineKind.EXTERNAL:
        return "срок задан ссылкой на другой план"
    return "срок наступает по потребности"


@check("R209", "missing-deadline", "warning")
def missing_deadline(ctx: Context) -> Iterator[Finding]:
    """У мероприятия должен быть срок исполнения.

    **Плохо**::

        - title: Информационное сопровождение программы
          responsible: [otdel]

    **Хорошо**::

        - title: Информационное сопровождение программы
          deadline: в течение всего периода
          responsible: [otdel]
    """
    for path, activity in ctx.activities:
        if activity.deadline is None:
            yield Finding(f"{ctx.label(path, activity)}: не указан срок (deadline)", path)
