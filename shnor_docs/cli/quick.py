"""``shnor build`` where nothing changed, answered before click is imported.

A rebuild of a region where every programme is current does nothing but read build records and
hash the files they name (:func:`shnor_docs.build.batch.unchanged`). Starting click and the
command modules would cost more than that work, so :func:`shortcut` reads the command line
itself — only the forms ``shnor build`` documents, nothing else — and answers when every
programme named is current, with the very lines, summary and exit code the full command prints.
Anything else (``--force``, ``--help``, an unknown or malformed option, a programme to build,
an output folder to refuse, an unexpected error) returns None, and the click command runs as if
the shortcut had not been tried.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

TYPE_CHECKING = False  # typing costs a no-change rebuild its import
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Any

FORMATS = ("docx", "html", "pdf")  # as shnor_docs.build.FORMATS (a test keeps them equal)
# The defaults and bounds of ``shnor build``'s options: the click command declares them from here.
DEFAULT_FORMATS = "docx,html"
DEFAULT_OUT = "build"
MAX_JOBS = 64
COMPLETION = "_SHNOR_COMPLETE"  # click's variable for the shell completion of «shnor»
_VALUED = {"--out": "out", "--format": "formats", "--jobs": "jobs", "-j": "jobs",
           "--shard": "shard"}


def shortcut(argv: Sequence[str]) -> int | None:
    """The exit code of ``shnor build`` when every programme it names is current (its lines
    printed); None when the full command must run."""
    if os.environ.get(COMPLETION):  # click answers the shell's completion
        return None
    try:
        options = parse_build(argv)
        answer = None if options is None else _answer(**options)
        if isinstance(answer, tuple) and not _plain(*answer):
            return None
    except Exception:  # the full command meets it again and reports it properly
        return None
    if not isinstance(answer, tuple):
        return answer
    return _print(*answer)  # once printing has begun, the full command must not run as well


def _plain(lines: list[str], last: str) -> bool:
    """Whether printing needs none of what click does around it: the lines encode as the
    streams do (click rewraps an ASCII stream or reports a failure), they hold no escape
    sequences (click strips them from a file or pipe), and none of them names an unparsed
    deadline (S030: the build lists the accepted wordings after it)."""
    text = "\n".join([*lines, last])
    if "\x1b" in text or ": ошибка S030 " in text:
        return False
    for stream, part in ((sys.stdout, "\n".join(lines)), (sys.stderr, last)):
        try:
            part.encode(getattr(stream, "encoding", None) or "utf-8")
        except (UnicodeError, LookupError):
            return False
    return True


def parse_build(argv: Sequence[str]) -> dict[str, Any] | None:
    """``build`` with its paths, ``--out``, ``--format``, ``--jobs``/``-j``, ``--shard`` and
    ``--strict``, as click reads them (``--opt value``, ``--opt=value``, ``-j2``, the last of a
    repeated option wins); None for anything else."""
    if not argv or argv[0] != "build":
        return None
    found: dict[str, Any] = {"paths": [], "strict": False}
    values = {"out": DEFAULT_OUT, "formats": DEFAULT_FORMATS, "jobs": "1", "shard": None}
    rest = list(argv[1:])
    while rest:
        token = rest.pop(0)
        if not token.startswith("-"):
            found["paths"].append(Path(token))
            continue
        if token == "--strict":
            found["strict"] = True
            continue
        name, eq, value = token.partition("=")
        if token.startswith("-j") and not token.startswith("--") and len(token) > 2:
            name, eq, value = "-j", "=", token[2:]
        if name not in _VALUED or (name == "-j" and token.startswith("-j=")):
            return None  # --force, --help, --, anything unknown
        if not eq:
            if not rest:
                return None
            value = rest.pop(0)
        values[_VALUED[name]] = value
    return _converted(found, values)


def _converted(found: dict[str, Any], values: dict[str, Any]) -> dict[str, Any] | None:
    jobs = values["jobs"]
    if not (jobs.isascii() and jobs.isdigit() and 1 <= int(jobs) <= MAX_JOBS):
        return None
    formats = {f.strip().lower() for f in values["formats"].split(",") if f.strip()}
    if not formats or not formats <= set(FORMATS) or not values["out"]:
        return None
    return {**found, "out": Path(values["out"]), "formats": formats, "shard": values["shard"]}


def _answer(
    paths: list[Path], out: Path, formats: set[str], shard: str | None, strict: bool
) -> int | tuple[list[str], str] | None:
    from shnor_docs.build.stop import Stopped, stoppable

    try:
        with stoppable():
            return _current(paths, out, formats, shard, strict)
    except Stopped as exc:
        sys.stderr.write(stopped_message(exc) + "\n")
        return exc.exit_code


def _current(
    paths: list[Path], out: Path, formats: set[str], shard: str | None, strict: bool
) -> tuple[list[str], str] | None:
    from shnor_docs.build.batch import unchanged
    from shnor_docs.build.output import prepare
    from shnor_docs.build.progress import clear_progress, progress
    from shnor_docs.spec.folders import PROGRAMMES, find_programmes, in_shard, parse_shard
    from shnor_docs.spec.settings_files import SettingsFinder

    folders = find_programmes(paths or [PROGRAMMES])
    if shard is not None:
        part = parse_shard(shard)
        folders = [f for f in folders if in_shard(f, part)]
    if not folders:
        return None
    finder = SettingsFinder()  # resolves each folder once for all steps
    prepare(out, [f for f in folders if f.is_dir()], finder.resolved)
    start = time.perf_counter()
    done = unchanged(folders, out, formats, strict, finder)
    if len(done) != len(folders):
        return None
    outcomes = [done[folder] for folder in folders]
    show = progress(len(folders))
    for outcome in outcomes:
        show(outcome)
    clear_progress()
    lines = [line for outcome in outcomes for line in outcome.lines]
    return lines, f"{summary(outcomes)} ({time.perf_counter() - start:.1f} с)"


def _print(lines: list[str], last: str) -> int:
    """The lines on stdout, the summary on stderr; a closed pipe (``shnor build | head``) ends
    the command with 1, as click ends it."""
    try:
        sys.stdout.write("".join(f"{line}\n" for line in lines))
        sys.stdout.flush()
        sys.stderr.write(f"{last}\n")
        sys.stderr.flush()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # nothing more to flush at exit
        return 1
    return 0


def summary(outcomes: list[Any]) -> str:
    """«Собрано: 3, без изменений: 1, не собрано: 0; с ошибками проверки: 2»."""
    counts = {s: sum(o.status == s for o in outcomes) for s in ("built", "unchanged")}
    not_built = sum(o.status in ("failed", "refused") for o in outcomes)
    checked = sum(o.check_errors or o.status == "refused" for o in outcomes)
    return (
        f"Собрано: {counts['built']}, без изменений: {counts['unchanged']}, "
        f"не собрано: {not_built}; с ошибками проверки: {checked}"
    )


def stopped_message(exc: BaseException) -> str:
    """B011: what a stopped build says."""
    return (f"ошибка B011 сборка прервана ({exc}): незаконченные папки удалены, прежние сборки "
            "на месте")
