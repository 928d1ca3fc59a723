"""GitHub: errors first, changed files first, a note on what GitHub leaves unseen, and the step
summary in Markdown."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from shnor_docs.checks.results import Report, Result
from shnor_docs.cli import cli
from shnor_docs.report import Options, render
from tests.checks.spec_helpers import BASE
from tests.report.test_report import ACTIVE, AS_OF, finding, parse_github, sample

OVERDUE = BASE.replace("          status: done\n          done_on: 2023-01-20\n", "")
GIT = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false"]


def test_changed_files_come_first_within_each_level() -> None:
    options = Options(changed=frozenset({"p/b/programme.yaml", "p/a/roadmap.yaml"}))
    found = parse_github(render(sample(), "github", options))
    assert [(a["kind"], a["file"]) for a in found] == [
        ("error", "p/a/programme.yaml"), ("warning", "p/b/programme.yaml"),
        ("warning", "p/a/programme.yaml"), ("notice", "p/a/roadmap.yaml"),
    ]


def test_a_note_tells_how_many_annotations_github_drops() -> None:
    many = [finding("R201", "error", line, f"мероприятие {line} просрочено")
            for line in range(1, 14)]
    out = render(Report([Result("p/a", many, levels=ACTIVE)], AS_OF), "github").splitlines()
    assert len([ln for ln in out if ln.startswith("::error")]) == 13
    assert out[-1].startswith("GitHub показывает не больше 10") and "ошибок — 3" in out[-1]


def _repo(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    for name in ("a", "b"):
        (repo / "programmes" / name).mkdir(parents=True)
        (repo / "programmes" / name / "programme.yaml").write_text(OVERDUE, encoding="utf-8")
    subprocess.run(["git", "init", "-q", "-b", "main", str(repo)], check=True)
    subprocess.run([*GIT, "-C", str(repo), "add", "."], check=True)
    subprocess.run([*GIT, "-C", str(repo), "commit", "-q", "-m", "base"], check=True)
    return repo


def test_pull_request_base_puts_its_files_first(tmp_path: Path, monkeypatch) -> None:
    repo = _repo(tmp_path)
    base = subprocess.run(["git", "-C", str(repo), "rev-parse", "HEAD"], capture_output=True,
                          text=True, check=True).stdout.strip()
    changed = repo / "programmes" / "b" / "programme.yaml"
    changed.write_text(OVERDUE + "# правка\n", encoding="utf-8")
    subprocess.run([*GIT, "-C", str(repo), "commit", "-q", "-am", "change b"], check=True)
    event = tmp_path / "event.json"
    event.write_text(json.dumps({"pull_request": {"base": {"sha": base}}}), encoding="utf-8")
    summary = tmp_path / "summary.md"
    monkeypatch.chdir(repo)
    monkeypatch.setenv("GITHUB_EVENT_PATH", str(event))
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    out = CliRunner().invoke(cli, ["check", "--as-of", "2023-03-01", "--format", "github"])
    assert out.exit_code == 1
    found = parse_github(out.output)
    assert found[0]["kind"] == "error" and found[0]["file"] == "programmes/b/programme.yaml"
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("## shnor check: 2 программы на 01.03.2023")
    assert "| `programmes/a` | да | 1 | 0 | 0 |" in text
    assert text.count("| ошибка | R201 |") == 2


def test_without_a_base_nothing_is_reordered(tmp_path: Path, monkeypatch) -> None:
    repo = _repo(tmp_path)
    monkeypatch.chdir(repo)
    for name in ("GITHUB_EVENT_PATH", "GITHUB_BASE_REF", "CI_MERGE_REQUEST_DIFF_BASE_SHA",
                 "GITHUB_STEP_SUMMARY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("GITHUB_BASE_REF", "no-such-branch")  # no history to compare: ignored
    out = CliRunner().invoke(cli, ["check", "--as-of", "2023-03-01", "--format", "github"])
    assert [a["file"] for a in parse_github(out.output)] == [
        "programmes/a/programme.yaml", "programmes/b/programme.yaml"]


@pytest.mark.parametrize("findings", [True, False])
def test_summary_markdown_escapes_and_counts(findings: bool) -> None:
    from shnor_docs.report.summary import summary_markdown

    report = sample() if findings else Report([Result("p/a", levels=ACTIVE)], AS_OF)
    text = summary_markdown(report)
    assert text.count("\n| `p/a` |") + text.count("\n| `p/b` |") == (2 if findings else 1)
    if findings:
        assert "100% просрочки, см. пункт 1,2 вторая строка" in text  # newline flattened
    else:
        assert "Замечаний нет." in text
