"""Замеры сборки целого региона: программ в секунду при 1 и 2 процессах, пересборка без
изменений и пиковая память на программе из 10 000 мероприятий.

Запуск: ``python benchmarks/bench_region.py [--programmes 60] [--runs 3]``. Всё через настоящий
CLI (``python -m shnor_docs build``) в подпроцессах, как в CI.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_build import make_programme

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "programmes" / "meshchovsk"
TARGET_NOCHANGE_S = 2.0
TARGET_MEMORY_MB = 500


def make_region(base: Path, count: int) -> Path:
    """``count`` seed-size programmes (copies of meshchovsk under their own names)."""
    region = base / "region"
    for index in range(count):
        target = region / f"rayon-{index:03d}"
        shutil.copytree(SEED, target)
        spec = target / "programme.yaml"
        spec.write_text(spec.read_text(encoding="utf-8") + f"\n# район {index}\n", "utf-8")
    return region


def run_build(region: Path, out: Path, *extra: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "shnor_docs", "build", str(region), "--out", str(out),
                    *extra], check=True, capture_output=True, cwd=ROOT)
    return time.perf_counter() - start


def median_build(region: Path, out: Path, runs: int, *extra: str) -> float:
    return statistics.median(run_build(region, out, *extra) for _ in range(runs))


def peak_memory_mb(folder: Path, out: Path) -> float:
    """Peak resident memory of one build process, from the child's rusage."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    subprocess.run([sys.executable, "-m", "shnor_docs", "build", str(folder), "--out", str(out),
                    "--force"], check=True, capture_output=True, cwd=ROOT)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(peak, before) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--programmes", type=int, default=60)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(f"Машина: ядер {os.cpu_count()}, load average "
          f"{', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    with tempfile.TemporaryDirectory(prefix="shnor-region-") as tmp:
        base = Path(tmp)
        region = make_region(base, args.programmes)
        n = args.programmes
        one = median_build(region, base / "out1", args.runs, "--force", "--jobs", "1")
        two = median_build(region, base / "out2", args.runs, "--force", "--jobs", "2")
        nochange = median_build(region, base / "out2", args.runs, "--jobs", "2")
        (base / "big").mkdir()
        big = make_programme(base / "big", 10_000)
        memory = peak_memory_mb(big, base / "out-big")
    print(f"\nРегион: {n} программ размера сида (meshchovsk), медианы из {args.runs} запусков")
    print(f"  1 процесс:  {one:6.2f} с  — {n / one:5.1f} программ/с")
    print(f"  2 процесса: {two:6.2f} с  — {n / two:5.1f} программ/с")
    print(f"  ускорение:  ×{one / two:.2f} (идеал на 2 ядрах ×2)")
    print(f"  пересборка без изменений: {nochange:.2f} с (цель < {TARGET_NOCHANGE_S:g} с)")
    print(f"Пиковая память, программа из 10 000 мероприятий: {memory:.0f} МБ "
          f"(цель < {TARGET_MEMORY_MB} МБ)")


if __name__ == "__main__":
    main()
