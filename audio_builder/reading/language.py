"""Which of the coach's languages a document is written in when it does not say: a text
is full of its language's commonest short words ("le", "und", "con")."""

from __future__ import annotations

import re
from functools import cache

from audio_builder.catalog import catalog
from audio_builder.languages import DEFAULT_LANGUAGE, LANGUAGES

MIN_WORDS = 8  # a few words in passing ("mise en place") name no language


def written_in(text: str) -> str | None:
    """The language other than English a text is clearly written in: its common words
    at least ``MIN_WORDS`` and twice those of any other language; None for English, a
    mix or too little text."""
    words = re.findall(r"[^\W\d_]+", text.lower())
    hits = {code: sum(word in common for word in words) for code, common in _common().items()}
    best = max(hits, key=hits.__getitem__)
    others = max(count for code, count in hits.items() if code != best)
    clear = hits[best] >= MIN_WORDS and hits[best] >= 2 * others
    return best if clear and best != DEFAULT_LANGUAGE else None


@cache
def _common() -> dict[str, frozenset[str]]:
    return {code: frozenset(catalog(code).text("spoken.function_words")) for code in LANGUAGES}
