"""A progress bar for long runs on a terminal (stderr), silent elsewhere."""

from __future__ import annotations

import sys

TYPE_CHECKING = False  # typing costs a no-change rebuild its import
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

WIDTH = 30


def progress(total: int) -> Callable[[Any], None]:
    """A callback that advances the bar by one finished programme (a region.Outcome)."""
    done = [0]

    def show(outcome: Any) -> None:
        done[0] += 1
        if sys.stderr.isatty():
            filled = WIDTH * done[0] // max(total, 1)
            bar = "█" * filled + "·" * (WIDTH - filled)
            sys.stderr.write(f"\r{bar} {done[0]}/{total} {outcome.folder.name[:30]:<30}")
            sys.stderr.flush()

    return show


def clear_progress() -> None:
    """Erase the bar before the summary is printed."""
    if sys.stderr.isatty():
        sys.stderr.write("\r" + " " * 80 + "\r")
        sys.stderr.flush()
