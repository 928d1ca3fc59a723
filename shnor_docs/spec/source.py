"""Reading a spec file's text: bounded in size, never waiting on a FIFO, UTF-8 without BOM."""

from __future__ import annotations

import hashlib
from pathlib import Path

from shnor_docs.errors import Problem
from shnor_docs.files import MAX_SPEC_BYTES, os_reason, read_limited
from shnor_docs.location import Location


def read_text(
    path: Path, shown: str, digests: dict[Path, str] | None = None
) -> tuple[str | None, list[Problem]]:
    """The text of ``path`` and the problems that kept it from being read (S002, S003, S008).

    ``digests`` receives the sha256 of the bytes read, under ``path``.
    """
    try:
        raw = read_limited(path, MAX_SPEC_BYTES)
    except OSError as exc:
        return None, [
            Problem(Location(shown), "S002", f"не удалось прочитать файл: {os_reason(exc)}")
        ]
    if raw is None:
        msg = f"файл слишком большой; предел — {MAX_SPEC_BYTES // 2**20} МБ"
        return None, [Problem(Location(shown), "S008", msg)]
    if digests is not None:
        digests[path] = hashlib.sha256(raw).hexdigest()
    if raw.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        msg = (
            "файл начинается с метки порядка байтов (BOM): сохраните его как UTF-8 без BOM "
            "(в Блокноте — «UTF-8», не «UTF-8 с BOM»)"
        )
        return None, [Problem(Location(shown, 1, 1), "S003", msg)]
    if b"\x00" in raw:
        msg = "файл двоичный (содержит нулевые байты), а не текст YAML"
        return None, [Problem(Location(shown, 1, 1), "S003", msg)]
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        return None, [_encoding_problem(raw, exc, shown)]


def _encoding_problem(raw: bytes, exc: UnicodeDecodeError, shown: str) -> Problem:
    line = raw.count(b"\n", 0, exc.start) + 1
    col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
    hint = ""
    try:
        sample = raw.decode("cp1251")
        cyr = sum(1 for ch in sample if "а" <= ch.lower() <= "я" or ch in "ёЁ")
        if cyr > len(sample) // 10:
            hint = "; похоже, он сохранён в Windows-1251 (cp1251): пересохраните его в UTF-8"
    except UnicodeDecodeError:
        pass
    msg = f"файл не в кодировке UTF-8 (недопустимый байт 0x{raw[exc.start]:02x}){hint}"
    return Problem(Location(shown, line, col), "S003", msg)
