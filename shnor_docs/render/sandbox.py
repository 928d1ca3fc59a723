"""The one jinja2 sandbox for every template, DOCX and HTML: no Python internals, bounded growth.

jinja2's :class:`~jinja2.sandbox.SandboxedEnvironment` keeps templates away from Python's
internals and bounds ``range``. It does not bound how much a template makes: ``[0] * 10**8``
(41 bytes of template) asks for 800 MB, and jinja2 folds such constant expressions while it
compiles the template, before any time limit of rendering runs. Intercepting ``*``, ``**`` and
``%`` keeps them out of constant folding and lets :meth:`Sandbox.call_binop` refuse results over
:data:`MAX_ITEMS`; padding methods and filters (``ljust``, ``center``, ``indent`` …) are bounded
the same way. What no rule foresees is bounded by the memory and output limits of
:mod:`shnor_docs.render.limits`.
"""

from __future__ import annotations

import re
from typing import Any

from jinja2 import BaseLoader, StrictUndefined
from jinja2.filters import FILTERS
from jinja2.sandbox import SandboxedEnvironment

#: The most characters or items one operation of a template may make: ten times a large
#: roadmap page, far below what would strain memory.
MAX_ITEMS = 10_000_000
#: The largest exponent ``**`` may use on integers other than 0, 1 and -1.
MAX_EXPONENT = 4096
#: Compiled template texts an environment keeps.
MAX_COMPILED = 64
_PADDING = {"ljust", "rjust", "center", "zfill", "expandtabs"}
_WIDTH_FILTERS = {"center": 1, "indent": 1}  # filter: the position of its width argument
_PRINTF = re.compile(r"%[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?")
_FORMAT_SPEC = re.compile(r"\{[^{}]*:([^{}]*)\}")
_NESTED = re.compile(r"\{[^{}]*\{")
_DICT_ATTRIBUTES = frozenset(dir(dict))


class ResourceLimit(Exception):
    """A template asked for more than a document can hold; the message is for the user."""


def _size(value: Any) -> int | None:
    return len(value) if isinstance(value, str | bytes | list | tuple) else None


def _check_repeat(left: Any, right: Any) -> None:
    for sequence, count in ((left, right), (right, left)):
        size = _size(sequence)
        if size is not None and isinstance(count, int) and size * count > MAX_ITEMS:
            raise ResourceLimit(
                f"умножение строки или списка на {count} даёт {size * count:,} элементов "
                f"(допустимо не больше {MAX_ITEMS:,})".replace(",", " ")
            )


def _check_power(left: Any, right: Any) -> None:
    if isinstance(left, int) and isinstance(right, int) and abs(left) > 1 and right > MAX_EXPONENT:
        raise ResourceLimit(f"степень {right} слишком велика (допустимо не больше {MAX_EXPONENT})")


def _check_width(width: Any, what: str) -> None:
    if isinstance(width, int) and width > MAX_ITEMS:
        raise ResourceLimit(
            f"ширина {width:,} ({what}) слишком велика (допустимо не больше "
            f"{MAX_ITEMS:,})".replace(",", " ")
        )


def _check_format(text: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Widths and precisions of a printf format or a ``str.format`` string, and the arguments
    that give them (``%*d``, ``{:>{w}}``)."""
    if not isinstance(text, str):
        return
    numbers = [n for found in _PRINTF.findall(text) for n in found if n.isdigit()]
    numbers += [n for spec in _FORMAT_SPEC.findall(text) for n in re.findall(r"\d+", spec)]
    for number in numbers:
        _check_width(int(number), "формат")
    if "*" in text or _NESTED.search(text):
        for value in (*args, *kwargs.values()):
            _check_width(value, "формат")


def _bounded_filter(name: str, position: int | None) -> Any:
    original = FILTERS[name]
    # pass_environment / pass_eval_context filters get one more leading argument
    shift = 1 if getattr(original, "jinja_pass_arg", None) else 0

    def bounded(*args: Any, **kwargs: Any) -> Any:
        if position is None:  # «format»: the value is a printf format
            _check_format(args[shift], args[shift + 1 :], kwargs)
        else:
            for value in (*args[position + shift : position + shift + 1], *kwargs.values()):
                _check_width(value, name)
        return original(*args, **kwargs)

    bounded.jinja_pass_arg = getattr(original, "jinja_pass_arg", None)  # type: ignore[attr-defined]
    return bounded


class Sandbox(SandboxedEnvironment):
    """jinja2's sandbox with bounded multiplication, powers, printf formats and padding."""

    intercepted_binops = frozenset({"*", "**", "%"})

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        for name, position in {**_WIDTH_FILTERS, "format": None}.items():
            self.filters[name] = _bounded_filter(name, position)
        self._compiled: dict[str, Any] = {}

    def from_string(self, source: Any, globals: Any = None, template_class: Any = None) -> Any:
        """The compiled template of ``source``, compiled once per environment: docxtpl compiles
        the same template text (body, headers, properties) for every document."""
        if globals is not None or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        found = self._compiled.get(source)
        if found is None:
            if len(self._compiled) >= MAX_COMPILED:
                self._compiled.clear()
            found = self._compiled[source] = super().from_string(source)
        return found

    def call_binop(self, context: Any, op: str, left: Any, right: Any) -> Any:
        if op == "*":
            _check_repeat(left, right)
        elif op == "**":
            _check_power(left, right)
        elif op == "%":
            _check_format(left, right if isinstance(right, tuple) else (right,), {})
        return super().call_binop(context, op, left, right)

    def getattr(self, obj: Any, attribute: str) -> Any:
        """``obj.attribute``; for a plain dict and a name that is no attribute of dicts, its item
        straight away, as jinja2 finds it after a failed attribute lookup (the contexts are
        dicts: a 10,000-row table reads 150,000 of them)."""
        if type(obj) is dict and attribute not in _DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except KeyError:
                pass
        return super().getattr(obj, attribute)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        """Calls of ``str`` methods that pad or format are bounded before they run."""
        name = getattr(__obj, "__name__", "")
        owner = getattr(getattr(__obj, "__wrapped__", __obj), "__self__", None)
        if isinstance(owner, str) and name in _PADDING:
            for value in (*args, *kwargs.values()):
                _check_width(value, name)
        elif isinstance(owner, str) and name in ("format", "format_map"):
            _check_format(owner, args, kwargs)
        return super().call(__context, __obj, *args, **kwargs)


def sandbox(loader: BaseLoader | None = None, strict: bool = False) -> Sandbox:
    """The environment every template renders in: autoescaped, bounded, optionally strict."""
    options: dict[str, Any] = {"autoescape": True, "keep_trailing_newline": True}
    if loader is not None:
        options["loader"] = loader
    if strict:
        options["undefined"] = StrictUndefined
    return Sandbox(**options)
