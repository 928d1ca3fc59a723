"""Where a run keeps what it keeps for the next one: beside the byte-code, as Python does."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from shnor_docs.files import beside_bytecode


def test_a_kept_file_lies_beside_the_byte_code_of_its_module(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "package" / "module.py"
    monkeypatch.setattr(sys, "pycache_prefix", None)
    assert beside_bytecode(source, "kept.bin") == tmp_path / "package" / "__pycache__" / "kept.bin"
    monkeypatch.setattr(sys, "pycache_prefix", str(tmp_path / "prefix"))
    kept = beside_bytecode(source, "kept.bin")
    assert kept is not None and kept.name == "kept.bin"
    assert kept.is_relative_to(tmp_path / "prefix")  # under PYTHONPYCACHEPREFIX


def test_nothing_is_kept_where_python_keeps_no_byte_code(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys.implementation, "cache_tag", None)
    assert beside_bytecode("module.py", "kept.bin") is None
