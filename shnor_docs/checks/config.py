"""Settings of ``shnor check``: defaults, then the repository, then the programme, then the CLI.

The repository's settings live in ``shnor.toml`` (top-level keys) or in ``pyproject.toml``
under ``[tool.shnor]``, found by walking up from the programme folder (then from the working
directory) and stopping at the repository root. Their keys are those of the programme's
``checks:`` (:class:`~shnor_docs.model.settings.CheckConfig`); the programme's own values win.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from shnor_docs.checks import GROUPS, REGISTRY
from shnor_docs.checks.toml_messages import toml_problem
from shnor_docs.errors import Problem, SpecError
from shnor_docs.location import Location, PositionMap, display_path
from shnor_docs.model.settings import CheckConfig
from shnor_docs.spec.settings_files import (
    OWN_FILE,
    PYPROJECT,
    find_config,
    read_text,
    settings_file,
)

__all__ = ["OWN_FILE", "PYPROJECT", "find_config"]


class ConfigError(SpecError):
    """A settings file or a rule selection that cannot be used; holds every problem found."""


@dataclass
class Settings:
    """What the runner needs: thresholds and the level of each active rule (code → level)."""

    config: CheckConfig
    levels: dict[str, str]
    source: str | None = None


@dataclass
class RepoConfigs:
    """Finds and reads repository settings files, each once."""

    cwd: Path = field(default_factory=Path.cwd)
    _read: dict[Path, tuple[CheckConfig | None, str | None]] = field(default_factory=dict)

    def for_folder(self, folder: Path) -> tuple[CheckConfig | None, str | None]:
        """The repository settings that apply to a programme folder, and their file."""
        path = settings_file(folder, self.cwd)
        if path is None:
            return None, None
        if path not in self._read:
            self._read[path] = (read_config(path), display_path(path))
        return self._read[path]


def read_config(path: Path) -> CheckConfig:
    """Read a ``shnor.toml`` or the ``[tool.shnor]`` table of a ``pyproject.toml``."""
    import tomllib

    from pydantic import ValidationError

    from shnor_docs.spec.validation import problems_from_validation

    shown = display_path(path)
    text = read_text(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError([toml_problem(exc, text, shown)]) from None
    prefix: tuple[str, ...] = ()
    if path.name == PYPROJECT:
        data, prefix = data.get("tool", {}).get("shnor", {}), ("tool", "shnor")
    positions = _toml_positions(text, shown, data, prefix)
    try:
        config = CheckConfig.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(problems_from_validation(exc, positions, CheckConfig)) from None
    problems = _unknown_rules(config, positions)
    if problems:
        raise ConfigError(problems)
    return config


def _toml_positions(text: str, shown: str, data: dict[str, Any], prefix: tuple) -> PositionMap:
    """Approximate positions of the keys (TOML parsers keep none): the first line naming each."""
    lines = text.splitlines()
    positions = PositionMap()
    header = next((i for i, line in enumerate(lines) if line.strip() == f"[{'.'.join(prefix)}]"),
                  0) if prefix else 0
    positions.values[()] = Location(shown, header + 1, 1)

    for key, value in data.items():
        where = _find_key(lines, header, key, shown) or positions.values[()]
        positions.keys[(key,)] = positions.values[(key,)] = where
        for inner in value if isinstance(value, dict) else ():
            found = _find_key(lines, header, str(inner), shown) or where
            positions.keys[(key, inner)] = positions.values[(key, inner)] = found
    return positions


def _find_key(lines: list[str], start: int, key: str, shown: str) -> Location | None:
    quoted = rf"[\"']?{re.escape(key)}[\"']?\s*="
    pattern = re.compile(rf"^\s*{quoted}|[{{,]\s*{quoted}")
    for number in range(start, len(lines)):
        text = lines[number]
        if pattern.search(text):
            return Location(shown, number + 1, len(text) - len(text.lstrip()) + 1)
    return None


def _unknown_rules(config: CheckConfig, positions: PositionMap, base: tuple = ()) -> list[Problem]:
    known = {key for rule in REGISTRY for key in (rule.code, rule.name)}
    return [
        Problem(positions.key((*base, "rules", key)), "S011",
                f"неизвестное правило «{key}»; список правил: shnor rules")
        for key in config.rules
        if key.upper() not in known and key.lower() not in known
    ]


def select_codes(keys: Iterable[str]) -> set[str]:
    """Codes named by ``--select``/``--ignore`` values: codes, code prefixes («R2»), names, ALL,
    groups (``dated``)."""
    codes: set[str] = set()
    for raw in keys:
        for key in filter(None, (part.strip() for part in raw.split(","))):
            found = set(GROUPS.get(key.lower(), ())) | {
                rule.code for rule in REGISTRY
                if key.upper() == "ALL" or rule.code.startswith(key.upper())
                or rule.name == key.lower()
            }
            if not found:
                raise ValueError(f"неизвестное правило «{key}»; список правил: shnor rules")
            codes |= found
    return codes


def settings_for(
    spec: Any, repo: CheckConfig | None, select: set[str] | None, ignore: set[str],
    source: str | None = None,
) -> Settings:
    """Merge the repository's and the programme's settings and the command-line selection."""
    problems = _unknown_rules(spec.checks, spec.positions, ("checks",))
    if problems:
        raise ConfigError(problems)
    merged: dict[str, Any] = {}
    rules: dict[str, str] = {}
    for layer in (repo, spec.checks):
        if layer is None:
            continue
        for name in layer.model_fields_set - {"rules"}:
            merged[name] = getattr(layer, name)
        rules.update({_code(key): level for key, level in layer.rules.items()})
    config = CheckConfig.model_validate({**merged, "rules": rules})
    levels = {}
    for rule in REGISTRY:
        level = rules.get(rule.code, rule.level)
        chosen = select is None or rule.code in select
        if not rule.default and rule.code not in rules and not (select and rule.code in select):
            continue  # an opt-in rule: on only when configured or selected
        if level != "off" and chosen and rule.code not in ignore:
            levels[rule.code] = level
    return Settings(config, levels, source)


def _code(key: str) -> str:
    return next(rule.code for rule in REGISTRY if key.upper() == rule.code or
                key.lower() == rule.name)
