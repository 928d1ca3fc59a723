"""Whole builds of large programmes against a bare docxtpl process and the raw-XML limit.

Usage: ``python benchmarks/bench_build.py [--quick] [--runs N] [--sizes 1000,5000,…]
[--instructions]``.

For each size (the seed programme with a generated roadmap of 1,000 to 20,000 activities,
split across included files) three processes run, interleaved with the other sizes in a
shuffled order each round:

- ``shnor``: ``python -m shnor_docs build --force`` — load, checks, the act with the roadmap,
  the roadmap alone, the HTML page, written atomically;
- ``docxtpl``: a bare docxtpl process rendering the same rows into one table (baselines.py);
- ``limit``: jinja2 writing ``document.xml`` from the same rows, packed with zip.

Printed: medians of wall time, CPU time and peak memory; the ratios to both yardsticks from the
same run; the marginal cost per 1,000 activities between neighbouring sizes; the goals. The
goals are judged on paired figures: the ratio to docxtpl and the marginal cost are taken within
each round (runs a moment apart) and their median over the rounds is compared with the goal, so
a slow stretch of a shared machine, which slows every process of a round, cannot flip a verdict.

With ``--instructions`` (valgrind installed) every variant at every size also runs once under
valgrind, and the same goals are judged on the instructions run: counts that are the same in
every run. They show whether the work grows linearly (a quadratic step would show); time adds
what the machine makes of that work, its caches and its neighbours. About ten minutes more.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from itertools import pairwise
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from measure import (
    Series,
    grouped,
    instructions,
    interleaved,
    machine_line,
    millions,
    noise_line,
    prepare,
    verdict,
)

HERE = Path(__file__).resolve().parent
VARIANTS = ("shnor", "docxtpl", "limit")
GOAL_LINEAR = 1.10  # the largest marginal cost per 1,000 activities ≤ 1.10 × the smallest
GOAL_RATIO = 1.5  # a 10,000-activity build ≤ 1.5 × the bare docxtpl process
RATIO_SIZE = 10_000


def commands(folder: Path, work: Path) -> dict[str, list[str]]:
    rows, template = work / f"{folder.name}.json", work / "bare.docx"
    prepare(HERE / "baselines.py", "rows", folder, rows)
    python = sys.executable
    return {
        "shnor": [python, "-m", "shnor_docs", "build", str(folder), "--out",
                  str(work / f"out-{folder.name}"), "--force"],
        "docxtpl": [python, str(HERE / "baselines.py"), "docxtpl", str(rows), str(template),
                    str(work / f"{folder.name}-docxtpl.docx")],
        "limit": [python, str(HERE / "baselines.py"), "raw", str(rows), str(template),
                  str(work / f"{folder.name}-raw.docx")],
    }


def slopes(found: dict[str, Series], variant: str, sizes: list[int], what: str) -> list[float]:
    """Seconds per 1,000 activities added, between neighbouring sizes: the median over the
    rounds of each round's own difference (the sizes of a round ran a moment apart)."""
    found_rates = []
    for a, b in pairwise(sizes):
        small, large = found[f"{variant}@{a}"].samples, found[f"{variant}@{b}"].samples
        rates = [(getattr(y, what) - getattr(x, what)) / (b - a) * 1000
                 for x, y in zip(small, large, strict=True)]
        found_rates.append(statistics.median(rates))
    return found_rates


def print_table(found: dict[str, Series], sizes: list[int]) -> None:
    print(f"{'мер.':>7} | " + " | ".join(f"{v:>7}: с  проц.с     МБ" for v in VARIANTS)
          + " | shnor/docxtpl (проц.) | shnor/предел (проц.)")
    for size in sizes:
        cells = []
        for variant in VARIANTS:
            s = found[f"{variant}@{size}"]
            cells.append(f"{s.median('wall'):>10.2f} {s.median('cpu'):>7.2f} "
                         f"{s.median('rss_mb'):>6.0f}")
        ours, bare, limit = (found[f"{v}@{size}"] for v in VARIANTS)
        ratios = [
            f"×{ours.median('wall') / other.median('wall'):.2f} "
            f"(×{ours.median('cpu') / other.median('cpu'):.2f})"
            for other in (bare, limit)
        ]
        line = f"{grouped(size):>7} | " + " | ".join(cells)
        print(line + f" | {ratios[0]:>21} | {ratios[1]:>19}")


def print_slopes(found: dict[str, Series], sizes: list[int]) -> None:
    print("\nПрирост на каждые добавленные 1 000 мероприятий, с (настенное / процессор; медиана "
          "по прогонам)")
    spans = [f"{grouped(a)} → {grouped(b)}" for a, b in pairwise(sizes)]
    print(f"{'':>9}" + "".join(f"{span:>22}" for span in spans))
    for variant in VARIANTS:
        walls = slopes(found, variant, sizes, "wall")
        cpus = slopes(found, variant, sizes, "cpu")
        cells = "".join(f"{w:>14.3f} / {c:.3f}" for w, c in zip(walls, cpus, strict=True))
        print(f"{variant:>9}{cells}")


def print_goals(found: dict[str, Series], sizes: list[int]) -> None:
    print("\nЦели")
    for what, label in (("cpu", "процессор"), ("wall", "настенное")):
        rates = slopes(found, "shnor", sizes, what)
        if len(rates) >= 2:
            spread = max(rates) / min(rates) if min(rates) > 0 else float("inf")
            print(f"[{verdict(spread <= GOAL_LINEAR)}] линейность ({label}): прирост на 1 000 мер. "
                  f"от {min(rates):.3f} до {max(rates):.3f} с, ×{spread:.2f} "
                  f"(цель ≤ ×{GOAL_LINEAR} от {grouped(sizes[0])} до {grouped(sizes[-1])})")
    if RATIO_SIZE in sizes:
        ours, bare = found[f"shnor@{RATIO_SIZE}"], found[f"docxtpl@{RATIO_SIZE}"]
        for what, label in (("wall", "настенное"), ("cpu", "процессор")):
            ratio = ours.paired(bare, what)
            print(f"[{verdict(ratio <= GOAL_RATIO)}] сборка {grouped(RATIO_SIZE)} мер. ({label}): "
                  f"×{ratio:.2f} к голому docxtpl — медиана отношений в каждом прогоне "
                  f"(отношение медиан ×{ours.median(what) / bare.median(what):.2f}; "
                  f"цель ≤ ×{GOAL_RATIO})")
    for size in (10_000, 20_000):
        if size in sizes:
            ours, bare = found[f"shnor@{size}"], found[f"docxtpl@{size}"]
            print(f"      пиковая память, {grouped(size)} мер.: shnor "
                  f"{ours.median('rss_mb'):.0f} МБ, голый docxtpl {bare.median('rss_mb'):.0f} МБ")


def print_instructions(counts: dict[str, int | None], sizes: list[int]) -> None:
    """The goals judged on instructions run: one valgrind run of each variant at each size."""
    if any(count is None for count in counts.values()):
        print("\nvalgrind не установлен: число команд процессора не подсчитано")
        return
    print("\nЧисло команд процессора (valgrind; одно и то же в каждом прогоне)")
    for size in sizes:
        ours, bare, limit = (counts[f"{v}@{size}"] for v in VARIANTS)
        print(f"{grouped(size):>7} | shnor {millions(ours):>14} | docxtpl {millions(bare):>14} | "
              f"предел {millions(limit):>12} | shnor/docxtpl ×{ours / bare:.2f}")
    for variant in VARIANTS:
        rates = [(counts[f"{variant}@{b}"] - counts[f"{variant}@{a}"]) / (b - a) * 1000
                 for a, b in pairwise(sizes)]
        spread = max(rates) / min(rates) if len(rates) >= 2 and min(rates) > 0 else 1.0
        cells = ", ".join(f"{grouped(a)} → {grouped(b)}: {millions(int(r))}"
                          for (a, b), r in zip(pairwise(sizes), rates, strict=True))
        line = f"прирост на 1 000 мер. ({cells}), ×{spread:.3f}"
        if variant == "shnor":
            print(f"[{verdict(spread <= GOAL_LINEAR)}] линейность (команды): {line} "
                  f"(цель ≤ ×{GOAL_LINEAR})")
        else:
            print(f"      {variant}: {line}")
    if RATIO_SIZE in sizes:
        ratio = counts[f"shnor@{RATIO_SIZE}"] / counts[f"docxtpl@{RATIO_SIZE}"]
        print(f"[{verdict(ratio <= GOAL_RATIO)}] сборка {grouped(RATIO_SIZE)} мер. (команды): "
              f"×{ratio:.2f} к голому docxtpl (цель ≤ ×{GOAL_RATIO})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1 000, 5 000, 10 000; 3 прогона")
    parser.add_argument("--runs", type=int, default=None)
    parser.add_argument("--sizes", default=None, help="через запятую")
    parser.add_argument("--no-warm-up", action="store_true", help="без разогревочного прогона")
    parser.add_argument("--instructions", action="store_true",
                        help="ещё и число команд процессора под valgrind (около 10 минут)")
    args = parser.parse_args()
    sizes = [1000, 5000, 10000] if args.quick else [1000, 5000, 10000, 20000]
    if args.sizes:
        sizes = [int(s) for s in args.sizes.split(",")]
    runs = args.runs or (3 if args.quick else 5)
    print(machine_line())
    with tempfile.TemporaryDirectory(prefix="shnor-bench-") as tmp:
        work = Path(tmp)
        prepare(HERE / "baselines.py", "template", work / "bare.docx")
        jobs: dict[str, list[str]] = {}
        for size in sizes:
            folder = Path(prepare(HERE / "generate.py", "programme", work, size))
            for variant, command in commands(folder, work).items():
                jobs[f"{variant}@{size}"] = command
        if not args.no_warm_up:  # file caches, .pyc: the smallest size once, not counted
            interleaved({k: v for k, v in jobs.items() if k.endswith(f"@{sizes[0]}")}, 1)
        found = interleaved(jobs, runs)
        counts = {name: instructions(command) for name, command in jobs.items()} \
            if args.instructions else {}
    print(f"Медианы из {runs} прогонов, все размеры и варианты вперемежку; "
          f"в скобках — отношение по процессорному времени")
    for what in ("cpu", "wall"):
        if runs > 1:
            print(noise_line(found, what))
    print()
    print_table(found, sizes)
    print_slopes(found, sizes)
    print_goals(found, sizes)
    if counts:
        print_instructions(counts, sizes)


if __name__ == "__main__":
    main()
