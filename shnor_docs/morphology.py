"""The Russian dictionary (pymorphy3), loaded once per process, on first use.

Rendering declines names and positions with it; the opt-in spelling rule of ``shnor check``
asks it which words it knows. Loading takes about 0.2 s, so nothing loads it before it is needed.
"""

from __future__ import annotations

from functools import cache
from typing import Any


@cache
def analyser() -> Any:
    """The shared pymorphy3 analyser."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer()
