"""The build record: the file in every build folder that proves shnor made it.

It names the programme (its slug), the engine version, the hash of the inputs and what they
were (to skip unchanged programmes) and the sha256 of every file written (to restore deleted or
edited ones).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import stat
from pathlib import Path

from shnor_docs import __version__
from shnor_docs.spec.settings_files import SettingsFinder, settings_stamp

TYPE_CHECKING = False  # typing costs a no-change rebuild its import
if TYPE_CHECKING:
    from typing import Any

RECORD = ".shnor-build.json"
TOOL = "shnor_docs"
MAX_RECORD_BYTES = 1 << 20


def record_bytes(
    slug: str,
    files: dict[str, bytes],
    inputs: str | None,
    read: dict[str, Any] | None = None,
    checked: dict[str, Any] | None = None,
) -> bytes:
    """The record: ``inputs`` is the hash of what the build read, ``read`` says what that was
    (see :mod:`shnor_docs.build.inputs`), ``checked`` what the checks found (:func:`checked`)."""
    data: dict[str, Any] = {
        "tool": TOOL,
        "engine": __version__,
        "slug": slug,
        "inputs": inputs,
        "files": {name: hashlib.sha256(body).hexdigest() for name, body in sorted(files.items())},
    }
    if read is not None:
        data["read"] = read
    if checked is not None:
        data["checked"] = checked
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1).encode("utf-8") + b"\n"


def read_record(path: Path) -> dict[str, Any] | None:
    """The record at ``path``, or None when it is missing, not a regular file or not a record.

    Opened without following links and without blocking: a record that is a link to
    ``/dev/zero`` or a FIFO is simply not a record.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_RECORD_BYTES:
            return None
        raw = os.read(fd, MAX_RECORD_BYTES + 1)
    except OSError:
        return None
    finally:
        os.close(fd)
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    if not isinstance(data, dict) or "engine" not in data or "inputs" not in data:
        return None
    return data


def checked(line: str | None, on: dt.date, folder: Path) -> dict[str, Any]:
    """What the checks of a build of the programme in ``folder`` found: the summary line of its
    errors (None if none), the day they ran and the repository settings they ran with."""
    return {"on": on.isoformat(), "errors": line, "settings": settings_stamp(folder)}


def check_holds(
    record: dict[str, Any], folder: Path, strict: bool = False, finder: SettingsFinder | None = None
) -> bool:
    """Whether the findings in a record still hold, so that a current folder may be left as it
    is: the checks ran today (an activity becomes overdue with the date) with the repository
    settings that apply now (``shnor.toml`` may have changed a rule's level), and under
    ``--strict`` they found no error (a strict build writes no programme with errors: it is
    refused again). ``finder`` keeps what it found between the programmes of one run."""
    found = record.get("checked")
    if not isinstance(found, dict) or found.get("on") != dt.date.today().isoformat():
        return False
    if found.get("settings") != settings_stamp(folder, finder):
        return False
    line = found.get("errors")
    return line is None or (isinstance(line, str) and not strict)


def files_intact(folder: Path, record: dict[str, Any]) -> bool:
    """Whether every file the record lists is still there, unchanged, and nothing was added."""
    listed = record.get("files")
    if not isinstance(listed, dict):
        return False
    try:
        with os.scandir(folder) as entries:
            present = {entry.name for entry in entries if entry.name != RECORD}
    except OSError:
        return False
    if present != set(listed):
        return False
    base = os.fspath(folder)
    try:
        return all(_sha256(os.path.join(base, name)) == digest for name, digest in listed.items())
    except OSError:  # unreadable, gone or a link: not intact, rebuild
        return False


def _sha256(path: str) -> str | None:
    """The sha256 of a regular file, read without following a link; None for anything else."""
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        digest = hashlib.sha256()
        while chunk := os.read(fd, 1 << 20):
            digest.update(chunk)
    finally:
        os.close(fd)
    return digest.hexdigest()
