"""Reproducible packaging: the same content always gives the same bytes, deflated once.

python-docx would write its own zip (deflating every part) that we then read back and write
again with fixed timestamps and order. Instead the members are taken from the package as
python-docx's writer would write them, checked, and zipped once.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from typing import Any

from docx.opc.pkgwriter import PackageWriter

FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def zip_members(members: dict[str, bytes]) -> bytes:
    """A zip of ``members``: ``[Content_Types].xml`` first, then by name, fixed timestamps."""
    names = sorted(members, key=lambda n: (n != "[Content_Types].xml", n))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in names:
            info = zipfile.ZipInfo(name, FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, members[name])
    return out.getvalue()


def normalise_zip(data: bytes) -> bytes:
    """Another library's zip (openpyxl's XLSX) rewritten as :func:`zip_members` writes one."""
    source = zipfile.ZipFile(io.BytesIO(data))
    return zip_members({name: source.read(name) for name in source.namelist()})


class _Members:
    """Stands in for python-docx's zip writer: keeps what it is given to write."""

    def __init__(self) -> None:
        self.found: dict[str, bytes] = {}

    def write(self, pack_uri: Any, blob: bytes | str) -> None:
        # zipfile writes a str as UTF-8, and so did python-docx's writer
        self.found[pack_uri.membername] = blob.encode() if isinstance(blob, str) else blob


def package_members(doc: Any, known: dict[Any, bytes] | None = None) -> dict[str, bytes]:
    """The members of a python-docx document, exactly as its ``save`` writes them; ``known``
    gives the bytes of parts serialized before (a part, by identity → its bytes)."""
    package = doc.part.package
    parts = list(package.parts)
    for part in parts:
        part.before_marshal()
    members = _Members()
    known = known or {}
    # python-docx's PackageWriter.write, with our collector in place of its zip writer
    PackageWriter._write_content_types_stream(members, parts)
    PackageWriter._write_pkg_rels(members, package.rels)
    for part in parts:  # PackageWriter._write_parts, taking the known bytes as they are
        members.write(part.partname, known[part] if part in known else part.blob)
        if len(part.rels):
            members.write(part.partname.rels_uri, part.rels.xml)
    return members.found


def docx_bytes(
    doc: Any,
    check: Callable[[dict[str, bytes]], None] | None = None,
    known: dict[Any, bytes] | None = None,
) -> bytes:
    """The document as reproducible DOCX bytes; ``check`` sees the members before zipping."""
    members = package_members(doc, known)
    if check is not None:
        check(members)
    return zip_members(members)
