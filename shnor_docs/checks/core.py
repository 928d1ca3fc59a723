"""The parts every check shares: levels, findings and the ``@check`` decorator."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from shnor_docs.location import Location, PathKey
from shnor_docs.text import bounded

if TYPE_CHECKING:
    from shnor_docs.checks.context import Context

Level = Literal["error", "warning", "info"]
LEVELS: tuple[Level, ...] = ("error", "warning", "info")
#: How each level is named in Russian output.
LEVEL_RU: dict[str, str] = {"error": "ошибка", "warning": "предупреждение", "info": "информация"}


@dataclass(frozen=True)
class Finding:
    """One thing a check found: where (a model path or a location) and what, in Russian.

    A check fills in ``message`` and ``path`` (or ``location``); the runner adds the rule's code,
    name and level, turns the path into a file position and names the item the path leads to
    (``item``, see :mod:`shnor_docs.checks.identity`) unless the check named it.
    """

    message: str
    path: PathKey = ()
    key: bool = False
    location: Location | None = None
    code: str = ""
    name: str = ""
    level: str = ""
    programme: str = ""
    item: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "message", bounded(self.message))

    def sort_key(self) -> tuple[str, int, int, str, str]:
        where = self.location or Location("")
        return (where.path, where.line, where.col, self.code, self.message)


CheckFunction = Callable[["Context"], Iterator[Finding]]


@dataclass(frozen=True)
class Rule:
    """A registered check: its permanent code, kebab-case name and default level."""

    code: str
    name: str
    level: Level
    function: CheckFunction = field(compare=False, repr=False)
    #: False: the rule runs only when configured or selected by its code (slow or noisy rules).
    default: bool = True

    @property
    def doc(self) -> str:
        return _dedent_doc(self.function.__doc__ or "")

    @property
    def summary(self) -> str:
        """The first line of the docstring."""
        return self.doc.split("\n", 1)[0].strip()


def plain(text: str) -> str:
    """Docstring text for plain output: without the ````code```` marks and ``**`` of bold."""
    return text.replace("``", "").replace("**", "")


def check(
    code: str, name: str, level: Level, default: bool = True
) -> Callable[[CheckFunction], CheckFunction]:
    """Attach a rule's code, name and level to a check function (registration is explicit)."""

    def attach(function: CheckFunction) -> CheckFunction:
        function.rule = Rule(code, name, level, function, default)  # type: ignore[attr-defined]
        return function

    return attach


def rule_of(function: CheckFunction) -> Rule:
    """The :class:`Rule` that ``@check`` attached to ``function``."""
    return function.rule  # type: ignore[attr-defined]


def _dedent_doc(doc: str) -> str:
    lines = doc.expandtabs().splitlines()
    if not lines:
        return ""
    rest = [line for line in lines[1:] if line.strip()]
    indent = min((len(line) - len(line.lstrip()) for line in rest), default=0)
    body = [lines[0].strip()] + [line[indent:].rstrip() for line in lines[1:]]
    return "\n".join(body).strip()
