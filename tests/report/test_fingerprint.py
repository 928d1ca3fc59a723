"""Fingerprints follow the item, not the message or the line: GitLab and code scanning must not
see the same finding as fixed and new again every morning, or after an edit above it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from shnor_docs.cli import cli
from tests.conftest import PROGRAMMES


@pytest.fixture
def programme(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "programmes" / "meshchovsk"
    shutil.copytree(PROGRAMMES / "meshchovsk", target)
    return target


def gitlab(day: str) -> list[dict]:
    out = CliRunner().invoke(cli, ["check", "--as-of", day, "--format", "gitlab"])
    assert out.exit_code == 1, out.output
    return json.loads(out.output)


def sarif(day: str) -> list[dict]:
    out = CliRunner().invoke(cli, ["check", "--as-of", day, "--format", "sarif"])
    return json.loads(out.output)["runs"][0]["results"]


def by_place(issues: list[dict]) -> dict[tuple, dict]:
    return {(i["check_name"], i["location"]["path"], i["location"]["lines"]["begin"]): i
            for i in issues}


def test_fingerprints_are_unique(programme: Path) -> None:
    issues = gitlab("2023-03-01")
    assert len(issues) > 30
    assert len({i["fingerprint"] for i in issues}) == len(issues)


def test_the_next_day_keeps_the_fingerprints(programme: Path) -> None:
    today, tomorrow = by_place(gitlab("2023-03-01")), by_place(gitlab("2023-03-02"))
    shared = today.keys() & tomorrow.keys()
    overdue = [key for key in shared if key[0].startswith("R201")]
    assert len(overdue) > 5
    # the messages do change overnight («… дн. назад»), the fingerprints must not
    assert all(today[k]["description"] != tomorrow[k]["description"] for k in overdue)
    assert all(today[k]["fingerprint"] == tomorrow[k]["fingerprint"] for k in shared)


def test_a_line_inserted_above_keeps_the_fingerprints(programme: Path) -> None:
    before = gitlab("2023-03-01")
    roadmap = programme / "roadmap.yaml"
    lines = roadmap.read_text(encoding="utf-8").splitlines(keepends=True)
    first_item = next(i for i, line in enumerate(lines) if line.lstrip().startswith("- "))
    lines.insert(first_item, "# строка, вставленная выше всех мероприятий\n")
    roadmap.write_text("".join(lines), encoding="utf-8")
    after = gitlab("2023-03-01")
    moved = [(a["location"]["lines"]["begin"], b["location"]["lines"]["begin"])
             for a, b in zip(before, after, strict=True)
             if a["location"]["path"].endswith("roadmap.yaml")]
    assert moved and all(new == old + 1 for old, new in moved if old > first_item)
    assert sorted(i["fingerprint"] for i in before) == sorted(i["fingerprint"] for i in after)


def test_sarif_partial_fingerprints_agree(programme: Path) -> None:
    today, tomorrow = sarif("2023-03-01"), sarif("2023-03-02")
    first = {r["partialFingerprints"]["shnorItem/v1"] for r in today}
    second = {r["partialFingerprints"]["shnorItem/v1"] for r in tomorrow}
    assert len(first) == len(today) and len(first & second) >= len(first) - 3
