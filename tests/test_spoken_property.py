"""Nothing unspeakable reaches the voice: for any document, every spoken cue holds only
letters of its language's script, digits, spaces and sentence punctuation."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from conftest import spoken_lines
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from audio_builder.coaching.coach import coach
from audio_builder.errors import DocumentError
from audio_builder.reading.document import parse
from audio_builder.reading.spoken import SPOKEN_PUNCTUATION
from audio_builder.settings import DEFAULTS

SHORTHAND = st.sampled_from(
    [
        "3 x 10",
        "~45 cm",
        "RPE 7",
        "10-12",
        "x3",
        "2×",
        "a/b",
        "&",
        "+",
        "50%",
        "🏋️",
        "💪🏽",
        "<b>",
        "`code`",
        "#",
        "*",
        "_",
        "[x]",
        "½",
        "°",
        "→",
        "™",
        "²",
        "\u0301",
        "\u200d",
        "ストレッチ",
        "한쪽",
        "Привет",
        "٣",
    ]
)
WORDS = st.lists(st.one_of(SHORTHAND, st.text(min_size=1, max_size=12)), min_size=1, max_size=8)


def _sayable(char: str) -> bool:
    """An English voice says Latin letters, the digits 0-9, spaces and pauses."""
    latin_letter = unicodedata.category(char)[0] == "L" and "LATIN" in unicodedata.name(char)
    return latin_letter or char in "0123456789 " or char in SPOKEN_PUNCTUATION


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=WORDS, steps=st.lists(WORDS, min_size=1, max_size=4), equipment=WORDS)
def test_every_spoken_cue_is_sayable(title, steps, equipment):
    body = "\n\n".join(f"### {' '.join(words)}\n{' '.join(words)} now." for words in steps)
    doc = (
        f"# {' '.join(title)}\n\n### Equipment\n- {' '.join(equipment)}\n\n"
        f"<!-- howto -->\n\n{body}\n"
    )
    try:
        exercise = parse(doc.encode(), Path("doc.md"))
    except DocumentError:
        assume(False)
    for text in spoken_lines(coach(exercise, DEFAULTS)):
        bad = [char for char in text if not _sayable(char)]
        assert not bad, (text, bad)
