"""Load a programme folder: YAML (with includes) → model, reporting every problem at once."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from shnor_docs.errors import Problem, SpecError
from shnor_docs.location import Location, PositionMap, display_path
from shnor_docs.spec.folders import SPEC_FILE
from shnor_docs.spec.validation import problems_from_validation
from shnor_docs.spec.yamlread import safe_read
from shnor_docs.text import quote

MAX_INCLUDES = 100


def load_programme(folder: Path):
    """Load and validate the programme in ``folder``; raise :class:`SpecError` on problems."""
    return load_with_sources(folder)[0]


def load_with_sources(folder: Path) -> tuple[Any, dict[str, str], list[str]]:
    """:func:`load_programme`, the sha256 of every file it read, by its path in the folder, and
    the paths it opened, as ``programme.yaml`` and the includes name them.

    The digests are of the very bytes parsed: a build that records them as its inputs records
    what its documents were made from.
    """
    from shnor_docs.model import Appendix, Column, Spec
    from shnor_docs.model.prebuilt import prebuild
    from shnor_docs.model.settings import CheckConfig, FormProfile, Margins
    from shnor_docs.spec.resolve import resolve

    folder = Path(folder)
    _check_main(folder)
    data, positions, problems, sources, opened = read_with_includes(folder)
    if problems:
        raise SpecError(problems)
    # With the models made on their own: the defaults a spec leaves out, the appendices and
    # the table columns that checks and documents compose.
    prebuild(Spec, FormProfile, Margins, CheckConfig, Appendix, Column)
    try:
        spec = Spec.model_validate(data)
    except ValidationError as exc:
        raise SpecError(problems_from_validation(exc, positions, Spec)) from None
    spec._folder = folder
    spec._positions = positions
    problems = resolve(spec)
    if problems:
        raise SpecError(problems)
    return spec, sources, opened


def _check_main(folder: Path) -> None:
    """``programme.yaml`` must be a file of the folder: not missing, not a link out of it."""
    main = folder / SPEC_FILE
    where = Location(str(Path(display_path(folder)) / SPEC_FILE))  # the link, not its target
    if not folder.is_dir():
        raise SpecError([Problem(Location(str(folder)), "S002", "папка программы не найдена")])
    if not main.is_file():
        msg = f"в папке нет файла {SPEC_FILE}"
        if os.path.lexists(main):
            msg = f"{SPEC_FILE} — не обычный файл (ссылка в никуда, FIFO или устройство)"
        raise SpecError([Problem(where, "S002", msg)])
    if not main.resolve().is_relative_to(folder.resolve()):
        msg = (
            f"{SPEC_FILE} — символическая ссылка на файл вне папки программы; "
            "как и включаемые файлы, он должен лежать в самой папке"
        )
        raise SpecError([Problem(where, "S006", msg)])


def read_with_includes(
    folder: Path,
) -> tuple[dict[str, Any], PositionMap, list[Problem], dict[str, str], list[str]]:
    """Read ``programme.yaml`` and the files it includes, merged at the top level; the sha256
    of each file read, by its path in the folder; and the paths opened, as written."""
    reader = _Reader(folder.resolve())
    reader.read(folder / SPEC_FILE, [], SPEC_FILE)
    sources = {
        path.resolve().relative_to(reader.root).as_posix(): digest
        for path, digest in reader.digests.items()
    }
    found = dict(sorted(sources.items()))
    return reader.merged, reader.positions, reader.problems, found, reader.opened


@dataclass
class _Reader:
    """Reads a programme's files once each, merging their top-level keys."""

    root: Path
    merged: dict[str, Any] = field(default_factory=dict)
    positions: PositionMap = field(default_factory=PositionMap)
    problems: list[Problem] = field(default_factory=list)
    seen: set[Path] = field(default_factory=set)
    digests: dict[Path, str] = field(default_factory=dict)
    opened: list[str] = field(default_factory=list)  # as programme.yaml and includes name them

    def read(self, path: Path, chain: list[Path], written: str) -> None:
        self.seen.add(path.resolve())
        self.opened.append(written)
        data, file_positions, file_problems = safe_read(path, display_path(path), self.digests)
        self.problems.extend(file_problems)
        if data is None:
            return
        if not isinstance(data, dict):
            msg = "на верхнем уровне файла ожидается словарь (ключ: значение)"
            self.problems.append(Problem(file_positions.value(()), "S009", msg))
            return
        for key, value in data.items():
            if key == "roadmap" and key in self.merged and _sections_only(value):
                self._continue_roadmap(value["sections"], file_positions)
            elif key in self.merged and key != "include":
                msg = f"ключ {quote(key)} уже задан в другом файле программы"
                self.problems.append(Problem(file_positions.key((key,)), "S006", msg))
            elif key != "include" or not chain:
                self.merged[key] = value
        file_positions.values.pop((), None)
        self.positions.update(file_positions)
        includes = data.get("include") or []
        if isinstance(includes, list):  # otherwise the model reports the wrong type
            self._includes(path, includes, file_positions, chain)

    def _continue_roadmap(self, sections: list[Any], where: PositionMap) -> None:
        """Sections of a roadmap begun in another file follow its sections (a large plan may be
        split into files); their positions move to their place in the merged list."""
        roadmap = self.merged["roadmap"]
        if not isinstance(roadmap, dict) or not isinstance(roadmap.get("sections", []), list):
            return  # the model reports the first file's wrong type
        merged = roadmap.setdefault("sections", [])
        offset = len(merged)
        merged.extend(sections)
        for table in (where.values, where.keys):
            moved = {
                ("roadmap", "sections", path[2] + offset, *path[3:]): loc
                for path, loc in table.items()
                if len(path) > 2 and path[:2] == ("roadmap", "sections")
            }
            for path in [p for p in table if p[:1] == ("roadmap",)]:
                del table[path]
            table.update(moved)

    def _includes(
        self, path: Path, includes: list[Any], where: PositionMap, chain: list[Path]
    ) -> None:
        here = [*chain, path.resolve()]
        for index, name in enumerate(includes):
            at = where.value(("include", index))
            target = _include_target(name, self.root, at, self.problems)
            if target is None:
                continue
            if target in here:
                msg = f"циклическое включение файла {quote(name)}"
                self.problems.append(Problem(at, "S007", msg))
            elif target in self.seen:
                msg = f"файл {quote(name)} уже включён в программу; каждый файл включается один раз"
                self.problems.append(Problem(at, "S006", msg))
            elif len(self.seen) > MAX_INCLUDES:
                self.problems.append(Problem(at, "S006", "слишком много включаемых файлов"))
            else:
                self.read(target, here, name)


def _sections_only(value: Any) -> bool:
    """A roadmap that only continues the sections: ``roadmap: {sections: [...]}``."""
    return isinstance(value, dict) and list(value) == ["sections"] and isinstance(
        value["sections"], list
    )


def _include_target(name: Any, root: Path, where: Location, problems: list[Problem]) -> Path | None:
    if not isinstance(name, str) or not name.strip():
        problems.append(Problem(where, "S006", "в include ожидается путь к файлу"))
        return None
    raw = Path(name)
    if raw.is_absolute():
        msg = f"абсолютный путь {quote(name)} недопустим: укажите путь от папки программы"
        problems.append(Problem(where, "S006", msg))
        return None
    try:
        target = (root / raw).resolve()
        exists = target.is_file()
    except (ValueError, OSError):
        problems.append(Problem(where, "S006", "недопустимое имя файла в include"))
        return None
    if not target.is_relative_to(root):
        msg = f"файл {quote(name)} лежит вне папки программы (через «..» или символическую ссылку)"
        problems.append(Problem(where, "S006", msg))
        return None
    if not exists:
        problems.append(Problem(where, "S002", f"включаемый файл {quote(name)} не найден"))
        return None
    return target
