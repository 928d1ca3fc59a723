"""R603: words the Russian dictionary does not know (an opt-in rule: it loads the dictionary)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from shnor_docs.checks.context import Context
from shnor_docs.checks.core import Finding, check
from shnor_docs.checks.vocabulary import known_stem
from shnor_docs.morphology import analyser


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Words, years glued to «года», ends of sentences: compiled when the opt-in rule runs (the
    word pattern alone costs a check's start-up 9 ms)."""
    return (
        re.compile(r"(?<![\w-])([А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*)(?![\w-])"),
        re.compile(r"(?<![\w.])(\d{4})(года|году|годы|гг?\.?)(?![а-яё])"),
        re.compile(r"(?:^|[.!?…:;]\s+|\n\s*[-*+]?\s*|[«(„\"]\s*)$"),
    )


def _known(word: str, extra: set[str]) -> bool:
    lower = word.lower().replace("ё", "е")
    if known_stem(lower) or lower in extra:
        return True
    if any(lower.startswith(stem[:-1]) for stem in extra if stem.endswith("*")):
        return True
    return analyser().word_is_known(lower)


def _unknown_words(text: str, extra: set[str]) -> Iterator[str]:
    """Words of ``text`` the dictionary does not know; abbreviations and names are skipped."""
    word_pattern, _, sentence_end = _patterns()
    for match in word_pattern.finditer(text):
        word = match.group(1)
        if word.isupper() and len(word) > 1:
            continue  # an abbreviation: R601's business
        starts_sentence = bool(sentence_end.search(text[: match.start()]))
        if word[0].isupper() and not starts_sentence:
            continue  # a proper name in the middle of a sentence
        parts = word.split("-")
        if not all(_known(part, extra) for part in parts if len(part) > 1):
            yield word


@check("R603", "unknown-word", "info", default=False)
def unknown_word(ctx: Context) -> Iterator[Finding]:
    """Слово, которого нет в словаре русского языка, — возможно, опечатка.

    Проверяются все тексты документов. Сокращения (их проверяет R601) и имена собственные
    внутри предложения пропускаются. Верные слова, которых нет в словаре (фамилии, названия,
    термины), перечисляются в ``checks.known_words`` (можно основой: ``неуспешн*``). Правило
    загружает словарь (около 0,2 с), поэтому включается явно: ``checks: {rules:
    {unknown-word: info}}`` или ``shnor check --select R603``.

    **Плохо**::

        - доля (%) высокобальников ЕГЭ за 2 года

    **Хорошо**::

        - доля (%) высокобалльников ЕГЭ за 2 года
    """
    extra = {w.lower().replace("ё", "е") for w in ctx.config.known_words}
    for path, text in ctx.texts:
        for glued in _patterns()[1].finditer(text):
            yield Finding(f"пропущен пробел: «{glued.group(0)}» (нужно «{glued.group(1)} "
                          f"{glued.group(2)}»)", path)
        for word in dict.fromkeys(_unknown_words(text, extra)):
            yield Finding(f"слова «{word}» нет в словаре: опечатка? Если слово верное, "
                          "добавьте его в checks.known_words", path)
