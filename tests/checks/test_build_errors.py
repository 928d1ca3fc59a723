"""A build runs only the rules at the level «error»: it reports the very errors a full check
finds, and nothing else decides them."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from shnor_docs.checks.runner import check_spec, error_findings
from shnor_docs.spec.load import load_programme
from tests.conftest import PROGRAMMES


def _errors(findings: list) -> list[tuple]:
    return [(f.code, f.location, f.message) for f in findings if f.level == "error"]


@pytest.mark.parametrize("slug", sorted(p.name for p in PROGRAMMES.iterdir() if p.is_dir()))
@pytest.mark.parametrize("as_of", [date(2020, 1, 1), date(2023, 6, 1), date(2026, 11, 27)])
def test_the_errors_of_a_build_are_those_of_a_full_check(slug: str, as_of: date) -> None:
    spec = load_programme(PROGRAMMES / slug)
    assert _errors(error_findings(spec, as_of)) == _errors(check_spec(spec, as_of))


def test_an_error_level_unused_disable_rule_has_every_rule_run(tmp_path: Path) -> None:
    """R900 at «error» reports a disable comment that silenced nothing. Whether a comment
    naming a warning (R601) silenced anything is known only if R601 ran: the one on «КГИРО»
    silences its finding, the one on «РМО» names a line R601 has nothing to say about."""
    folder = tmp_path / "meshchovsk"
    shutil.copytree(PROGRAMMES / "meshchovsk", folder)
    parties = folder / "parties.yaml"
    text = parties.read_text("utf-8").replace(
        "    name: КГИРО\n", "    name: КГИРО  # shnor: disable=R601\n", 1)
    text = text.replace("parties:\n", "parties:  # shnor: disable=R601\n", 1)
    parties.write_text(text, "utf-8")
    spec_file = folder / "programme.yaml"
    spec_file.write_text(spec_file.read_text("utf-8")
                         + "\nchecks:\n  rules: {unused-disable: error}\n", "utf-8")
    spec = load_programme(folder)
    as_of = date(2023, 6, 1)
    full = check_spec(spec, as_of)
    assert not [f for f in full if f.code == "R601" and "КГИРО" in f.message]  # silenced
    assert [f.location.line for f in full if f.code == "R900"] == [9]  # the idle one only
    assert _errors(error_findings(spec, as_of)) == _errors(full)
