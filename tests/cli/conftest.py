"""Fixtures of the command tests: programmes written into a working directory of their own."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def programmes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Write programmes under tmp_path/programmes (the working directory) by name."""
    monkeypatch.chdir(tmp_path)

    def write(**specs: str) -> Path:
        for name, text in specs.items():
            folder = tmp_path / "programmes" / name
            folder.mkdir(parents=True, exist_ok=True)
            (folder / "programme.yaml").write_text(text, encoding="utf-8")
        return tmp_path / "programmes"

    return write
