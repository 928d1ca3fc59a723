"""The rules' documentation, generated from the registry: a table and ``docs/rules.md``."""

from __future__ import annotations

import re

from shnor_docs.checks import LEVEL_RU, REGISTRY
from shnor_docs.checks.core import Rule, plain

INTRO = """\
# Правила проверки `shnor check`

Этот файл создан командой `shnor rules --markdown > docs/rules.md` из описаний правил в коде;
не правьте его вручную. Тест проверяет, что он актуален.

Каждое правило имеет постоянный код и имя. Уровень: **ошибка** (`error`) — `shnor check`
завершается с кодом 1; **предупреждение** (`warning`) — с кодом 1 только с `--strict`;
**информация** (`info`) — только для сведения.

Уровень правила меняется или правило отключается в `programme.yaml`:

```yaml
checks:
  rules: {R202: warning, stale-year: off}
  due_soon_days: 7
```

или для всего репозитория — в `shnor.toml` (или в `pyproject.toml` в разделе `[tool.shnor]`):

```toml
due_soon_days = 7
known_abbreviations = ["КГИРО"]

[rules]
R602 = "off"
overloaded-party = "warning"
```

Для одного элемента правило отключается комментарием на его строке или на первой строке
элемента списка (например, на строке `- title:` мероприятия); можно перечислить несколько
кодов через запятую и после них написать причину:

```yaml
- title: Аналитический отчёт по результатам ВПР 2020 года  # shnor: disable=R602 так в приказе
```

Комментарий, который ничего не отключает, отмечается правилом R900.
"""


def rules_table() -> str:
    """The rules as plain text: code, name, level, summary."""
    width = max(len(rule.name) for rule in REGISTRY)
    rows = [f"{'Код':<5} {'Имя':<{width}} {'Уровень':<14} Описание"]
    for rule in REGISTRY:
        rows.append(f"{rule.code:<5} {rule.name:<{width}} {LEVEL_RU[rule.level]:<14} "
                    f"{plain(rule.summary)}")
    return "\n".join(rows) + "\n"


def rule_text(rule: Rule) -> str:
    """One rule in full, for the terminal."""
    head = f"{rule.code} {rule.name} ({LEVEL_RU[rule.level]})"
    return f"{head}\n\n{plain_doc(rule)}\n"


def plain_doc(rule: Rule) -> str:
    """A rule's docstring as plain text: no ``code`` marks, no **bold**, «Плохо:» not «::»."""
    return plain(rule.doc).replace("**", "").replace("::", ":")


def rules_markdown() -> str:
    """``docs/rules.md``: the introduction, a table of the rules, then each rule in full."""
    out = [INTRO, "## Список правил", "", "| Код | Имя | Уровень | Описание |",
           "| --- | --- | --- | --- |"]
    for rule in REGISTRY:
        anchor = f"{rule.code.lower()}-{rule.name}"
        out.append(f"| [{rule.code}](#{anchor}) | `{rule.name}` | {LEVEL_RU[rule.level]} | "
                   f"{_inline(rule.summary)} |")
    for rule in REGISTRY:
        out += ["", f"## {rule.code} {rule.name}", "", rule_markdown(rule)]
    return "\n".join(out).rstrip() + "\n"


def rule_markdown(rule: Rule) -> str:
    """One rule's documentation in Markdown: its default level, then its docstring."""
    level = f"Уровень по умолчанию: **{LEVEL_RU[rule.level]}** (`{rule.level}`)."
    return f"{level}\n\n{_markdown(rule.doc)}"


def _inline(text: str) -> str:
    return text.replace("``", "`")


def _markdown(doc: str) -> str:
    """Docstring (reStructuredText-like) to Markdown: ``x`` → `x`, «…::» blocks → yaml fences."""
    out: list[str] = []
    lines = doc.splitlines()
    i = 0
    while i < len(lines):
        current = lines[i]
        if current.rstrip().endswith("::"):
            out += [_inline(current.rstrip()[:-1]), "", "```yaml"]
            i += 1
            block: list[str] = []
            while i < len(lines) and (not lines[i].strip() or lines[i].startswith(" ")):
                block.append(lines[i])
                i += 1
            indent = min((len(b) - len(b.lstrip()) for b in block if b.strip()), default=0)
            out += [b[indent:] for b in _trim(block)] + ["```", ""]
            continue
        out.append(_inline(current))
        i += 1
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip()


def _trim(block: list[str]) -> list[str]:
    while block and not block[0].strip():
        block = block[1:]
    while block and not block[-1].strip():
        block = block[:-1]
    return block
