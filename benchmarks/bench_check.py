"""Wall time of ``shnor check`` on one programme, start-up included, against a bare interpreter.

Usage: python benchmarks/bench_check.py [PROGRAMME] [--runs N] [--budget-ms MS]

Prints the median of N runs of the real CLI in a subprocess (``python -m shnor_docs check``) and
of ``python -c "import yaml, pydantic"``, and their ratio. Exits with 1 when the median is over
the budget (300 ms: a pre-commit hook should feel instant).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "programmes" / "meshchovsk"


def _wall_ms(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, capture_output=True, check=False)
    return (time.perf_counter() - start) * 1000


def medians_ms(commands: list[list[str]], runs: int) -> list[float]:
    """Median wall time of each command in ms; runs alternate so that load drift hits all alike."""
    for command in commands:
        _wall_ms(command)  # warm-up: file caches, .pyc
    times: list[list[float]] = [[] for _ in commands]
    for _ in range(runs):
        for own, command in zip(times, commands, strict=True):
            own.append(_wall_ms(command))
    return [statistics.median(own) for own in times]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("programme", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--budget-ms", type=float, default=300.0)
    args = parser.parse_args()
    check = [sys.executable, "-m", "shnor_docs", "check", "--as-of", "2023-03-01",
             str(args.programme)]
    bare = [sys.executable, "-c", "import yaml, pydantic"]
    check_ms, bare_ms = medians_ms([check, bare], args.runs)
    verdict = "в пределах" if check_ms <= args.budget_ms else "сверх"
    print(f"shnor check {args.programme.name}: медиана {check_ms:.0f} мс из {args.runs} "
          f"запусков ({verdict} бюджета {args.budget_ms:.0f} мс)")
    print(f'python -c "import yaml, pydantic": медиана {bare_ms:.0f} мс')
    print(f"отношение: {check_ms / bare_ms:.2f}")
    return 0 if check_ms <= args.budget_ms else 1


if __name__ == "__main__":
    sys.exit(main())
