"""Which files a merge request changes, when the CI names its base: their findings go first.

GitHub shows only 10 annotations of each level per step, so the ones on the changed files must
come before the others. The base comes from the CI's own variables: GitLab's
``CI_MERGE_REQUEST_DIFF_BASE_SHA``, the ``pull_request.base.sha`` of GitHub's event file, or
``origin/$GITHUB_BASE_REF``. Without a base, or without the history to compare (a shallow
checkout), nothing is reordered.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path


def _bases() -> list[str]:
    found = []
    if os.environ.get("CI_MERGE_REQUEST_DIFF_BASE_SHA"):
        found.append(os.environ["CI_MERGE_REQUEST_DIFF_BASE_SHA"])
    event = os.environ.get("GITHUB_EVENT_PATH")
    if event:
        try:
            data = json.loads(Path(event).read_text(encoding="utf-8"))
            sha = data.get("pull_request", {}).get("base", {}).get("sha")
        except (OSError, ValueError, AttributeError):
            sha = None
        if isinstance(sha, str) and sha:
            found.append(sha)
    if os.environ.get("GITHUB_BASE_REF"):
        found.append(f"origin/{os.environ['GITHUB_BASE_REF']}")
    return found


def changed_files(root: Path) -> frozenset[str]:
    """Paths (from ``root``, with «/») that the change under review touches; empty if unknown."""
    for base in _bases():
        try:
            done = subprocess.run(
                ["git", "-C", str(root), "diff", "--name-only", "--relative", f"{base}...HEAD"],
                capture_output=True, text=True, timeout=30, check=False,
            )
        except (OSError, subprocess.TimeoutExpired):
            return frozenset()
        if done.returncode == 0:
            return frozenset(line for line in done.stdout.splitlines() if line)
    return frozenset()
