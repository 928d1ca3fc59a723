"""R210: a deadline moved after it had passed, with no amending act recorded (opt-in: git).

The previous revision is found in git, only when the rule is on and the programme's folder lies
in a git repository: if the folder has uncommitted changes, it is compared with HEAD (the move
happens today, on the date of the check); otherwise the last commit that changed the folder is
compared with the commit that changed it before (the move happened on the later one's date).
Git runs as a subprocess of read-only plumbing; the working tree and the index stay untouched.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

from shnor_docs.checks.context import Context
from shnor_docs.checks.core import Finding, check
from shnor_docs.checks.deadlines import CLOSED
from shnor_docs.deadlines import Deadline, format_date
from shnor_docs.errors import SpecError
from shnor_docs.model import Activity, Spec


def previous_revision(spec: Spec, as_of: dt.date) -> tuple[Spec, dt.date] | None:
    """The programme's previous revision in git and the day the current one was made; None
    outside git or when there is no previous revision.

    Git, temporary files and the matching are imported here: the rule is opt-in, and a check
    without it does not pay for them."""
    import subprocess
    import tempfile

    from shnor_docs.spec.revisions import (
        HistoryError,
        dirty,
        last_commits,
        load_at,
        locate,
        repository_of,
    )

    if repository_of(spec.folder) is None:
        return None
    try:
        where = locate(spec.folder)
        if dirty(where):
            rev, moment = "HEAD", as_of
        else:
            commits = last_commits(where, 2)
            if len(commits) < 2:
                return None
            rev, moment = commits[1][0], commits[0][1]
        with tempfile.TemporaryDirectory(prefix="shnor-history-") as tmp:
            return load_at(where, rev, Path(tmp)), moment
    except (HistoryError, SpecError, subprocess.CalledProcessError):
        return None


def _tracked(activity: Activity) -> Deadline | None:
    deadline = activity.parsed_deadline
    return deadline if isinstance(deadline, Deadline) and deadline.checkable else None


def _amended(old: Spec, new: Spec) -> bool:
    """An amending act recorded together with the change (not in the previous revision)."""
    before = {(a.number, a.date) for a in old.amendments}
    return any((a.number, a.date) not in before for a in new.amendments)


@check("R210", "silent-postponement", "warning", default=False)
def silent_postponement(ctx: Context) -> Iterator[Finding]:
    """Срок мероприятия перенесён после того, как истёк, а приказ об изменениях не записан.

    Утверждённый план меняется только приказом о внесении изменений. Правило сравнивает
    программу с её предыдущей редакцией в git: если в папке есть незафиксированные изменения —
    с HEAD, иначе — последний коммит, менявший папку, с предыдущим. Срок, истёкший до переноса,
    сдвинут на более поздний, а в ``amendments`` не появилось нового акта — это тихий перенос.
    Правило запускает git, поэтому включается явно: ``checks: {rules: {silent-postponement:
    warning}}`` или ``shnor check --select R210``; вне репозитория git оно молчит.

    **Плохо** (в предыдущей редакции — «январь 2023 г.», перенос в марте)::

        - title: Закрепление за школами муниципальных координаторов
          deadline: март 2023 г.

    **Хорошо**::

        amendments:
          - {number: "48", date: 2023-03-15}
        roadmap:
          sections:
            - activities:
                - title: Закрепление за школами муниципальных координаторов
                  deadline: март 2023 г.
    """
    found = previous_revision(ctx.spec, ctx.as_of)
    if found is None or _amended(found[0], ctx.spec):
        return
    from shnor_docs.spec.matching import match_activities

    old_spec, moment = found
    for old, new in match_activities(old_spec, ctx.spec):
        before, after = _tracked(old.activity), _tracked(new.activity)
        if before is None or after is None or old.activity.status in CLOSED:
            continue
        if before.end < moment and after.end > before.end:
            path = ("roadmap", "sections", new.section, "activities", new.index)
            yield Finding(f"{ctx.label(path, new.activity)}: {_moved(before, after, moment)}",
                          (*path, "deadline"))


def _moved(before: Deadline, after: Deadline, moment: dt.date) -> str:
    return (f"срок «{before.text}» истёк {format_date(before.end, 'numeric')}, а "
            f"{format_date(moment, 'numeric')} перенесён на «{after.text}» без приказа о внесении "
            "изменений (добавьте его в amendments и подготовьте: shnor amend)")
