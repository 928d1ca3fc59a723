"""The validator built from a kept core schema validates exactly as one built afresh."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from tests.checks.spec_helpers import BASE
from tests.conftest import PROGRAMMES, ROOT, SPECS, keeping_byte_code, run_main

BROKEN = sorted(p for p in (SPECS / "broken").iterdir() if p.is_dir())


def _check(prefix: Path, *, write: bool = True) -> tuple[str, list[Path]]:
    """``shnor check`` of the examples and the broken specs (JSON), in a process whose
    byte-code lives under ``prefix``; its output and the schemas kept there."""
    env = {k: v for k, v in {**os.environ, **keeping_byte_code(prefix)}.items() if v is not None}
    if not write:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    paths = [str(p) for p in (*sorted(PROGRAMMES.iterdir()), *BROKEN)]
    done = subprocess.run(
        [sys.executable, "-m", "shnor_docs", "check", "--as-of", "2023-03-01",
         "--format", "json", *paths],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False,
    )
    assert done.returncode in (1, 2), done.stderr
    return done.stdout, sorted(prefix.rglob("Spec-schema-*.pickle"))


def _picklable() -> bool:
    """Whether this pydantic's core schema of Spec can be kept (2.6 holds local functions)."""
    from shnor_docs.model import Spec
    from shnor_docs.spec.load import load_programme

    load_programme(PROGRAMMES / "meshchovsk")
    try:
        pickle.dumps(Spec.__pydantic_core_schema__)
    except Exception:
        return False
    return True


def test_a_kept_schema_validates_as_a_fresh_one(tmp_path: Path) -> None:
    fresh, kept = _check(tmp_path)
    if not _picklable():
        assert kept == []
        pytest.skip("схему этой версии pydantic нельзя сохранить (pickle): она не хранится")
    assert len(kept) == 1
    again, _ = _check(tmp_path)
    assert again == fresh
    kept[0].write_bytes(b"not a pickle")  # a damaged cache is built again, and replaced
    damaged, _ = _check(tmp_path)
    assert damaged == fresh
    assert kept[0].read_bytes() != b"not a pickle"


def test_nothing_is_kept_where_no_byte_code_is_written(tmp_path: Path) -> None:
    _, kept = _check(tmp_path, write=False)
    assert kept == []


_COUNTING = """
from pydantic._internal import _generate_schema
built = []
original = _generate_schema.GenerateSchema._model_schema
def counted(self, obj, *args, **kwargs):  # a model's schema made from its fields
    built.append(getattr(obj, "__name__", repr(obj)))
    return original(self, obj, *args, **kwargs)
_generate_schema.GenerateSchema._model_schema = counted
"""


def test_a_second_check_builds_no_schema_not_even_for_the_defaults(tmp_path: Path) -> None:
    """The models a spec's defaults make on their own (the check settings, the form and its
    margins) are validated from kept schemas as well: a check builds no schema at all."""
    spec = tmp_path / "spec"
    spec.mkdir()
    (spec / "programme.yaml").write_text(BASE, encoding="utf-8")  # no form:, no checks:
    runs = [run_main("check", "--as-of", "2023-03-01", str(spec), before=_COUNTING,
                     report="sorted(set(built))", env=keeping_byte_code(tmp_path))
            for _ in range(2)]
    first, second = (r.stdout.splitlines()[-1] for r in runs)
    if not _picklable():
        pytest.skip("схему этой версии pydantic нельзя сохранить (pickle): она не хранится")
    assert "Spec" in first
    assert second == "[]"
