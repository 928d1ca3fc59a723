"""Start-up of ``shnor check`` on one programme against ``python -c "import yaml, pydantic"``.

Usage: ``python benchmarks/bench_check.py [PROGRAMME] [--runs N]``.

Five processes, interleaved in a shuffled order each round: the check and the bare import,
each with ``.pyc`` files (the warm-up run writes them, as an install does) and without any
(``PYTHONPYCACHEPREFIX`` pointing at an empty folder and ``PYTHONDONTWRITEBYTECODE``: every
module, the standard library's too, is compiled from source in every run); and the floor of any
program built on click, PyYAML and pydantic models: importing click and yaml and pydantic's
``BaseModel`` and ``Field``. Printed: medians of wall and CPU time and the ratios to the bare
import, in the same run; the goal is judged on the median of the ratios within each round.
Goal: the check with ``.pyc`` within 2.5 × the bare import.

Where valgrind is installed, the check, the bare import and the floor (with ``.pyc``) also run
once each under it, and the instructions each ran are compared: the same counts in every run,
so the ratio does not swing with the machine as times do.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from measure import (
    instructions,
    interleaved,
    machine_line,
    millions,
    noise_line,
    verdict,
    with_pyc,
)

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "programmes" / "meshchovsk"
GOAL = 2.5


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("programme", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    check = [sys.executable, "-m", "shnor_docs", "check", "--as-of", "2023-03-01",
             str(args.programme)]
    bare = [sys.executable, "-c", "import yaml, pydantic"]
    floor = [sys.executable, "-c", "import click, yaml; from pydantic import BaseModel, Field"]
    print(machine_line())
    with tempfile.TemporaryDirectory(prefix="shnor-nopyc-") as empty:
        no_pyc = {**with_pyc(), "PYTHONPYCACHEPREFIX": empty, "PYTHONDONTWRITEBYTECODE": "1"}
        jobs = {"check": check, "bare": bare, "floor": floor, "check-nopyc": check,
                "bare-nopyc": bare}
        env = {"check-nopyc": no_pyc, "bare-nopyc": no_pyc}
        interleaved(jobs, 1, env)  # warm-up: file caches, .pyc
        found = interleaved(jobs, args.runs, env)
    print(noise_line(found, "wall"))
    print(noise_line(found, "cpu"))
    print(f"\nМедианы из {args.runs} запусков, вперемежку (мс: настенное / процессор)")
    for suffix, label in (("", "с .pyc"), ("-nopyc", "без .pyc")):
        ours, base = found[f"check{suffix}"], found[f"bare{suffix}"]
        print(f"  {label}: shnor check {ours.median('wall') * 1000:.0f} / "
              f"{ours.median('cpu') * 1000:.0f}; import yaml, pydantic "
              f"{base.median('wall') * 1000:.0f} / {base.median('cpu') * 1000:.0f}; "
              f"отношение ×{ours.median('wall') / base.median('wall'):.2f} / "
              f"×{ours.median('cpu') / base.median('cpu'):.2f}")
    ours, base, least = found["check"], found["bare"], found["floor"]
    print(f"  порог click + yaml + pydantic BaseModel, Field: {least.median('wall') * 1000:.0f} / "
          f"{least.median('cpu') * 1000:.0f}; ×{least.paired(base, 'wall'):.2f} к import yaml, "
          f"pydantic; shnor check сверх порога: "
          f"{(ours.median('wall') - least.median('wall')) * 1000:.0f} мс")
    print_instructions({name: jobs[name] for name in ("check", "bare", "floor")})
    ratio = ours.paired(base, "wall")
    print(f"\n[{verdict(ratio <= GOAL)}] shnor check {args.programme.name}: ×{ratio:.2f} к "
          f'python -c "import yaml, pydantic", медиана отношений в каждом прогоне (цель ≤ ×{GOAL}; '
          f"по процессору ×{ours.paired(base, 'cpu'):.2f}; "
          f"порог ×{least.paired(base, 'wall'):.2f})")
    return 0 if ratio <= GOAL else 1


def print_instructions(jobs: dict[str, list[str]]) -> None:
    """The same comparison in instructions run, one valgrind run each (if it is installed)."""
    counts = {name: instructions(command) for name, command in jobs.items()}
    if any(count is None for count in counts.values()):
        print("\n  valgrind не установлен: число команд процессора не подсчитано")
        return
    check, bare, floor = counts["check"], counts["bare"], counts["floor"]
    print(f"\n[{verdict(check / bare <= GOAL)}] по числу команд процессора (valgrind; одно и то же "
          f"в каждом прогоне): shnor check {millions(check)}, import yaml, pydantic "
          f"{millions(bare)}: ×{check / bare:.2f} (цель ≤ ×{GOAL}); порог click + yaml + "
          f"pydantic {millions(floor)}, ×{floor / bare:.2f}; shnor сверх порога "
          f"{millions(check - floor)}")


if __name__ == "__main__":
    sys.exit(main())
