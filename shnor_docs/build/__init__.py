"""Build: one programme or a region, written atomically into folders the build made itself."""

from __future__ import annotations

from shnor_docs.build.output import OutputError
from shnor_docs.build.programme import FORMATS, BuildResult, build_programme, render_files
from shnor_docs.build.region import Outcome, build_one, run_all

__all__ = [
    "FORMATS",
    "BuildResult",
    "Outcome",
    "OutputError",
    "build_one",
    "build_programme",
    "render_files",
    "run_all",
]
