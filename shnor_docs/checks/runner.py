"""Run the registered rules over one programme: add codes and levels, apply disable comments."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from shnor_docs.checks import REGISTRY, UNUSED_DISABLE
from shnor_docs.checks.context import Context
from shnor_docs.checks.core import Finding, Rule
from shnor_docs.checks.disable import parse_comments, silence, unused
from shnor_docs.checks.identity import item_identity
from shnor_docs.checks.results import Report, Result
from shnor_docs.location import display_path

if TYPE_CHECKING:
    from shnor_docs.checks.config import RepoConfigs, Settings
    from shnor_docs.model import Spec
    from shnor_docs.model.settings import CheckConfig


def run_checks(
    spec: Spec, as_of: dt.date, config: CheckConfig, levels: dict[str, str],
    identify: bool = True,
) -> list[Finding]:
    """Findings of every active rule (``levels``: code → level) on ``spec``, sorted.

    Without ``identify`` the findings do not name their item (:mod:`.identity`): a build counts
    its errors and prints no fingerprint, and a plan of 10,000 overdue activities would spend a
    twentieth of its build naming them."""
    ctx = Context(spec, as_of, config)
    slug = spec.slug  # resolves the folder: once, not for every finding
    found: list[Finding] = []
    for rule in REGISTRY:
        if rule.code in levels and rule is not UNUSED_DISABLE:
            level = levels[rule.code]
            found.extend(
                _complete(ctx, rule, level, f, slug, identify) for f in rule.function(ctx)
            )
    names = {key: rule.code for rule in REGISTRY for key in (rule.code, rule.name)}
    comments = parse_comments(ctx, names)
    kept = silence(ctx, found, comments)
    if UNUSED_DISABLE.code in levels:
        extra = [
            _complete(ctx, UNUSED_DISABLE, levels[UNUSED_DISABLE.code], f, slug)
            for f in unused(comments, set(levels))
        ]
        kept += silence(ctx, extra, comments)
    return sorted(kept, key=Finding.sort_key)


def _complete(
    ctx: Context, rule: Rule, level: str, finding: Finding, slug: str, identify: bool = True
) -> Finding:
    location = finding.location or ctx.at(finding.path, finding.key)
    item = finding.item or (item_identity(ctx.spec, finding.path) if identify else "")
    return replace(finding, location=location, code=rule.code, name=rule.name, level=level,
                   programme=slug, item=item)


def load_for_check(
    folder: Path, repo: RepoConfigs, select: set[str] | None = None,
    ignore: frozenset[str] | set[str] = frozenset(),
) -> tuple[Spec, Settings]:
    """Load a programme and merge its settings; :class:`SpecError` for a bad spec or settings
    (an unknown rule in ``checks:`` too), as ``check`` and ``validate`` both report them."""
    from shnor_docs.checks.config import settings_for
    from shnor_docs.spec.load import load_programme

    spec = load_programme(folder)
    repo_config, source = repo.for_folder(folder)
    return spec, settings_for(spec, repo_config, select, set(ignore), source)


def check_programmes(
    folders: list[Path], as_of: dt.date, select: set[str] | None = None,
    ignore: frozenset[str] | set[str] = frozenset(), strict: bool = False,
) -> Report:
    """Load each programme, merge its settings, run the rules; never raises for a bad spec.

    No garbage collection while a programme is checked, as while it is built: loading and
    checking make many objects and hardly any cycles; the collector runs between programmes."""
    from shnor_docs.checks.config import RepoConfigs
    from shnor_docs.spec.yamlread import collection_paused

    repo = RepoConfigs()
    results = []
    for folder in folders:
        with collection_paused():
            results.append(_checked(folder, repo, as_of, select, ignore))
    return Report(results, as_of, strict)


def _checked(
    folder: Path, repo: RepoConfigs, as_of: dt.date, select: set[str] | None,
    ignore: frozenset[str] | set[str],
) -> Result:
    from shnor_docs.errors import SpecError

    shown = display_path(folder)
    try:
        spec, settings = load_for_check(folder, repo, select, ignore)
    except SpecError as exc:
        return Result(shown, problems=list(exc.problems))
    findings = run_checks(spec, as_of, settings.config, settings.levels)
    return Result(shown, findings, levels=settings.levels, settings=settings.source)


def check_spec(spec: Spec, as_of: dt.date, repo: RepoConfigs | None = None) -> list[Finding]:
    """The findings of one loaded programme with its own and its repository's settings
    (what ``shnor build`` reports: without the items a fingerprint needs); bad settings raise
    :class:`ConfigError`."""
    settings = _own_settings(spec, repo)
    return run_checks(spec, as_of, settings.config, settings.levels, identify=False)


def error_findings(
    spec: Spec, as_of: dt.date, repo: RepoConfigs | None = None
) -> list[Finding]:
    """The error-level findings of :func:`check_spec`, all that a build reports: only the rules
    at the level «error» run. A rule at another level cannot add an error; only the rule on
    unused disable comments needs every rule's findings, so at «error» it has them all run."""
    settings = _own_settings(spec, repo)
    levels = settings.levels
    if levels.get(UNUSED_DISABLE.code) != "error":
        levels = {code: level for code, level in levels.items() if level == "error"}
    found = run_checks(spec, as_of, settings.config, levels, identify=False)
    return [f for f in found if f.level == "error"]


def _own_settings(spec: Spec, repo: RepoConfigs | None) -> Settings:
    """The settings of a loaded programme: its own and its repository's, every rule chosen."""
    from shnor_docs.checks.config import RepoConfigs, settings_for

    repo = repo or RepoConfigs()
    repo_config, source = repo.for_folder(spec.folder)
    return settings_for(spec, repo_config, None, set(), source)
