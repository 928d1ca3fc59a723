"""Замер импорта: приказ с дорожной картой на 500 мероприятий из DOCX в спецификацию.

Запуск: ``python benchmarks/bench_import.py [--rows 500] [--runs 7]``. Программа Мещовска с
сгенерированной дорожной картой (как в ``bench_build.py``) собирается в DOCX, и этот документ
импортируется несколько раз, каждый раз в новую папку, как ``shnor import``: чтение, распознавание,
запись YAML и проверка загрузкой. Печатает медиану и разброс; цель — меньше 2 с на 500 строк.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_build import make_programme

from shnor_docs.build import build_programme
from shnor_docs.importing import import_document

TARGET_S = 2.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=500, help="мероприятий в дорожной карте")
    parser.add_argument("--runs", type=int, default=7, help="повторов импорта")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="shnor-bench-import-") as tmp:
        base = Path(tmp)
        folder = make_programme(base, args.rows)
        built = build_programme(folder, base / "build", {"docx"})
        source = built.folder / "prikaz.docx"
        start = time.perf_counter()
        first = import_document(source, base / "warm")
        cold = time.perf_counter() - start
        plan = next(line for line in first.report.found if line.startswith("план"))
        times = []
        for run in range(args.runs):
            start = time.perf_counter()
            result = import_document(source, base / f"run-{run}")
            times.append(time.perf_counter() - start)
            assert result.problems == [], result.problems
        size = source.stat().st_size // 1024
    median = statistics.median(times)
    print(f"Импорт DOCX ({size} КБ, {args.rows} мероприятий), повторов: {args.runs}; {plan}")
    print(f"  первый импорт в процессе (со словарём pymorphy3): {cold:.2f} с")
    print(f"  медиана {median:.2f} с, минимум {min(times):.2f} с, максимум {max(times):.2f} с")
    verdict = "уложились" if median < TARGET_S else "НЕ уложились"
    print(f"  цель — меньше {TARGET_S:.0f} с: {verdict}")


if __name__ == "__main__":
    main()
