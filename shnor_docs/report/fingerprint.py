"""Stable fingerprints of findings, for CI systems that follow a finding from run to run.

A fingerprint is made of the rule's code, the file (from the repository root) and the item the
finding is about (:func:`shnor_docs.checks.identity.item_identity`), never of the message or the
line: the message of an overdue activity changes every day («N дн. назад»), and a line inserted
above moves every finding below it. Findings that share all three are told apart by their order.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter

from shnor_docs.checks.core import Finding
from shnor_docs.checks.results import LOAD_RULE

#: The key of SARIF's ``partialFingerprints``; the version changes if the recipe ever does.
SARIF_KEY = "shnorItem/v1"


def identity(finding: Finding) -> str:
    """What the finding is about. A load error has no item: its message stands in, without the
    numbers in it (a line number quoted in the message must not move the fingerprint)."""
    if finding.name != LOAD_RULE:
        return finding.item
    return re.sub(r"\d+", "#", finding.message)


def fingerprints(findings: list[Finding]) -> list[str]:
    """One fingerprint per finding, in the same order."""
    seen = Counter[str]()
    out = []
    for finding in findings:
        path = finding.location.path if finding.location else ""
        key = "\x1f".join((finding.code, path, identity(finding)))
        seen[key] += 1
        out.append(hashlib.sha256(f"{key}\x1f{seen[key]}".encode()).hexdigest())
    return out
