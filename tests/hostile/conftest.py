"""Fixtures of the hostile cases: one first build per module, a fresh copy for each test."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.hostile.workspace import copy_workspace, make_first_build


@pytest.fixture(scope="module")
def first_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The valid programme and its build, made once per module; each test works on a copy."""
    return make_first_build(tmp_path_factory.mktemp("first"))


@pytest.fixture
def ws(first_build: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return copy_workspace(first_build, tmp_path, monkeypatch)
