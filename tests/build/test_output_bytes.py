"""Every byte of the built documents stays as recorded: speed work must not change the output.

The examples in ``programmes/`` and ``tests/specs/regional-order`` are built as one region (so
whatever a build keeps between programmes is shared, in both orders) and the sha256 of every
file written is compared with ``tests/golden/bytes.json``. The build record is left out: it holds
the input hash, which names the versions of the libraries.

The bytes depend on the libraries that shape the documents (and on zlib, which compresses the
DOCX): the recorded versions stand beside the hashes, and with other versions (the CI run with
the lowest declared ones) the comparison is skipped, saying which library differs.

After an intended change of the output, record the new hashes and review the diff of the JSON:
``SHNOR_UPDATE_GOLDEN=1 python -m pytest tests/build/test_output_bytes.py``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from shnor_docs.build.batch import build_all
from shnor_docs.build.inputs import dependency_versions
from shnor_docs.build.record import RECORD
from tests.conftest import PROGRAMMES, SPECS, tree_digests

RECORDED = Path(__file__).resolve().parent.parent / "golden" / "bytes.json"
FOLDERS = sorted(p.parent for p in PROGRAMMES.glob("*/programme.yaml"))
FOLDERS.append(SPECS / "regional-order")


def _versions() -> dict[str, str]:
    """The versions that shape the bytes (Python's own does not)."""
    return {k: v for k, v in dependency_versions().items() if k != "python"}


def _built(out: Path, folders: list[Path]) -> dict[str, str]:
    outcomes = build_all(folders, out, {"docx", "html"}, 1, True, lambda outcome: None)
    assert [o.status for o in outcomes] == ["built"] * len(folders), outcomes
    digests = tree_digests(out)
    return {k: v for k, v in digests.items() if v != "dir" and not k.endswith(RECORD)}


@pytest.mark.parametrize("order", ["forward", "reverse"])
def test_output_bytes_are_as_recorded(tmp_path: Path, order: str) -> None:
    folders = FOLDERS if order == "forward" else FOLDERS[::-1]
    actual = _built(tmp_path / "out", folders)
    if os.environ.get("SHNOR_UPDATE_GOLDEN") and order == "forward":
        data = {"versions": _versions(), "files": actual}
        RECORDED.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    recorded = json.loads(RECORDED.read_text(encoding="utf-8"))
    differ = {
        name: f"{version} (записано {recorded['versions'].get(name)})"
        for name, version in _versions().items()
        if recorded["versions"].get(name) != version
    }
    if differ:
        pytest.skip(f"другие версии библиотек, байты другие: {differ}")
    assert actual == recorded["files"]
