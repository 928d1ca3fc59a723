"""What a check run found: the result of each programme, the report, the exit code."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

from shnor_docs.checks.core import Finding
from shnor_docs.errors import Problem
from shnor_docs.location import Location, from_root

EXIT_CLEAN, EXIT_FINDINGS, EXIT_LOAD = 0, 1, 2
LOAD_RULE = "load"


@dataclass
class Result:
    """The outcome of checking one programme: its findings, or the problems that stopped it."""

    programme: str
    findings: list[Finding] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    levels: dict[str, str] = field(default_factory=dict)
    settings: str | None = None

    @property
    def loaded(self) -> bool:
        return not self.problems

    def all_findings(self) -> list[Finding]:
        """Findings, with load problems turned into error-level findings."""
        slug = self.programme.rstrip("/").rsplit("/", 1)[-1]
        loaded = [
            Finding(p.message, location=p.location, code=p.code, name=LOAD_RULE, level="error",
                    programme=slug)
            for p in self.problems
        ]
        return loaded + self.findings


@dataclass
class Report:
    """Everything one ``shnor check`` run found."""

    results: list[Result]
    as_of: dt.date
    strict: bool = False

    def findings(self) -> list[Finding]:
        return sorted((f for r in self.results for f in r.all_findings()), key=Finding.sort_key)

    def fails(self, finding: Finding) -> bool:
        """Whether a finding makes the run fail (errors; warnings too with ``--strict``)."""
        return finding.level == "error" or (self.strict and finding.level == "warning")

    def exit_code(self) -> int:
        if any(not r.loaded for r in self.results):
            return EXIT_LOAD
        return EXIT_FINDINGS if any(self.fails(f) for f in self.findings()) else EXIT_CLEAN

    def counts(self) -> Counter[str]:
        return Counter(f.level for f in self.findings())

    def rebased(self, root: Path) -> Report:
        """The same report with every path shown from ``root`` (the repository root)."""
        cwd, root = Path.cwd().resolve(), root.resolve()  # once, not for every finding

        def at(where: Location | None) -> Location | None:
            return where and replace(where, path=from_root(where.path, root, cwd))

        results = [
            replace(
                r, programme=from_root(r.programme, root, cwd),
                findings=[replace(f, location=at(f.location)) for f in r.findings],
                problems=[replace(p, location=at(p.location)) for p in r.problems],
                settings=r.settings and from_root(r.settings, root, cwd),
            )
            for r in self.results
        ]
        return replace(self, results=results)
