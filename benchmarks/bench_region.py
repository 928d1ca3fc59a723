"""A whole region: seed-size programmes built in 1 and 2 processes, and the no-change rebuild.

Usage: ``python benchmarks/bench_region.py [--programmes 60] [--runs 5]``. Everything through
the real CLI (``python -m shnor_docs build``) in processes of its own, as in CI; the runs of
the variants interleave in a shuffled order each round. Printed: medians of wall and CPU time,
per programme; the no-change rebuild as a whole. Goals: at most 100 ms of CPU per programme
with one process, at most 120 ms for the no-change rebuild.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from measure import interleaved, machine_line, noise_line, prepare, verdict

HERE = Path(__file__).resolve().parent
GOAL_CPU_MS = 100
GOAL_NOCHANGE_MS = 120


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--programmes", type=int, default=60)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    n = args.programmes
    print(machine_line())
    with tempfile.TemporaryDirectory(prefix="shnor-region-") as tmp:
        base = Path(tmp)
        region = prepare(HERE / "generate.py", "region", base, n)

        def build(out: str, *extra: str) -> list[str]:
            return [sys.executable, "-m", "shnor_docs", "build", region, "--out",
                    str(base / out), *extra]

        jobs = {
            "1 процесс": build("out1", "--force", "--jobs", "1"),
            "2 процесса": build("out2", "--force", "--jobs", "2"),
            "без изменений, -j 1": build("out1", "--jobs", "1"),
            "без изменений, -j 2": build("out2", "--jobs", "2"),
        }
        interleaved(jobs, 1)  # warm-up, and the builds the no-change runs find
        found = interleaved(jobs, args.runs)
    print(noise_line(found, "wall"))
    print(noise_line(found, "cpu"))
    print(f"\nРегион: {n} программ размера сида (meshchovsk), медианы из {args.runs} запусков "
          "вперемежку (настенное / процессор)")
    for name, series in found.items():
        wall, cpu = series.median("wall"), series.median("cpu")
        print(f"  {name:>20}: всего {wall:6.2f} / {cpu:6.2f} с; на программу "
              f"{wall / n * 1000:5.0f} / {cpu / n * 1000:5.0f} мс")
    one, two = found["1 процесс"], found["2 процесса"]
    print(f"  ускорение на 2 процессах: ×{one.median('wall') / two.median('wall'):.2f}")
    per = one.median("cpu") / n * 1000
    print(f"\n[{verdict(per <= GOAL_CPU_MS)}] процессор на программу при сборке региона: "
          f"{per:.0f} мс (цель ≤ {GOAL_CPU_MS} мс)")
    for name in ("без изменений, -j 1", "без изменений, -j 2"):
        ms = found[name].median("wall") * 1000
        print(f"[{verdict(ms <= GOAL_NOCHANGE_MS)}] пересборка без изменений ({name[-4:]}): "
              f"{ms:.0f} мс, процессор {found[name].median('cpu') * 1000:.0f} мс "
              f"(цель ≤ {GOAL_NOCHANGE_MS} мс)")


if __name__ == "__main__":
    main()
