"""Замер PDF: вся сборка одним запуском LibreOffice против запуска на каждую программу.

Запуск: ``python benchmarks/bench_pdf.py [N …]`` (по умолчанию 20 и 40 программ). Программы —
копии примеров из ``programmes/`` под разными именами. Печатает секунды обоих способов и их
отношение.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

from shnor_docs.build import build_programme
from shnor_docs.build.batch import build_all

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted(p for p in (ROOT / "programmes").iterdir() if (p / "programme.yaml").is_file())


def copies(count: int, where: Path) -> list[Path]:
    folders = []
    for index in range(count):
        source = EXAMPLES[index % len(EXAMPLES)]
        target = where / f"{source.name}-{index:03d}"
        shutil.copytree(source, target)
        folders.append(target)
    return folders


def measure(count: int) -> tuple[float, float]:
    with tempfile.TemporaryDirectory(prefix="bench-pdf-") as tmp:
        folders = copies(count, Path(tmp) / "src")
        start = time.perf_counter()
        for folder in folders:  # one LibreOffice start per programme, as before
            build_programme(folder, Path(tmp) / "one-by-one", {"pdf"})
        separate = time.perf_counter() - start
        start = time.perf_counter()
        outcomes = build_all(folders, Path(tmp) / "batch", {"pdf"}, 1, True, lambda o: None)
        batched = time.perf_counter() - start
        assert all(o.status == "built" for o in outcomes)
    return separate, batched


def main(argv: list[str]) -> None:
    for count in [int(a) for a in argv] or [20, 40]:
        separate, batched = measure(count)
        print(
            f"{count} программ: по одной {separate:.1f} с, одним запуском {batched:.1f} с, "
            f"в {separate / batched:.1f} раза быстрее"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
