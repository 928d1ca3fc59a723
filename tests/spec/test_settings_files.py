"""The settings file of a programme's checks, found alone or for the many programmes of a run."""

from __future__ import annotations

from pathlib import Path

import pytest

from shnor_docs.spec import settings_files
from shnor_docs.spec.settings_files import SettingsFinder, settings_stamp


def test_a_finder_finds_what_each_programme_alone_would(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "pyproject.toml").write_text("[tool.shnor]\ndue_soon_days = 3\n", encoding="utf-8")
    folders = [repo / "region" / name for name in ("a", "b", "c")]
    for folder in folders:
        folder.mkdir(parents=True)
    (folders[2] / "shnor.toml").write_text("due_soon_days = 5\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # outside the repository: no settings there
    alone = [settings_stamp(folder) for folder in folders]
    assert [s.split()[0] for s in alone] == [
        str(repo.resolve() / "pyproject.toml")] * 2 + [str(folders[2].resolve() / "shnor.toml")]
    read = []
    real = settings_files.read_text
    monkeypatch.setattr(settings_files, "read_text", lambda path: read.append(path) or real(path))
    finder = SettingsFinder()
    assert [finder.stamp(folder) for folder in folders] == alone
    assert len(read) == 1  # the pyproject.toml of the two programmes, looked at once


def test_no_settings_anywhere_is_none(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    assert settings_stamp(tmp_path) is None and SettingsFinder().stamp(tmp_path) is None
