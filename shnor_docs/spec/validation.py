"""Turn pydantic validation errors into coded problems at YAML positions, in Russian."""

from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from shnor_docs.errors import Problem
from shnor_docs.location import PathKey, PositionMap
from shnor_docs.text import clip, closest

_TYPE_NAMES = {
    "string_type": "ожидается строка",
    "list_type": "ожидается список",
    "dict_type": "ожидается словарь (ключ: значение)",
    "model_type": "ожидается словарь (ключ: значение)",
    "model_attributes_type": "ожидается словарь (ключ: значение)",
    "int_parsing": "ожидается целое число",
    "int_type": "ожидается целое число",
    "int_from_float": "ожидается целое число",
    "float_parsing": "ожидается число",
    "float_type": "ожидается число",
    "finite_number": "ожидается конечное число",
    "bool_parsing": "ожидается true или false",
    "bool_type": "ожидается true или false",
}
_BOUNDS = {
    "less_than_equal": "допустимо не больше",
    "less_than": "допустимо меньше",
    "greater_than_equal": "допустимо не меньше",
    "greater_than": "допустимо больше",
}
_DATE_TYPES = {
    "date_parsing",
    "date_from_datetime_parsing",
    "date_from_datetime_inexact",
    "date_type",
    "datetime_parsing",
}


def problems_from_validation(
    exc: ValidationError, positions: PositionMap, root: type[BaseModel]
) -> list[Problem]:
    """One problem per distinct (position, code), in file order."""
    seen: dict[tuple[Any, str], Problem] = {}
    for error in exc.errors(include_url=False):
        path = _data_path(error["loc"], positions)
        code, message, at_key = _describe(error, path, root)
        if code == "S012":
            location = positions.key(path[:-1]) if path[:-1] else positions.value(())
        else:
            location = positions.key(path) if at_key else positions.value(path)
        seen.setdefault((location, code), Problem(location, code, message))
    return sorted(seen.values())


def _data_path(loc: tuple[Any, ...], positions: PositionMap) -> PathKey:
    """Drop pydantic's union-member markers ('str', 'dict[str,any]', …) from a location."""
    path: list[str | int] = []
    for item in loc:
        candidate = (*path, item)
        if candidate in positions.values or candidate in positions.keys:
            path.append(item)
        elif isinstance(item, str) and not _is_marker(item):
            path.append(item)
    return tuple(path)


def _is_marker(item: str) -> bool:
    return any(ch in item for ch in "[],") or item in {"str", "date", "int", "float", "bool"}


def _describe(error: dict[str, Any], path: PathKey, root: type[BaseModel]) -> tuple[str, str, bool]:
    kind = error["type"]
    value = error.get("input")
    field = path[-1] if path else ""
    if kind == "extra_forbidden":
        return "S011", _unknown_key(str(field), path[:-1], root), True
    if kind == "missing":
        return "S012", f"не указано обязательное поле «{field}»", True
    if kind == "year_range":
        return "S014", f"недопустимая {error['msg']}", False
    if kind in _DATE_TYPES:
        return (
            "S014",
            f"недопустимая дата «{_short(value)}»: ожидается ГГГГ-ММ-ДД, например 2023-01-11",
            False,
        )
    if kind in _TYPE_NAMES:
        return "S010", f"{_TYPE_NAMES[kind]} в поле «{field}», получено {_shown(value)}", False
    if kind == "literal_error":
        expected = str(error.get("ctx", {}).get("expected", "")).replace(" or ", " или ")
        return (
            "S013",
            f"недопустимое значение {_shown(value)} в поле «{field}»; допустимо: {expected}",
            False,
        )
    if kind == "string_pattern_mismatch":
        return (
            "S013",
            (
                f"недопустимый идентификатор {_shown(value)}: латинские буквы, цифры, "
                "«_» и «-», начинается с буквы"
            ),
            False,
        )
    if kind in _BOUNDS:
        bound = next(iter(error.get("ctx", {}).values()), "")
        return (
            "S013",
            f"недопустимое значение {_shown(value)} в поле «{field}»: {_BOUNDS[kind]} {bound}",
            False,
        )
    if kind == "too_short":
        return "S013", f"поле «{field}» не должно быть пустым", False
    if kind == "value_error":
        message = str(error.get("ctx", {}).get("error", error["msg"]))
        return "S013", message, False
    return "S013", f"недопустимое значение {_shown(value)} в поле «{field}»", False


def _short(value: Any) -> str:
    return clip(value, 60)


def _shown(value: Any) -> str:
    if value is None:
        return "пустое значение"
    if isinstance(value, bool):
        return "логическое значение (true/false)"
    if isinstance(value, dict):
        return "словарь"
    if isinstance(value, list):
        return "список"
    return f"«{_short(value)}»"


def _unknown_key(key: str, parent: PathKey, root: type[BaseModel]) -> str:
    model = _model_at(root, parent)
    message = f"неизвестный ключ «{key}»"
    if model is None:
        return message
    names = list(model.model_fields)
    close = closest(key, names)
    if close:
        return f"{message}; возможно, имелось в виду «{close}»"
    return f"{message}; допустимые ключи: {', '.join(names)}"


def _model_at(root: type[BaseModel], path: PathKey) -> type[BaseModel] | None:
    current: Any = root
    for step in path:
        current = _unwrap(current)
        if isinstance(step, int):
            args = typing.get_args(current)
            current = args[0] if args else None
        elif isinstance(current, type) and issubclass(current, BaseModel):
            field = current.model_fields.get(step)
            current = field.annotation if field else None
        else:
            return None
    current = _unwrap(current)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _unwrap(annotation: Any) -> Any:
    """Strip Optional/Annotated layers to the model or list type beneath."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            models = [a for a in args if isinstance(a, type) and issubclass(a, BaseModel)]
            annotation = models[0] if models else args[0]
        else:
            return annotation
