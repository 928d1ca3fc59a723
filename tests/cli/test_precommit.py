"""The pre-commit example points at a commit that exists and holds the hooks it names, and the
check hook leaves out the rules that depend on the date."""

from __future__ import annotations

import subprocess

import pytest
import yaml

from tests.conftest import ROOT

EXAMPLE = ROOT / "examples" / "ci" / "pre-commit-config.yaml"


def _git(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True,
                          check=False, timeout=30)


def test_hooks_file_names_the_hooks_and_leaves_dated_rules_out() -> None:
    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    assert set(hooks) == {"shnor-validate", "shnor-check"}
    assert hooks["shnor-check"]["entry"] == "shnor check --ignore dated"


def test_example_rev_is_a_commit_with_these_hooks() -> None:
    (repo,) = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))["repos"]
    rev = repo["rev"]
    assert len(rev) == 40 and int(rev, 16) >= 0  # a full commit hash: no tag is published yet
    if _git("rev-parse", "--git-dir").returncode != 0:
        pytest.skip("не в клоне git: историю проверить нельзя")
    if _git("cat-file", "-e", f"{rev}^{{commit}}").returncode != 0:
        shallow = _git("rev-parse", "--is-shallow-repository").stdout.strip() == "true"
        if shallow:
            pytest.skip("неполный клон git: коммита rev в нём может не быть")
        pytest.fail(f"коммита {rev} нет в истории: укажите в примере существующий коммит")
    assert _git("merge-base", "--is-ancestor", rev, "HEAD").returncode == 0
    then = yaml.safe_load(_git("show", f"{rev}:.pre-commit-hooks.yaml").stdout)
    assert {h["id"] for h in then} >= {h["id"] for h in repo["hooks"]}
    assert {h["id"]: h["entry"] for h in then}["shnor-check"] == "shnor check --ignore dated"
