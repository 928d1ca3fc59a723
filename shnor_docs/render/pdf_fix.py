"""Make LibreOffice's PDF reproducible: the same document always gives the same bytes.

LibreOffice 7.4 stamps every export with the time of the export and has no option to fix it:
the Info dictionary's ``/CreationDate``, the XMP packet's ``xmp:CreateDate``, the header of the
embedded sRGB profile of the PDF/A output intent (lcms writes its creation time there), the
document ``/ID`` and LibreOffice's own ``/DocChecksum`` (digests that include the time). Here
the dates become the document's own date (the act's date, as in the DOCX properties) and the
digests a digest of the content. The dates keep their length; the profile is recompressed, so
the cross-reference table is rewritten with the shifted offsets.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import struct
import zlib

_INFO_DATE = re.compile(rb"/(?:CreationDate|ModDate)\s*\(D:(\d{14})")
_XMP_DATE = re.compile(rb"<xmp:(?:CreateDate|ModifyDate|MetadataDate)>([^<]{20})</xmp:")
_STREAM = re.compile(rb"(\d+) 0 obj\s*<<([^>]*?/FlateDecode[^>]*?)>>\s*stream\r?\n")
_LENGTH = re.compile(rb"/Length (\d+)( 0 R)?")
_XREF = re.compile(rb"\nxref\n0 (\d+)\n")
_STARTXREF = re.compile(rb"startxref\n(\d+)\n%%EOF\s*$")
_CHECKSUM = re.compile(rb"/DocChecksum /([0-9A-Fa-f]{32})")
_ID = re.compile(rb"/ID \[ ?<([0-9A-Fa-f]{32})>\s*<([0-9A-Fa-f]{32})> ?\]")


def reproducible(pdf: bytes, moment: dt.datetime) -> bytes:
    """``pdf`` with every trace of the export time replaced by ``moment`` (UTC)."""
    data = bytearray(pdf)
    for match in _INFO_DATE.finditer(data):
        data[match.start(1) : match.end(1)] = moment.strftime("%Y%m%d%H%M%S").encode()
    for match in _XMP_DATE.finditer(data):
        data[match.start(1) : match.end(1)] = moment.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    data = _fix_profiles(bytes(data), moment)
    return _fix_id(data)


def _fix_profiles(data: bytes, moment: dt.datetime) -> bytes:
    """The date in the header of every embedded ICC profile; offsets follow the new length."""
    splices: list[tuple[int, int, bytes]] = []
    for match in _STREAM.finditer(data):
        length = _length_span(data, match)
        if length is None:
            continue
        start = match.end()
        end = start + int(data[length[0] : length[1]])
        try:
            profile = zlib.decompress(data[start:end])
        except zlib.error:
            continue
        if profile[36:40] != b"acsp":  # not an ICC profile
            continue
        stamp = struct.pack(">6H", *moment.timetuple()[:6])
        fixed = zlib.compress(profile[:24] + stamp + profile[36:], 9)
        splices += [(start, end, fixed), (*length, str(len(fixed)).encode())]
    if not splices:
        return data
    return _apply(data, sorted(splices))


def _length_span(data: bytes, stream: re.Match[bytes]) -> tuple[int, int] | None:
    """Where the stream's length is written: in its dictionary or in the object it refers to."""
    length = _LENGTH.search(stream.group(2))
    if length is None:
        return None
    if not length.group(2):
        return stream.start(2) + length.start(1), stream.start(2) + length.end(1)
    found = re.search(rb"\n" + length.group(1) + rb" 0 obj\s*(\d+)\s*endobj", data)
    return found.span(1) if found else None


def _apply(data: bytes, splices: list[tuple[int, int, bytes]]) -> bytes:
    """Replace byte ranges and rewrite the classic xref table and ``startxref`` to match."""
    xref = _XREF.search(data)
    startxref = _STARTXREF.search(data)
    if xref is None or startxref is None:
        return data  # not the layout LibreOffice writes: leave it as it is

    def moved(offset: int) -> int:
        return offset + sum(
            len(new) - (end - start) for start, end, new in splices if end <= offset
        )

    table_start, count = xref.end(), int(xref.group(1))
    entries = []
    for index in range(count):
        entry = data[table_start + 20 * index : table_start + 20 * (index + 1)]
        if entry[17:18] == b"n":
            entry = b"%010d" % moved(int(entry[:10])) + entry[10:]
        entries.append(entry)
    out, last = bytearray(), 0
    for start, end, new in splices:
        out += data[last:start] + new
        last = end
    body = bytes(out) + data[last : xref.start()]
    table = data[xref.start() : xref.end()] + b"".join(entries)
    tail = data[table_start + 20 * count : startxref.start(1)]
    return body + table + tail + str(moved(int(startxref.group(1)))).encode() + b"\n%%EOF\n"


def _fix_id(data: bytes) -> bytes:
    """The document ID (twice) and LibreOffice's own ``/DocChecksum``: a digest of the rest."""
    spans = [m.span(g) for m in _ID.finditer(data) for g in (1, 2)]
    spans += [m.span(1) for m in _CHECKSUM.finditer(data)]
    if not spans:
        return data
    blank = bytearray(data)
    for start, end in spans:
        blank[start:end] = b"0" * (end - start)
    digest = hashlib.md5(bytes(blank), usedforsecurity=False).hexdigest().upper().encode()
    for start, end in spans:
        blank[start:end] = digest
    return bytes(blank)
