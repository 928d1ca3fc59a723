"""A programme as it was at a git revision, read without touching the working tree or index.

Files are read with ``git ls-tree`` and ``git cat-file`` (the plumbing behind ``git show
REV:path``) into a temporary folder of the same name as the programme's, and loaded from there
like any programme. ``GIT_OPTIONAL_LOCKS=0`` keeps even ``git status`` from refreshing the index.
Standard library only: the opt-in history rule (R210) uses this on the check path.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from shnor_docs.errors import Problem, SpecError
from shnor_docs.spec.folders import SPEC_FILE

if TYPE_CHECKING:
    from shnor_docs.model import Spec

GIT_TIMEOUT = 60


class HistoryError(Exception):
    """A revision or a folder in git that cannot be read; the message is for the user."""

    def __init__(self, code: str, message: str) -> None:
        self.code = code
        self.message = message
        super().__init__(f"ошибка {code} {message}")


def git(root: Path, *args: str, data: bytes | None = None) -> bytes:
    """Run a read-only git command in ``root``; its output, or :class:`HistoryError` G001."""
    env = {**os.environ, "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"}
    try:
        done = subprocess.run(
            ["git", "-C", str(root), *args], input=data, capture_output=True, env=env,
            timeout=GIT_TIMEOUT, check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise HistoryError("G001", f"git не удалось запустить ({exc})") from None
    if done.returncode != 0:
        raise subprocess.CalledProcessError(done.returncode, args, done.stdout, done.stderr)
    return done.stdout


def repository_of(folder: Path) -> Path | None:
    """The root of the git work tree holding ``folder``, or None (no git, no repository)."""
    start = folder if folder.is_dir() else folder.parent
    try:
        out = git(start.resolve(), "rev-parse", "--show-toplevel")
    except (HistoryError, subprocess.CalledProcessError):
        return None
    return Path(out.decode("utf-8").strip()).resolve()


def commit_of(root: Path, rev: str) -> str:
    """The commit a revision names («HEAD~1», «v1», a hash); :class:`HistoryError` G002."""
    if rev.startswith("-"):
        raise HistoryError("G002", f"ревизия «{rev}» не найдена")
    try:
        out = git(root, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}")
    except subprocess.CalledProcessError:
        raise HistoryError("G002", f"ревизия «{rev}» не найдена в репозитории") from None
    return out.decode("ascii").strip()


@dataclass(frozen=True)
class Located:
    """A programme folder inside its repository."""

    root: Path
    relative: str  # POSIX path from the root; «» for the root itself


def locate(folder: Path) -> Located:
    """Where ``folder`` lies in its git repository; :class:`HistoryError` G001 outside one."""
    root = repository_of(folder)
    if root is None:
        raise HistoryError("G001", f"папка «{folder}» не лежит в репозитории git (или git не "
                           "установлен); для двух папок укажите --from-dir и --to-dir")
    relative = folder.resolve().relative_to(root).as_posix()
    return Located(root, "" if relative == "." else relative)


def extract(where: Located, rev: str, into: Path) -> Path:
    """Write the programme folder as it was at ``rev`` into ``into/<its name>``; return it."""
    commit = commit_of(where.root, rev)
    prefix = f"{where.relative}/" if where.relative else ""
    listing = git(where.root, "ls-tree", "-r", "-z", "--full-tree", commit, "--", prefix or ".")
    blobs: list[tuple[str, str]] = []
    for entry in filter(None, listing.split(b"\0")):
        meta, _, name = entry.partition(b"\t")
        _, kind, sha = meta.decode("ascii").split()
        path = name.decode("utf-8")
        if kind == "blob" and path.startswith(prefix):
            blobs.append((sha, path[len(prefix):]))
    if not any(rel == SPEC_FILE for _, rel in blobs):
        shown = where.relative or "."
        raise HistoryError("G003", f"в ревизии «{rev}» в папке «{shown}» нет программы "
                           f"(файла {SPEC_FILE})")
    target = into / (Path(where.relative).name or where.root.name)
    for (_, rel), content in zip(blobs, _read_blobs(where.root, [s for s, _ in blobs]),
                                 strict=True):
        path = target / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    return target


def _read_blobs(root: Path, shas: list[str]) -> list[bytes]:
    """The contents of many blobs in one ``git cat-file --batch`` run."""
    out = git(root, "cat-file", "--batch", data="".join(f"{s}\n" for s in shas).encode())
    contents, position = [], 0
    for _ in shas:
        end = out.index(b"\n", position)
        size = int(out[position:end].split()[2])
        contents.append(out[end + 1:end + 1 + size])
        position = end + 1 + size + 1
    return contents


def dirty(where: Located) -> bool:
    """Whether the programme folder differs from HEAD (changed, new or deleted files)."""
    out = git(where.root, "status", "--porcelain", "-z", "--", where.relative or ".")
    return bool(out.strip(b"\0"))


def last_commits(where: Located, count: int = 2) -> list[tuple[str, dt.date]]:
    """The last ``count`` commits that changed the programme folder, newest first, with the
    dates they were committed."""
    out = git(where.root, "log", f"-n{count}", "--format=%H %cs", "--", where.relative or ".")
    found = []
    for line in out.decode("ascii").splitlines():
        sha, day = line.split()
        found.append((sha, dt.date.fromisoformat(day)))
    return found


def load_at(where: Located, rev: str, into: Path) -> Spec:
    """The programme as it was at ``rev``, loaded from a copy in ``into``; problems name their
    files as «REV:path/programme.yaml:line:col»."""
    from shnor_docs.spec.load import load_programme

    folder = extract(where, rev, into)
    try:
        return load_programme(folder)
    except SpecError as exc:
        raise SpecError([_relocated(p, folder, where, rev) for p in exc.problems]) from None


def _relocated(problem: Problem, folder: Path, where: Located, rev: str) -> Problem:
    path = Path(problem.location.path)
    try:
        inside = path.resolve().relative_to(folder.resolve()).as_posix()
    except ValueError:
        return problem
    shown = f"{rev}:{where.relative}/{inside}" if where.relative else f"{rev}:{inside}"
    return replace(problem, location=replace(problem.location, path=shown))
