"""Many programmes at once: stable shards, skipping unchanged ones, parallel processes."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from shnor_docs import __version__

STAMP = ".shnor-build.json"


@dataclass
class Outcome:
    """How one programme's build ended."""

    folder: Path
    status: str  # "built", "unchanged" or "failed"
    lines: list[str] = field(default_factory=list)
    seconds: float = 0.0


def parse_shard(text: str | None) -> tuple[int, int] | None:
    """«K/N» → (K, N) with 1 ≤ K ≤ N; ValueError with a Russian message otherwise."""
    if not text:
        return None
    try:
        k, n = (int(part) for part in text.split("/"))
    except ValueError:
        raise ValueError(f"--shard ожидает K/N, например 2/4, получено «{text}»") from None
    if not 1 <= k <= n:
        raise ValueError(f"--shard {text}: нужно 1 ≤ K ≤ N")
    return k, n


def in_shard(folder: Path, shard: tuple[int, int] | None) -> bool:
    """Stable: a programme's slice depends on its name only, not on the others."""
    if shard is None:
        return True
    k, n = shard
    digest = hashlib.sha256(folder.resolve().name.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % n == k - 1


def input_hash(folder: Path, templates: Iterable[Path], formats: set[str]) -> str:
    """Hash of everything a build reads: the spec files, the templates, the engine version."""
    digest = hashlib.sha256(f"{__version__}|{','.join(sorted(formats))}".encode())
    roots = [folder, *templates]
    for root in roots:
        # Links are not followed: a link out of the folder is not the programme's to read.
        for path in sorted(p for p in root.rglob("*") if p.is_file() and not p.is_symlink()):
            if any(part.startswith(".") for part in path.relative_to(root).parts):
                continue
            digest.update(str(path.relative_to(root)).encode("utf-8"))
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def stamp_bytes(key: str) -> bytes:
    return json.dumps({"engine": __version__, "inputs": key}, sort_keys=True).encode() + b"\n"


def is_current(target: Path, key: str) -> bool:
    stamp = target / STAMP
    try:
        return json.loads(stamp.read_text(encoding="utf-8")).get("inputs") == key
    except (OSError, ValueError):
        return False


def run_all(
    folders: list[Path],
    work: Callable[[Path], Outcome],
    jobs: int,
    progress: Callable[[Outcome], None],
) -> list[Outcome]:
    """Run ``work`` for every folder, in ``jobs`` processes; a failure never stops the rest."""
    if jobs <= 1 or len(folders) <= 1:
        outcomes = []
        for folder in folders:
            outcomes.append(work(folder))
            progress(outcomes[-1])
        return outcomes
    from concurrent.futures import ProcessPoolExecutor, as_completed  # only the build needs it

    outcomes = []
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = {pool.submit(work, folder): folder for folder in folders}
        for future in as_completed(futures):
            try:
                outcome = future.result()
            except Exception as exc:
                outcome = Outcome(futures[future], "failed", [f"{futures[future]}: {exc}"])
            outcomes.append(outcome)
            progress(outcome)
    order = {folder: index for index, folder in enumerate(folders)}
    return sorted(outcomes, key=lambda o: order[o.folder])
