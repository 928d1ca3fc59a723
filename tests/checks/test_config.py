"""Settings: shnor.toml / [tool.shnor] found by walking up, merged under the programme's own."""

from __future__ import annotations

from pathlib import Path

import pytest

from shnor_docs.checks.config import (
    ConfigError,
    find_config,
    read_config,
    select_codes,
    settings_for,
)
from shnor_docs.spec.folders import programme_folders
from shnor_docs.spec.load import load_programme
from tests.checks.spec_helpers import BASE


def _spec(folder: Path, extra: str = ""):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "programme.yaml").write_text(BASE + extra, encoding="utf-8")
    return load_programme(folder)


def test_find_prefers_nearest_and_stops_at_the_repository_root(tmp_path: Path) -> None:
    (tmp_path / "shnor.toml").write_text("due_soon_days = 1\n", encoding="utf-8")
    repo = tmp_path / "repo"
    programme = repo / "programmes" / "a"
    programme.mkdir(parents=True)
    (repo / ".git").mkdir()
    assert find_config(programme) is None  # the file above .git is not the repository's
    (repo / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    assert find_config(programme) is None  # a pyproject.toml without [tool.shnor] does not count
    (repo / "pyproject.toml").write_text("[tool.shnor]\ndue_soon_days = 3\n", encoding="utf-8")
    assert find_config(programme) == repo / "pyproject.toml"
    (repo / "programmes" / "shnor.toml").write_text("due_soon_days = 5\n", encoding="utf-8")
    assert find_config(programme) == repo / "programmes" / "shnor.toml"


def test_read_pyproject_and_shnor_toml(tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[tool.shnor]\ndue_soon_days = 3\n[tool.shnor.rules]\nR602 = "off"\n'
                         'overdue = "warning"\n', encoding="utf-8")
    config = read_config(pyproject)
    assert config.due_soon_days == 3 and config.rules == {"R602": "off", "overdue": "warning"}
    own = tmp_path / "shnor.toml"
    own.write_text('known_abbreviations = ["КГИРО"]\n', encoding="utf-8")
    assert read_config(own).known_abbreviations == ["КГИРО"]


@pytest.mark.parametrize(("text", "code", "line"), [
    ("due_soon_dais = 3\n", "S011", 1),
    ("stale_year_gap = 1\ndue_soon_days = 'много'\n", "S010", 2),
    ("[rules]\nR999 = 'off'\n", "S011", 2),
    ("[rules]\nR201 = 'fatal'\n", "S013", 2),
    ("due_soon_days = \n", "S001", 1),  # TOML errors have their line too
])
def test_bad_settings_are_reported_with_a_line(tmp_path: Path, text: str, code: str,
                                               line: int) -> None:
    path = tmp_path / "shnor.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        read_config(path)
    assert [(p.code, p.location.line) for p in info.value.problems] == [(code, line)]


def test_programme_settings_win_over_the_repository(tmp_path: Path) -> None:
    (tmp_path / "shnor.toml").write_text(
        "due_soon_days = 7\noverload_per_month = 2\n[rules]\nR602 = 'off'\nR701 = 'warning'\n",
        encoding="utf-8")
    repo = read_config(tmp_path / "shnor.toml")
    spec = _spec(tmp_path / "a", "checks:\n  due_soon_days: 3\n  rules: {stale-year: info}\n")
    settings = settings_for(spec, repo, None, set())
    assert settings.config.due_soon_days == 3
    assert settings.config.overload_per_month == 2
    assert settings.levels["R602"] == "info" and settings.levels["R701"] == "warning"


def test_unknown_rule_in_the_programme_is_a_problem_at_its_key(tmp_path: Path) -> None:
    spec = _spec(tmp_path / "a", "checks:\n  rules: {R999: off}\n")
    with pytest.raises(ConfigError) as info:
        settings_for(spec, None, None, set())
    (problem,) = info.value.problems
    assert problem.code == "S011" and problem.location.line == BASE.count("\n") + 2


def test_select_and_ignore(tmp_path: Path) -> None:
    assert select_codes(["R20"]) == {f"R20{i}" for i in range(1, 10)}
    assert select_codes(["overdue,R601", "R9"]) == {"R201", "R601", "R900"}
    assert "R101" in select_codes(["ALL"])
    with pytest.raises(ValueError, match="R8"):
        select_codes(["R8"])
    spec = _spec(tmp_path / "a", "checks:\n  rules: {R602: off}\n")
    levels = settings_for(spec, None, select_codes(["R6"]), {"R601"}).levels
    assert levels == {"R603": "info"}  # R602 stays off, R601 ignored; R6 selects opt-in R603
    assert "R603" not in settings_for(spec, None, None, set()).levels  # opt-in: off by default


def test_programme_folders_from_files_and_folders(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("a", "b"):
        _spec(Path("programmes") / name)
    parts = Path("programmes/a/parts")
    parts.mkdir()
    (parts / "roadmap.yaml").write_text("roadmap: {}\n", encoding="utf-8")
    Path("README.md").write_text("x", encoding="utf-8")
    folders, missing = programme_folders([
        Path("programmes/a/programme.yaml"), parts / "roadmap.yaml", Path("README.md"),
        Path("programmes/b"), Path("nowhere"),
    ])
    assert folders == [Path("programmes/a"), Path("programmes/b")]
    assert missing == [Path("nowhere")]
    assert programme_folders([Path("programmes")])[0] == [Path("programmes/a"),
                                                          Path("programmes/b")]
