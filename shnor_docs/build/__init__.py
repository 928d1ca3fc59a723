"""Build: one programme or a region, written atomically into folders the build made itself.

The names below are imported when first asked for: a rebuild where nothing changed needs only
the build records (:mod:`shnor_docs.build.inputs`), not the renderers behind ``build_programme``.
"""

from __future__ import annotations

from importlib import import_module

TYPE_CHECKING = False  # typing costs a no-change rebuild its import
if TYPE_CHECKING:
    from typing import Any

_WHERE = {
    "FORMATS": "programme",
    "BuildResult": "programme",
    "build_programme": "programme",
    "render_files": "programme",
    "OutputError": "output",
    "Outcome": "region",
    "build_one": "region",
    "run_all": "region",
}

__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{_WHERE[name]}"), name)
