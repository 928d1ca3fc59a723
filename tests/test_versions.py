"""The constraints of the lowest-version run pin exactly the lower bounds pyproject declares,
so that run tests the declared range and not some other one."""

from __future__ import annotations

import tomllib

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from tests.conftest import ROOT


def _declared() -> dict[str, Version]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    found = {}
    for text in [*project["dependencies"], *project["optional-dependencies"]["test"]]:
        requirement = Requirement(text)
        lower = [Version(s.version) for s in requirement.specifier if s.operator == ">="]
        assert lower, f"{text}: нет нижней границы версии"
        found[canonicalize_name(requirement.name)] = lower[0]
    return found


def _pinned() -> dict[str, Version]:
    found = {}
    for line in (ROOT / "constraints" / "lowest.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        if line:
            requirement = Requirement(line)
            (spec,) = requirement.specifier
            assert spec.operator == "==", line
            found[canonicalize_name(requirement.name)] = Version(spec.version)
    return found


def test_lowest_constraints_pin_the_declared_lower_bounds() -> None:
    assert _pinned() == _declared()
