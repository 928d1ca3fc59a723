"""The command line: a thin click group (:mod:`shnor_docs.cli.app`), each command in a module of
its group.

Importing this package imports no click: :func:`main` first tries the one shortcut that needs
none (:mod:`shnor_docs.cli.quick`, a rebuild where nothing changed), then runs the click group,
with no garbage collection while it starts, the regular expressions its modules compile as they
load kept for the next process (:mod:`shnor_docs.cli.patterns`), and no interpreter teardown at its
end (:mod:`shnor_docs.cli.process`).
``shnor_docs.cli.cli`` is that group, imported when first asked for.
"""

from __future__ import annotations

import sys

TYPE_CHECKING = False  # typing costs a no-change rebuild its import
if TYPE_CHECKING:
    from typing import Any


def main() -> None:
    """Entry point: the no-change rebuild at once, everything else through click; the process
    then ends at once (code after a call of :func:`main` never runs: use :mod:`atexit`)."""
    from shnor_docs.cli.process import leave, starting

    starting()
    try:
        _run()
    except SystemExit as stop:
        leave(stop.code)
    leave(0)


def _run() -> None:
    from shnor_docs.cli.quick import shortcut

    code = shortcut(sys.argv[1:])
    if code is not None:
        sys.exit(code)
    from shnor_docs.cli import patterns

    patterns.reuse()
    try:
        from shnor_docs.cli.app import main as run
        from shnor_docs.cli.app import preload
        from shnor_docs.cli.process import started

        preload(sys.argv[1:])
        started()
        run()
    finally:
        patterns.stop()


def __getattr__(name: str) -> Any:
    if name == "cli":
        from shnor_docs.cli.app import cli

        return cli
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
