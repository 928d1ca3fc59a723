"""R5xx: goals, tasks and indicators."""

from __future__ import annotations

from collections.abc import Iterator

from shnor_docs.checks.context import Context
from shnor_docs.checks.core import Finding, check


@check("R501", "task-without-activity", "warning")
def task_without_activity(ctx: Context) -> Iterator[Finding]:
    """Каждой задаче служит хотя бы одно мероприятие дорожной карты (поле ``tasks``).

    **Плохо**::

        programme:
          tasks:
            - {id: t1, text: Организовать методическое сопровождение школ.}
        roadmap:
          sections:
            - activities:
                - {title: Семинары для учителей, responsible: [rmk]}

    **Хорошо**::

        roadmap:
          sections:
            - activities:
                - {title: Семинары для учителей, responsible: [rmk], tasks: [t1]}
    """
    tasks = ctx.spec.programme.tasks
    if not ctx.activities or not tasks:
        return
    served = {task for _, activity in ctx.activities for task in activity.tasks}
    if not served:
        yield Finding("ни одно мероприятие не связано с задачами программы (поле tasks у "
                      "мероприятий)", ("roadmap",), key=True)
        return
    for i, task in enumerate(tasks):
        if task.id not in served:
            number = f" {task.number}" if task.number else ""
            yield Finding(f"задаче{number} «{task.id}» не служит ни одно мероприятие",
                          ("programme", "tasks", i))


@check("R502", "goal-without-task", "warning")
def goal_without_task(ctx: Context) -> Iterator[Finding]:
    """У каждой цели есть хотя бы одна задача (поле ``goal`` у задач).

    Если цель одна, задачи без ``goal`` относятся к ней.

    **Плохо**::

        goals:
          - {id: g1, text: Создание механизма управления ресурсами.}
          - {id: g2, text: Повышение уровня образовательных результатов.}
        tasks:
          - {id: t1, text: Разработать муниципальный мониторинг.}

    **Хорошо**::

        tasks:
          - {id: t1, goal: g1, text: Разработать муниципальный мониторинг.}
          - {id: t2, goal: g2, text: Обеспечить развитие кадрового потенциала школ.}
    """
    prog = ctx.spec.programme
    sole = prog.goals[0].id if len(prog.goals) == 1 else None
    linked = {task.goal or sole for task in prog.tasks}
    for i, goal in enumerate(prog.goals):
        if goal.id not in linked:
            yield Finding(f"у цели «{goal.id}» нет задач (ни одна задача не ссылается на неё "
                          "полем goal)", ("programme", "goals", i))


@check("R508", "programme-without-activities", "info")
def programme_without_activities(ctx: Context) -> Iterator[Finding]:
    """У программы с задачами есть план мероприятий (``roadmap``) — иначе нечего отслеживать.

    **Плохо**::

        programme:
          tasks:
            - {id: t1, text: Обеспечить развитие кадрового потенциала школ.}
        # roadmap не задан

    **Хорошо**::

        roadmap:
          sections:
            - title: Развитие кадрового потенциала
              activities:
                - {title: Курсы повышения квалификации, deadline: март 2022 г.,
                   responsible: [rmk], tasks: [t1]}
    """
    prog = ctx.spec.programme
    if (prog.tasks or prog.goals) and not ctx.activities:
        path = ("roadmap",) if ctx.spec.roadmap is not None else ("programme",)
        yield Finding("в программе есть цели и задачи, но нет ни одного мероприятия "
                      "(roadmap): сроки и исполнение отследить нельзя", path, key=True)
