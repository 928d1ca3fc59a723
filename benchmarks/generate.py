"""Programmes for the benchmarks: the seed programme with a generated roadmap of any size, and a
region of seed-size copies.

A roadmap is written in files of :data:`FILE_ACTIVITIES` activities (about 1 MB each), the
first as ``roadmap.yaml`` and the rest continuing its sections: no file comes near the 5 MB limit
of a spec file, even at 20,000 activities.
"""

from __future__ import annotations

import random
import shutil
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "programmes" / "meshchovsk"
SECTION_SIZE = 50
FILE_ACTIVITIES = 2000

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
    "январь", "февраль", "март", "апрель", "май", "июнь",
    "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь",
)  # fmt: skip


def deadline_text(rnd: random.Random) -> str:
    """A deadline as plans write them: «январь 2023 г.», «Февраль - март 2023 г.» …"""
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
    """One activity: a title of about 120 characters, a deadline, 1–3 parties, a result."""
    return {
        "title": f"{rnd.choice(ACTIONS)} {rnd.choice(SUBJECTS)} {rnd.choice(AUDIENCES)}",
        "deadline": deadline_text(rnd),
        "responsible": rnd.sample(parties, rnd.randint(1, 3)),
        "result": rnd.choice(RESULTS),
    }


def sections(count: int, parties: list[str]) -> list[dict[str, Any]]:
    rnd = random.Random(count)
    found = []
    for start in range(0, count, SECTION_SIZE):
        size = min(SECTION_SIZE, count - start)
        title = f"{SECTION_TITLES[len(found) % len(SECTION_TITLES)]} (этап {len(found) + 1})"
        found.append({"title": title, "activities": [activity(rnd, parties) for _ in range(size)]})
    return found


def make_programme(base: Path, count: int) -> Path:
    """The seed's programme.yaml and parties.yaml with a roadmap of ``count`` activities, split
    into files of :data:`FILE_ACTIVITIES`."""
    folder = base / f"bench-{count}"
    folder.mkdir(parents=True)
    shutil.copy(SEED / "parties.yaml", folder / "parties.yaml")
    registry = yaml.safe_load((SEED / "parties.yaml").read_text(encoding="utf-8"))
    parties = [party["id"] for party in registry["parties"]]
    per_file = FILE_ACTIVITIES // SECTION_SIZE
    all_sections = sections(count, parties)
    names = []
    for index in range(0, len(all_sections), per_file):
        name = "roadmap.yaml" if index == 0 else f"roadmap-{index // per_file + 1}.yaml"
        chunk = {"roadmap": {"sections": all_sections[index : index + per_file]}}
        text = yaml.safe_dump(chunk, allow_unicode=True, sort_keys=False, width=1000)
        (folder / name).write_text(text, encoding="utf-8")
        names.append(name)
    spec = (SEED / "programme.yaml").read_text(encoding="utf-8")
    include = "include: [parties.yaml, roadmap.yaml]"
    assert include in spec, "the seed's include line changed"
    spec = spec.replace(include, f"include: [parties.yaml, {', '.join(names)}]")
    (folder / "programme.yaml").write_text(spec, encoding="utf-8")
    return folder


def make_region(base: Path, count: int) -> Path:
    """``count`` seed-size programmes: copies of the seed, each under its own name."""
    region = base / "region"
    for index in range(count):
        target = region / f"rayon-{index:03d}"
        shutil.copytree(SEED, target)
        spec = target / "programme.yaml"
        spec.write_text(spec.read_text(encoding="utf-8") + f"\n# район {index}\n", "utf-8")
    return region


def main(argv: list[str]) -> None:
    """``programme BASE COUNT`` or ``region BASE COUNT``: make it, print its folder. The
    benchmarks run this in a process of its own, so that their own memory stays small (a child
    process inherits its parent's peak memory in its rusage)."""
    kind, base, count = argv
    make = make_programme if kind == "programme" else make_region
    print(make(Path(base), int(count)))


if __name__ == "__main__":
    main(sys.argv[1:])
