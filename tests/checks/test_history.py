"""R210 silent-postponement: a deadline moved after it had passed, found in git history."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from shnor_docs.checks.config import settings_for
from shnor_docs.checks.runner import run_checks
from shnor_docs.spec.load import load_programme
from tests.checks.spec_helpers import edit
from tests.life.history import make_repo, v3

MOVE = [("          deadline: апрель 2023 г.", "          deadline: июнь 2023 г.")]
JULY = dt.date(2023, 7, 10)


def r210(folder: Path, as_of: dt.date = JULY, select: set[str] | None = None) -> list[str]:
    spec = load_programme(folder)
    settings = settings_for(spec, None, {"R210"} if select is None else select, set())
    return [f"{f.location.line}: {f.message}" for f in run_checks(spec, as_of, settings.config,
                                                                   settings.levels)
            if f.code == "R210"]


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git не установлен")
    return make_repo(tmp_path / "repo")


def test_an_uncommitted_move_after_the_deadline(repo: Path) -> None:
    (repo / "programme.yaml").write_text(edit(MOVE, v3()), encoding="utf-8")
    assert r210(repo) == [
        "98: мероприятие 2.1: срок «апрель 2023 г.» истёк 30.04.2023, а 10.07.2023 перенесён "
        "на «июнь 2023 г.» без приказа о внесении изменений (добавьте его в amendments и "
        "подготовьте: shnor amend)"]
    assert r210(repo, dt.date(2023, 4, 10)) == []  # moved before it passed


def test_a_committed_move_is_dated_by_its_commit(repo: Path) -> None:
    (repo / "programme.yaml").write_text(edit(MOVE, v3()), encoding="utf-8")
    root = repo.parent.parent
    stamp = "2023-07-01T10:00:00+03:00"
    subprocess.run(["git", "-C", str(root), "commit", "-qam", "Перенос"], check=True,
                   env={**os.environ, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp})
    found = r210(repo, dt.date(2023, 12, 1))
    assert len(found) == 1 and "а 01.07.2023 перенесён" in found[0]


def test_a_move_with_its_amending_act_is_not_silent(repo: Path) -> None:
    recorded = edit([*MOVE, ('  - number: "77"\n', '  - number: "80"\n    date: 2023-07-05\n'
                                                    '  - number: "77"\n')], v3())
    (repo / "programme.yaml").write_text(recorded, encoding="utf-8")
    assert r210(repo) == []


def test_the_rule_is_opt_in_and_silent_outside_git(repo: Path, tmp_path: Path) -> None:
    (repo / "programme.yaml").write_text(edit(MOVE, v3()), encoding="utf-8")
    spec = load_programme(repo)
    assert "R210" not in settings_for(spec, None, None, set()).levels
    alone = tmp_path / "alone" / "primer"
    shutil.copytree(repo, alone)
    assert r210(alone) == []
