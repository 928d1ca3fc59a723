"""Fixtures for the rule tests: write a tiny spec, load it for real, run the checks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from shnor_docs.checks.core import Finding
from tests.checks.spec_helpers import AS_OF, run_folder


@pytest.fixture
def run_spec(tmp_path: Path) -> Callable[..., list[Finding]]:
    """Run every rule on a spec text written into a fresh folder under ``tmp_path``."""
    counter = iter(range(1000))

    def run(text: str, as_of: dt.date = AS_OF) -> list[Finding]:
        return run_folder(tmp_path / f"prog{next(counter)}", text, as_of)

    return run
