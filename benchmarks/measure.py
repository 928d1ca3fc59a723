"""Measuring processes: wall time, CPU time and peak memory of each run, runs interleaved.

Every figure is the median of runs that alternate between variants and sizes in a shuffled order,
so a burst of load from other work hits every variant alike instead of flipping a verdict. CPU
time (user + system, of the process and the children it waited for) is printed beside wall time:
on a shared machine it is the steadier of the two.

Where valgrind is installed, :func:`instructions` also counts the instructions a process runs:
the same count for the same work on every run, whatever else the machine does, so a verdict
that time leaves to chance (a few per cent on a noisy machine) can be settled. It counts work,
not the machine's caches: a quadratic step shows in it, a working set outgrowing the caches
does not.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Sample:
    wall: float  # seconds
    cpu: float  # seconds, user + system
    rss_mb: float  # peak resident memory of the process (the largest of its waited children)


@dataclass
class Series:
    """The runs of one variant at one size."""

    samples: list[Sample] = field(default_factory=list)

    def median(self, what: str) -> float:
        return statistics.median(getattr(s, what) for s in self.samples)

    def paired(self, other: Series, what: str) -> float:
        """The median of this series' runs divided by ``other``'s run of the same round: the
        two ran a moment apart, so a slow stretch of the machine slows both (the ratio of the
        two medians can pair a slow run with a fast one)."""
        return statistics.median(
            getattr(a, what) / getattr(b, what)
            for a, b in zip(self.samples, other.samples, strict=True)
        )

    def spread(self, what: str) -> float:
        """(max − min) / median: how noisy the runs were."""
        values = [getattr(s, what) for s in self.samples]
        middle = statistics.median(values)
        return (max(values) - min(values)) / middle if middle else 0.0


def with_pyc() -> dict[str, str]:
    """The environment of every measured process: byte-code is written and read, as after an
    install (an inherited PYTHONDONTWRITEBYTECODE would compile every module from source in
    every process)."""
    return {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run(command: Sequence[str], env: dict[str, str] | None = None, cwd: Path = ROOT) -> Sample:
    """Run one process to its end; its own rusage (``wait4``), not that of earlier children."""
    start = time.perf_counter()
    process = subprocess.Popen(
        list(command), cwd=cwd, env=env or with_pyc(), stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    error = process.stderr.read().decode("utf-8", "replace") if process.stderr else ""
    if process.stderr:
        process.stderr.close()
    if process.returncode not in (0, 1):  # 1: shnor check found something, as expected
        raise RuntimeError(f"{' '.join(command)} → {process.returncode}\n{error[-2000:]}")
    return Sample(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def instructions(
    command: Sequence[str], env: dict[str, str] | None = None, cwd: Path = ROOT
) -> int | None:
    """Instructions run by the process (not its children), counted by valgrind's cachegrind
    without its cache simulation; None where valgrind is not installed. About 20 × slower than
    the process itself, and the same count on every run: one run is enough."""
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        return None
    done = subprocess.run(
        [valgrind, "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
         *command],
        cwd=cwd, env=env or with_pyc(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        text=True, encoding="utf-8", errors="replace", check=False,
    )
    found = re.search(r"I\s+refs:\s+([\d,]+)", done.stderr)
    if done.returncode not in (0, 1) or found is None:
        raise RuntimeError(f"valgrind {' '.join(command)} → {done.returncode}\n"
                           f"{done.stderr[-2000:]}")
    return int(found[1].replace(",", ""))


def millions(count: int) -> str:
    """«916,7 млн»: an instruction count for people."""
    return f"{count / 1e6:,.1f} млн".replace(",", " ").replace(".", ",")


def prepare(script: Path, *args: object) -> str:
    """Run a preparing step in a process of its own (the benchmark's own memory stays small:
    a child inherits its parent's peak memory in its rusage); its printed output."""
    done = subprocess.run(
        [sys.executable, str(script), *map(str, args)],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )
    return done.stdout.strip()


def interleaved(
    jobs: dict[str, Sequence[str]],
    runs: int,
    env: dict[str, dict[str, str]] | None = None,
    seed: int = 13,
    before: dict[str, Sequence[str]] | None = None,
) -> dict[str, Series]:
    """``runs`` rounds; in each, every job once, in a fresh shuffled order.

    ``before`` maps a job to a command run (untimed) just before it, e.g. a build that the
    timed no-change rebuild needs."""
    rnd = random.Random(seed)
    found = {name: Series() for name in jobs}
    env = env or {}
    before = before or {}
    for _ in range(runs):
        order = list(jobs)
        rnd.shuffle(order)
        for name in order:
            if name in before:
                run(before[name], env.get(name))
            found[name].samples.append(run(jobs[name], env.get(name)))
    return found


def machine_line() -> str:
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    return f"Машина: ядер {os.cpu_count()}, load average {load} (при нагрузке цифры шумят)"


def noise_line(series: dict[str, Series], what: str = "cpu") -> str:
    spreads = sorted(s.spread(what) for s in series.values() if len(s.samples) > 1)
    if not spreads:
        return ""
    label = "процессорному" if what == "cpu" else "настенному"
    middle = statistics.median(spreads)
    return (
        f"Шум по {label} времени, (макс − мин) / медиана: обычно {middle:.0%}, "
        f"худший {spreads[-1]:.0%}"
    )


def grouped(number: int) -> str:
    """«10 000»: digits grouped by a space."""
    return f"{number:,}".replace(",", " ")


def verdict(ok: bool) -> str:
    return "да " if ok else "НЕТ"
