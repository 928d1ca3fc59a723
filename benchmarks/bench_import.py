"""Замер импорта: приказ с дорожной картой на 500 мероприятий из DOCX в спецификацию.

Запуск: ``python benchmarks/bench_import.py [--rows 500] [--runs 7]``. Программа Мещовска с
сгенерированной дорожной картой (``generate.py``) собирается в DOCX, и этот документ
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

from generate import make_programme

from shnor_docs.build import build_programme
from shnor_docs.importing import import_document

TARGET_S = 2.0


def read_only(source: Path) -> int:
    """The yardstick: python-docx opens the DOCX and reads the text of every paragraph and
    table cell, the least an import must do."""
    import docx

    document = docx.Document(str(source))
    size = sum(len(p.text) for p in document.paragraphs)
    for table in document.tables:
        for row in table.rows:
            size += sum(len(cell.text) for cell in row.cells)
    return size


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
        times, reads = [], []
        for run in range(args.runs):  # interleaved: a load on the machine hits both alike
            start = time.perf_counter()
            result = import_document(source, base / f"run-{run}")
            times.append(time.perf_counter() - start)
            assert result.problems == [], result.problems
            start = time.perf_counter()
            read_only(source)
            reads.append(time.perf_counter() - start)
        size = source.stat().st_size // 1024
    median, yardstick = statistics.median(times), statistics.median(reads)
    print(f"Импорт DOCX ({size} КБ, {args.rows} мероприятий), повторов: {args.runs}; {plan}")
    print(f"  первый импорт в процессе (со словарём pymorphy3): {cold:.2f} с")
    print(f"  медиана {median:.2f} с, минимум {min(times):.2f} с, максимум {max(times):.2f} с")
    print(f"  мерило — python-docx читает тот же файл, абзацы и ячейки: медиана {yardstick:.2f} с;"
          f" импорт дольше в {median / yardstick:.1f} раза")
    verdict = "уложились" if median < TARGET_S else "НЕ уложились"
    print(f"  цель — меньше {TARGET_S:.0f} с: {verdict}")


if __name__ == "__main__":
    main()
