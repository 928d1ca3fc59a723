"""Characters no document can hold, removed wherever text enters the engine."""

from __future__ import annotations

import re

# XML 1.0 forbids most C0 control characters; officials paste them from other programs, and
# Python would even split words and lines at some of them (\x0b, \x0c, \x1c-\x1f).
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def strip_invalid(text: str) -> str:
    """Text without the characters XML 1.0 cannot hold."""
    return _INVALID_XML.sub("", text)
