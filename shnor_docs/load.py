"""Load a programme folder: YAML (with includes) → model, reporting every problem at once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from shnor_docs.errors import Problem, SpecError
from shnor_docs.location import Location, PositionMap, display_path
from shnor_docs.pydantic_errors import problems_from_validation
from shnor_docs.yamlread import safe_read

SPEC_FILE = "programme.yaml"
MAX_INCLUDES = 100


def find_programmes(paths: list[Path]) -> list[Path]:
    """Programme folders named by ``paths``: a programme folder, any file inside one (as a
    pre-commit hook passes them), or a folder of programmes; a missing path is kept as is."""
    found: list[Path] = []
    for path in paths:
        if path.is_file():
            owner = next((f for f in path.parents if (f / SPEC_FILE).is_file()), path.parent)
            found.append(owner)
        elif (path / SPEC_FILE).is_file():
            found.append(path)
        elif path.is_dir():
            found.extend(sorted(p.parent for p in path.glob(f"*/{SPEC_FILE}")))
        else:
            found.append(path)
    return list(dict.fromkeys(found))


def load_programme(folder: Path):
    """Load and validate the programme in ``folder``; raise :class:`SpecError` on problems."""
    from shnor_docs.model import Spec
    from shnor_docs.resolve import resolve

    folder = Path(folder)
    main = folder / SPEC_FILE
    if not main.is_file():
        msg = f"в папке нет файла {SPEC_FILE}" if folder.is_dir() else "папка программы не найдена"
        raise SpecError([Problem(Location(display_path(main)), "S002", msg)])
    data, positions, problems = read_with_includes(folder)
    if problems:
        raise SpecError(problems)
    try:
        spec = Spec.model_validate(data)
    except ValidationError as exc:
        raise SpecError(problems_from_validation(exc, positions, Spec)) from None
    spec._folder = folder
    spec._positions = positions
    problems = resolve(spec)
    if problems:
        raise SpecError(problems)
    return spec


def read_with_includes(folder: Path) -> tuple[dict[str, Any], PositionMap, list[Problem]]:
    """Read ``programme.yaml`` and the files it includes, merged at the top level."""
    root = folder.resolve()
    merged: dict[str, Any] = {}
    positions = PositionMap()
    problems: list[Problem] = []
    _read_into(folder / SPEC_FILE, root, merged, positions, problems, [])
    return merged, positions, problems


def _read_into(
    path: Path,
    root: Path,
    merged: dict[str, Any],
    positions: PositionMap,
    problems: list[Problem],
    chain: list[Path],
) -> None:
    shown = display_path(path)
    data, file_positions, file_problems = safe_read(path, shown)
    problems.extend(file_problems)
    if data is None:
        return
    if not isinstance(data, dict):
        msg = "на верхнем уровне файла ожидается словарь (ключ: значение)"
        problems.append(Problem(file_positions.value(()), "S009", msg))
        return
    for key, value in data.items():
        if key in merged and key != "include":
            msg = f"ключ «{key}» уже задан в другом файле программы"
            problems.append(Problem(file_positions.key((key,)), "S006", msg))
            continue
        if key != "include" or not chain:
            merged[key] = value
    file_positions.values.pop((), None)
    positions.update(file_positions)
    includes = data.get("include") or []
    if not isinstance(includes, list):
        return  # the model reports the wrong type
    for index, name in enumerate(includes):
        where = file_positions.value(("include", index))
        target = _include_target(name, root, where, problems)
        if target is None:
            continue
        if target in chain or target == path.resolve():
            problems.append(Problem(where, "S007", f"циклическое включение файла «{name}»"))
            continue
        if len(chain) > MAX_INCLUDES:
            problems.append(Problem(where, "S006", "слишком много вложенных включений"))
            continue
        _read_into(target, root, merged, positions, problems, [*chain, path.resolve()])


def _include_target(name: Any, root: Path, where: Location, problems: list[Problem]) -> Path | None:
    if not isinstance(name, str) or not name.strip():
        problems.append(Problem(where, "S006", "в include ожидается путь к файлу"))
        return None
    raw = Path(name)
    if raw.is_absolute():
        msg = f"абсолютный путь «{name}» недопустим: укажите путь от папки программы"
        problems.append(Problem(where, "S006", msg))
        return None
    target = (root / raw).resolve()
    if not target.is_relative_to(root):
        msg = f"файл «{name}» лежит вне папки программы (через «..» или символическую ссылку)"
        problems.append(Problem(where, "S006", msg))
        return None
    if not target.is_file():
        problems.append(Problem(where, "S002", f"включаемый файл «{name}» не найден"))
        return None
    return target
