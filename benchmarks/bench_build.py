"""Замеры сборки документов: загрузка, проверки, контекст, DOCX, HTML на программах разного размера.

Запуск: ``python benchmarks/bench_build.py [--quick]``. Печатает медианы секунд по этапам для
программ из ``programmes/`` и для сгенерированных дорожных карт на 100, 1 000 и 10 000
мероприятий, сравнивает DOCX дорожной карты с «голым» docxtpl и сводит результат с целями.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import io
import os
import random
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

import yaml
from docxtpl import DocxTemplate
from markupsafe import Markup

from shnor_docs.build import render_files
from shnor_docs.render import docx as docx_render
from shnor_docs.render.context import build_context
from shnor_docs.render.templates import TemplateSet
from shnor_docs.spec.load import load_programme

ROOT = Path(__file__).resolve().parent.parent
PROGRAMMES = ROOT / "programmes"
SEED = PROGRAMMES / "meshchovsk"
ROADMAP_TEMPLATE = "dorozhnaya-karta.docx"
SECTION_SIZE = 50
AS_OF = dt.date(2023, 6, 1)
STAGES = ("load", "checks", "context", "docx", "html", "total")
STAGE_RU = {
    "load": "загрузка",
    "checks": "проверки",
    "context": "контекст",
    "docx": "DOCX",
    "html": "HTML",
    "total": "итого",
}
TARGET_SEED_S = 1.0
TARGET_1000_S = 2.0
TARGET_RATIO = 1.5
LINEAR_SLACK = 1.25

ACTIONS = (
    "Проведение методических семинаров",
    "Организация адресной помощи педагогам",
    "Мониторинг образовательных результатов",
    "Разработка индивидуальных маршрутов",
    "Взаимопосещение уроков учителей",
    "Совещание с руководителями школ",
    "Анализ результатов ВПР и диагностических работ",
    "Курсы повышения квалификации учителей",
)
SUBJECTS = (
    "по русскому языку и математике",
    "по формированию функциональной грамотности",
    "по подготовке к итоговой аттестации",
    "по работе с неуспевающими обучающимися",
    "по организации внеурочной деятельности",
    "по введению обновлённых ФГОС ООО",
)
AUDIENCES = (
    "в 5–9 классах школ с низкими результатами",
    "в школах с неблагоприятными социальными условиями",
    "с участием школ-партнёров и методических объединений",
    "на базе муниципального ресурсного центра",
    "с привлечением специалистов института развития образования",
)
RESULTS = (
    "Аналитическая справка по итогам мониторинга, адресные рекомендации школам",
    "Повышение доли обучающихся, справившихся с ВПР, не менее чем на 5 процентных пунктов",
    "Протокол совещания, план устранения выявленных дефицитов",
    "Скорректированные рабочие программы учебных предметов",
    "Не менее 80 процентов педагогов прошли обучение, удостоверения о повышении квалификации",
)
SECTION_TITLES = (
    "Организационно-управленческие мероприятия",
    "Методическое сопровождение педагогических работников",
    "Мониторинг и оценка качества образования",
    "Работа с обучающимися и родителями (законными представителями)",
)
MONTHS = (
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
)


@dataclass
class Row:
    """Медианы одного размера программы: секунды по этапам."""

    name: str
    activities: int
    runs: int
    median: dict[str, float] = field(default_factory=dict)


# --- генерация программ ------------------------------------------------------------------------


def deadline_text(rnd: random.Random) -> str:
    """Срок как пишут в дорожных картах: «январь 2023 г.», «Февраль - март 2023 г.» и т. п."""
    first = rnd.randrange(11)
    kind = rnd.randrange(4)
    if kind == 0:
        return f"{MONTHS[first].capitalize()} 2023 г."
    if kind == 1:
        return "В течение 2023 г." if rnd.random() < 0.5 else "в течение 2023 года"
    if kind == 2:
        last = rnd.randrange(first + 1, 12)
        return f"{MONTHS[first].capitalize()} - {MONTHS[last]} 2023 г."
    return f"{MONTHS[first]} 2023 г."


def activity(rnd: random.Random, parties: list[str]) -> dict[str, Any]:
    """Одно мероприятие: заголовок ~120 знаков, срок, 1–3 ответственных, результат."""
    title = f"{rnd.choice(ACTIONS)} {rnd.choice(SUBJECTS)} {rnd.choice(AUDIENCES)}"
    return {
        "title": title,
        "deadline": deadline_text(rnd),
        "responsible": rnd.sample(parties, rnd.randint(1, 3)),
        "result": rnd.choice(RESULTS),
    }


def roadmap_data(count: int, parties: list[str]) -> dict[str, Any]:
    rnd = random.Random(count)
    sections = []
    for start in range(0, count, SECTION_SIZE):
        size = min(SECTION_SIZE, count - start)
        title = f"{SECTION_TITLES[len(sections) % len(SECTION_TITLES)]} (этап {len(sections) + 1})"
        rows = [activity(rnd, parties) for _ in range(size)]
        sections.append({"title": title, "activities": rows})
    return {"roadmap": {"sections": sections}}


def make_programme(base: Path, count: int) -> Path:
    """Папка программы: programme.yaml и parties.yaml Мещовска, roadmap.yaml на ``count`` строк."""
    folder = base / f"bench-{count}"
    folder.mkdir()
    for name in ("programme.yaml", "parties.yaml"):
        shutil.copy(SEED / name, folder / name)
    registry = yaml.safe_load((SEED / "parties.yaml").read_text(encoding="utf-8"))
    parties = [party["id"] for party in registry["parties"]]
    text = yaml.safe_dump(
        roadmap_data(count, parties), allow_unicode=True, sort_keys=False, width=1000
    )
    (folder / "roadmap.yaml").write_text(text, encoding="utf-8")
    return folder


# --- этапы сборки -------------------------------------------------------------------------------


def find_checks() -> Callable[[Any], object] | None:
    """Функция «прогнать все правила» или None, если проверки ещё не готовы."""
    try:
        from shnor_docs import checks
        from shnor_docs.checks.config import settings_for

        run = getattr(checks, "run_checks", None)
        if run is None:
            from shnor_docs.checks.runner import run_checks as run
    except Exception as exc:
        print(f"Примечание: проверки пропущены, shnor_docs.checks не импортируется ({exc}).")
        return None

    def run_all(spec: Any) -> object:
        settings = settings_for(spec, None, None, set())
        return run(spec, AS_OF, settings.config, settings.levels)

    return run_all


def build_once(folder: Path, checks: Callable[[Any], object] | None) -> dict[str, float]:
    """Одна сборка как ``shnor build`` (без записи на диск) с проверками: секунды этапов."""
    gc.collect()  # мусор прошлого повтора не должен попадать в этот
    timings: dict[str, float] = {}
    begin = time.perf_counter()
    spec = load_programme(folder)
    timings["load"] = time.perf_counter() - begin
    if checks is not None:
        start = time.perf_counter()
        checks(spec)
        timings["checks"] = time.perf_counter() - start
    render_files(spec, {"docx", "html"}, timings)
    timings["total"] = time.perf_counter() - begin
    return timings


def measure(name: str, folder: Path, runs: int, checks: Callable[[Any], object] | None) -> Row:
    samples = [build_once(folder, checks) for _ in range(runs)]
    spec = load_programme(folder)
    count = len(spec.roadmap.activities()) if spec.roadmap else 0
    row = Row(name, count, runs)
    for stage in STAGES:
        values = [sample[stage] for sample in samples if stage in sample]
        if values:
            row.median[stage] = statistics.median(values)
    return row


# --- DOCX дорожной карты: наш против голого docxtpl ------------------------------------------


def _xml_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _plain(rich: Any) -> str:
    return " ".join(block.text for block in rich.blocks)


def plain_rows(ctx: dict[str, Any]) -> list[dict[str, Any]]:
    """Разделы и строки дорожной карты простыми строками (готовится вне замера)."""
    keys = ("number", "deadline", "responsible")
    return [
        {
            "heading": section["heading"],
            "activities": [
                {
                    **{k: a[k] for k in keys},
                    "title": _plain(a["title"]),
                    "result": _plain(a["result"]),
                }
                for a in section["activities"]
            ],
        }
        for section in ctx["roadmap"]["sections"]
    ]


def _para(text: str) -> Markup:
    return Markup(
        f'<w:p><w:pPr><w:pStyle w:val="ShnorCell"/></w:pPr>'
        f'<w:r><w:t xml:space="preserve">{_xml_text(text)}</w:t></w:r></w:p>'
    )


def bare_docx(path: Any, heading: str, sections: list[dict[str, Any]]) -> bytes:
    """Голый docxtpl: те же строки, абзацы ``{{p}}`` — простейший ``<w:p>``, save в BytesIO."""
    rows = [
        {
            "heading": _xml_text(s["heading"]) if s["heading"] else None,
            "activities": [
                {
                    **{k: _xml_text(a[k]) for k in ("number", "deadline", "responsible")},
                    "title": _para(a["title"]),
                    "result": _para(a["result"]),
                }
                for a in s["activities"]
            ],
        }
        for s in sections
    ]
    tpl = DocxTemplate(path)
    tpl.render({"roadmap": {"heading": _para(heading), "sections": rows}})
    buffer = io.BytesIO()
    tpl.save(buffer)
    return buffer.getvalue()


def our_docx(templates: TemplateSet, ctx: dict[str, Any], meta: dict[str, Any]) -> bytes:
    """Наш путь для dorozhnaya-karta.docx: docx_context, render, доводка и сохранение."""
    tpl = docx_render.render(templates.find(ROADMAP_TEMPLATE), docx_render.docx_context(ctx))
    return docx_render._finish(tpl, ctx, meta)


def timed(action: Callable[[], object]) -> float:
    gc.collect()
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def compare_roadmap(folder: Path, runs: int) -> tuple[float, float]:
    """Медианы секунд: голый docxtpl и наш DOCX дорожной карты (поочерёдно, ``runs`` раз)."""
    spec = load_programme(folder)
    templates = TemplateSet(spec)
    ctx = build_context(spec)
    meta = {
        "date": spec.act.date if spec.act else spec.period.start,
        "form_overrides": spec.form.model_dump(include=spec.form.model_fields_set),
    }
    path = templates.find(ROADMAP_TEMPLATE).open()
    heading = _plain(ctx["roadmap"]["heading"])
    sections = plain_rows(ctx)
    bare, ours = [], []
    for _ in range(runs):
        bare.append(timed(lambda: bare_docx(path, heading, sections)))
        ours.append(timed(lambda: our_docx(templates, ctx, meta)))
    return statistics.median(bare), statistics.median(ours)


# --- печать -----------------------------------------------------------------------------------


def grouped(number: int) -> str:
    """«10 000»: разряды через пробел."""
    return f"{number:,}".replace(",", " ")


def per_thousand(row: Row) -> float | None:
    """Секунд всей сборки на 1 000 мероприятий (только для сгенерированных программ)."""
    return row.median["total"] / row.activities * 1000 if row.activities >= 100 else None


def slopes(generated: list[Row]) -> list[tuple[Row, Row, float]]:
    """Прирост секунд на каждые 1 000 добавленных мероприятий между соседними размерами."""
    pairs = pairwise(generated)
    return [
        (
            small,
            large,
            (large.median["total"] - small.median["total"])
            / (large.activities - small.activities)
            * 1000,
        )
        for small, large in pairs
    ]


def print_table(rows: list[Row]) -> None:
    stages = [s for s in STAGES if any(s in row.median for row in rows)]
    head = ["программа", "мер.", "N", *(STAGE_RU[s] for s in stages), "с/1000 мер."]
    lines = [head]
    for row in rows:
        cells = [row.name, grouped(row.activities), str(row.runs)]
        cells += [f"{row.median[s]:.3f}" if s in row.median else "—" for s in stages]
        rate = per_thousand(row)
        cells.append(f"{rate:.3f}" if rate is not None else "—")
        lines.append(cells)
    widths = [max(len(line[i]) for line in lines) for i in range(len(head))]
    for index, line in enumerate(lines):
        first = line[0].ljust(widths[0])
        rest = [cell.rjust(width) for cell, width in zip(line[1:], widths[1:], strict=True)]
        print("  ".join([first, *rest]))
        if index == 0:
            print("  ".join("-" * width for width in widths))


def print_slopes(generated: list[Row]) -> None:
    print("\nПрирост итого на каждые добавленные 1 000 мероприятий, с")
    for small, large, slope in slopes(generated):
        span = f"{grouped(small.activities)} → {grouped(large.activities)}"
        print(f"  {span:>16}  {slope:.3f}")


def print_ratios(ratios: dict[int, tuple[float, float]]) -> None:
    print("\nDOCX дорожной карты: голый docxtpl против нашего (медианы, с)")
    print(f"{'строк':>7}  {'голый':>8}  {'наш':>8}  {'наш/голый':>9}")
    for count, (bare, ours) in ratios.items():
        print(f"{grouped(count):>7}  {bare:>8.3f}  {ours:>8.3f}  {ours / bare:>8.2f}×")


# --- сводка ------------------------------------------------------------------------------------


def verdict(ok: bool) -> str:
    return "да " if ok else "НЕТ"


def linear_line(generated: list[Row]) -> str:
    """Рост линейный, если прирост на 1 000 мер. у крупных размеров ≤ 1,25× прироста у малых."""
    found = slopes(generated)
    if len(found) < 2:
        return "[ ? ] линейный рост: нужны три размера (запустите без --quick)"
    (_, _, first), (_, large, last) = found[-2], found[-1]
    ok = last <= first * LINEAR_SLACK
    return (
        f"[{verdict(ok)}] линейный рост: прирост на 1 000 мер. {first:.3f} с → {last:.3f} с "
        f"до {grouped(large.activities)}, ×{last / first:.2f} (порог ×{LINEAR_SLACK})"
    )


def print_summary(
    seeds: list[Row], generated: list[Row], ratios: dict[int, tuple[float, float]]
) -> None:
    print("\nСводка по целям")
    worst = max(seeds, key=lambda row: row.median["docx"] + row.median["html"])
    worst_s = worst.median["docx"] + worst.median["html"]
    print(
        f"[{verdict(worst_s < TARGET_SEED_S)}] программы из programmes/: DOCX+HTML < "
        f"{TARGET_SEED_S:g} с — худшая {worst.name}: {worst_s:.3f} с "
        f"(вся сборка {worst.median['total']:.3f} с)"
    )
    thousand = next((row for row in generated if row.activities == 1000), None)
    if thousand is not None:
        total = thousand.median["total"]
        print(
            f"[{verdict(total < TARGET_1000_S)}] 1 000 мероприятий: итого {total:.3f} с "
            f"< {TARGET_1000_S:g} с"
        )
    print(linear_line(generated))
    for count, (bare, ours) in ratios.items():
        print(
            f"[{verdict(ours / bare <= TARGET_RATIO)}] наш DOCX дорожной карты на "
            f"{grouped(count)} строк: ×{ours / bare:.2f} к голому docxtpl "
            f"(цель ≤ ×{TARGET_RATIO})"
        )


# --- запуск ------------------------------------------------------------------------------------


def plan(quick: bool) -> tuple[list[int], Callable[[int], int]]:
    sizes = [100, 1000] if quick else [100, 1000, 10000]
    if quick:
        return sizes, lambda count: 3 if count <= 1000 else 1
    return sizes, lambda count: 5 if count <= 1000 else 3


def warm_up(checks: Callable[[Any], object] | None) -> None:
    """Первая сборка грузит словари и модули; её время — отдельно, в медианы не входит."""
    cold = build_once(SEED, checks)["total"]
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"Машина: ядер {os.cpu_count()}, load average {load} (при нагрузке цифры шумят)")
    print(f"Холодный старт (первая сборка {SEED.name}, вне медиан): {cold:.3f} с\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="3/1 повтора, без 10 000")
    quick = parser.parse_args().quick
    sizes, runs_for = plan(quick)
    checks = find_checks()
    warm_up(checks)
    seed_folders = sorted(p.parent for p in PROGRAMMES.glob("*/programme.yaml"))
    seeds = [measure(f.name, f, runs_for(0), checks) for f in seed_folders]
    with tempfile.TemporaryDirectory(prefix="shnor-bench-") as tmp:
        folders = {count: make_programme(Path(tmp), count) for count in sizes}
        generated = [measure(f.name, f, runs_for(n), checks) for n, f in folders.items()]
        ratios = {n: compare_roadmap(folders[n], runs_for(n)) for n in sizes if n >= 1000}
    print("Медианы по этапам, с (сборка в памяти, DOCX — все файлы программы)")
    print_table(seeds + generated)
    print_slopes(generated)
    print_ratios(ratios)
    print_summary(seeds, generated, ratios)


if __name__ == "__main__":
    main()
