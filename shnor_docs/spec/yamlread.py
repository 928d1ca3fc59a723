"""Read one YAML file safely into plain data, recording where every key and value came from."""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml

from shnor_docs.errors import Problem
from shnor_docs.location import Location, PathKey, PositionMap
from shnor_docs.spec.source import read_text
from shnor_docs.spec.textlimits import text_problem
from shnor_docs.spec.yaml_messages import OPENED, PROBLEMS_RU
from shnor_docs.spec.yamllimits import (
    ALLOWED_TAGS,
    MAX_CHARS,
    MAX_DEPTH,
    MAX_NODES,
    Limits,
    TooDeep,
    depth_bound,
    loc,
    refuse_bomb,
)
from shnor_docs.text import strip_invalid

_NULLS = {"", "~", "null", "Null", "NULL"}
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_DISABLE = re.compile(r"#\s*shnor:\s*(disable[^#]*)")
_BASE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_PLAIN_TAGS = {
    yaml.ScalarNode: "tag:yaml.org,2002:str",
    yaml.SequenceNode: "tag:yaml.org,2002:seq",
    yaml.MappingNode: "tag:yaml.org,2002:map",
}


class _Loader(_BASE_LOADER):  # type: ignore[misc,valid-type]
    """The safe loader without implicit typing: a node without an explicit tag gets the plain
    tag of its kind. The reader types scalars itself (:func:`_scalar`: null and true/false,
    everything else a string), so the resolver's regular expressions, run by the composer for
    every scalar, were work thrown away: a tenth of reading a large roadmap."""

    def resolve(self, kind: type, value: Any, implicit: Any) -> str:
        return _PLAIN_TAGS[kind]


_LOADER = _Loader
_NESTING_ERROR = "exceeded maximum nesting depth"


def read_yaml(
    path: Path, shown: str, digests: dict[Path, str] | None = None
) -> tuple[Any, PositionMap, list[Problem]]:
    """Parse ``path``; return data, positions and problems (never raises on bad input).

    ``digests`` receives the sha256 of the very bytes parsed, under ``path``: what a build
    records as its input is what it read, not what the file holds a moment later.
    """
    text, problems = read_text(path, shown, digests)
    if text is None:
        return None, PositionMap(), problems
    with collection_paused():
        return _parse(text, shown)


@contextmanager
def collection_paused() -> Iterator[None]:
    """No garbage collection inside: composing and walking YAML (and a build, which pauses
    it for a whole programme) make many small objects and no cycles; collections only cost
    (they made loading a 10,000-activity roadmap grow faster than its size)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _parse(text: str, shown: str) -> tuple[Any, PositionMap, list[Problem]]:
    try:
        _check_depth(text, shown)
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        if _NESTING_ERROR in str(exc.problem):
            raise TooDeep(_loc_of_mark(exc.problem_mark, shown), True) from None
        return None, PositionMap(), [_syntax_problem(exc, shown, text)]
    except (yaml.YAMLError, RecursionError) as exc:
        return None, PositionMap(), [Problem(Location(shown), "S001", f"ошибка YAML: {exc}")]
    positions = PositionMap()
    positions.comments.update(_disable_comments(text, shown))
    if node is None:
        msg = "файл пуст: ожидается словарь с ключами спецификации"
        return None, positions, [Problem(Location(shown, 1, 1), "S009", msg)]
    problems: list[Problem] = []
    if "&" in text:  # no anchor, no alias: no subtree counted twice, the reader's count holds
        refuse_bomb(node, shown)
    data = _build(node, (), shown, positions, problems, 0, Limits())
    return data, positions, problems


def _check_depth(text: str, shown: str) -> None:
    """Refuse deep nesting before composing, from the parser's events (no recursion).

    libyaml's composer recurses in C: 100,000 «[» (200 KB) crash the interpreter. A text whose
    :func:`depth_bound` is within the limit cannot nest too deep, and needs no walk: the walk
    makes a Python object of every event, a quarter of reading a large roadmap.
    """
    if depth_bound(text) <= MAX_DEPTH:
        return
    try:
        _walk_depth(text, shown, _LOADER)
    except yaml.MarkedYAMLError as exc:
        if _NESTING_ERROR not in str(exc.problem):
            raise
        # libyaml ≥ 0.2.5 (PyYAML 6.0.4) stops at about 1,000 levels, and its scanner looks
        # ahead, so the error comes before the events we count. The pure-Python parser has no
        # such limit and no recursion: it finds the first level too deep, whatever the version.
        _walk_depth(text, shown, yaml.SafeLoader)


def _walk_depth(text: str, shown: str, loader: type) -> None:
    depth = 0
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, yaml.CollectionStartEvent):
            if depth > MAX_DEPTH:
                raise TooDeep(loc(event, shown), True)
            depth += 1
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _syntax_problem(exc: yaml.MarkedYAMLError, shown: str, text: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    problem = (exc.problem or "").strip()
    if problem == "found character that cannot start any token" and _char_at(text, mark) == "\t":
        problem = "found a tab character"  # libyaml does not name the character; PyYAML does
    ru = next((v for k, v in PROBLEMS_RU.items() if problem.startswith(k)), None)
    if ru is None and "control characters" in str(exc):
        ru = PROBLEMS_RU["control characters are not allowed"]
    message = f"синтаксическая ошибка YAML: {ru or 'некорректная разметка'}"
    if ru is None and problem:
        message += f" ({problem})"
    opened = next((v for k, v in OPENED.items() if k in (exc.context or "")), None)
    start = exc.context_mark
    if opened and start is not None and mark is not None and start.line < mark.line:
        message += f"; {opened} открыта в строке {start.line + 1}"
    return Problem(Location(shown, line, col), "S001", message)


def _char_at(text: str, mark: yaml.Mark | None) -> str:
    lines = text.split("\n")
    if mark is None or mark.line >= len(lines):
        return ""
    return lines[mark.line][mark.column : mark.column + 1]


def _disable_comments(text: str, shown: str) -> dict[tuple[str, int], str]:
    found: dict[tuple[str, int], str] = {}
    if "shnor:" not in text:
        return found
    for number, line in enumerate(text.splitlines(), start=1):
        if "shnor:" in line:
            match = _DISABLE.search(line)
            if match:
                found[(shown, number)] = match.group(1).strip()
    return found


def _loc_of_mark(mark: yaml.Mark | None, shown: str) -> Location:
    return Location(shown, mark.line + 1, mark.column + 1) if mark else Location(shown)


def _build(
    node: yaml.Node,
    path: PathKey,
    shown: str,
    positions: PositionMap,
    problems: list[Problem],
    depth: int,
    limits: Limits,
) -> Any:
    limits.nodes += 1
    if isinstance(node, yaml.ScalarNode):
        limits.chars += len(node.value)
    if depth > MAX_DEPTH or limits.nodes > MAX_NODES or limits.chars > MAX_CHARS:
        raise TooDeep(loc(node, shown), depth > MAX_DEPTH)
    mark = node.start_mark  # kept as a tuple: a Location is made only when asked for
    positions.values.setdefault(path, (shown, mark.line + 1, mark.column + 1))
    if node.tag not in ALLOWED_TAGS:
        tag = node.tag.replace("tag:yaml.org,2002:", "!!")
        msg = f"тег «{tag}» недопустим: спецификация читается только как простые данные"
        problems.append(Problem(loc(node, shown), "S005", msg))
        return None
    if isinstance(node, yaml.ScalarNode):
        problem = text_problem(node.value)
        if problem is not None:
            problems.append(Problem(loc(node, shown), "S015", problem))
        return _scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return [
            _build(item, (*path, i), shown, positions, problems, depth + 1, limits)
            for i, item in enumerate(node.value)
        ]
    return _mapping(node, path, shown, positions, problems, depth, limits)


def _mapping(
    node: yaml.MappingNode,
    path: PathKey,
    shown: str,
    positions: PositionMap,
    problems: list[Problem],
    depth: int,
    limits: Limits,
) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            msg = "ключ должен быть простой строкой"
            problems.append(Problem(loc(key_node, shown), "S010", msg))
            continue
        key = key_node.value
        if key in result:
            msg = f"ключ «{key}» повторяется; второе значение затёрло бы первое"
            problems.append(Problem(loc(key_node, shown), "S004", msg))
            continue
        mark = key_node.start_mark
        positions.keys[(*path, key)] = (shown, mark.line + 1, mark.column + 1)
        result[key] = _build(
            value_node, (*path, key), shown, positions, problems, depth + 1, limits
        )
    return result


def _scalar(node: yaml.ScalarNode) -> Any:
    """Plain scalars stay strings (pydantic converts by field type), except null and true/false.

    This sidesteps YAML 1.1 surprises: ``no`` stays «no», ``08`` and ``010`` stay strings,
    ``1.10`` is not turned into 1.1, and an impossible date keeps its position.
    """
    if node.style is None:
        if node.value in _NULLS:
            return None
        if node.value in _BOOLS:
            return _BOOLS[node.value]
    return strip_invalid(node.value)


def safe_read(
    path: Path, shown: str, digests: dict[Path, str] | None = None
) -> tuple[Any, PositionMap, list[Problem]]:
    """:func:`read_yaml` that also turns nesting and alias bombs into problems."""
    try:
        return read_yaml(path, shown, digests)
    except TooDeep as exc:
        if exc.depth:
            msg = f"вложенность глубже {MAX_DEPTH} уровней: так спецификация не пишется"
        else:
            msg = (
                f"слишком много узлов или текста: псевдонимы YAML раздувают документ больше "
                f"{MAX_NODES:,} узлов или {MAX_CHARS // 2**20} млн знаков".replace(",", " ")
            )
        return None, PositionMap(), [Problem(exc.location, "S008", msg)]
