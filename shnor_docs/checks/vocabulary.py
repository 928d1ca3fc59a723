"""Words of education documents that are right but missing from the general dictionary.

Stems, lower case, «ё» as «е»: a word is known when it starts with one of them.
"""

from __future__ import annotations

EDUCATION_STEMS = (
    "буллинг",
    "вебинар",
    "взаимопосещ",
    "внутришкольн",
    "высокобалльник",
    "инофон",
    "кибербуллинг",
    "медиатор",
    "метапредметн",
    "надпредметн",
    "неуспевающ",
    "неуспешн",
    "низкорезультативн",
    "психолого",
    "профориентацион",
    "самодиагностик",
    "самообследован",
    "слабоуспевающ",
    "тьютор",
    "управленческ",
    "цифровизац",
    "эффективност",
)


def known_stem(word: str) -> bool:
    """Whether ``word`` (lower case) is one of the education words."""
    return word.startswith(EDUCATION_STEMS)
