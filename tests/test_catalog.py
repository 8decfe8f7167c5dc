"""The phrase catalogs: one per language the coach speaks, every key in every language,
the same placeholders, and tables that are whole (numbers to 100, ordinals, patterns)."""

from __future__ import annotations

import re
import string
from typing import Any

import pytest

from audio_builder.catalog import catalog, catalog_codes
from audio_builder.languages import LANGUAGES

OTHERS = [code for code in LANGUAGES if code != "en"]
WORD_TABLES = {"spoken.units", "reading.number_words"}  # keyed by the language's own words
WORD_LISTS = ("reading.", "sections.", "variations.", "equipment.")


def leaves(data: Any, path: str = "") -> dict[str, Any]:
    """Every entry by dotted key; a table's entries, not the table (but a table keyed by
    the language's words is one entry)."""
    if isinstance(data, dict) and path not in WORD_TABLES:
        found: dict[str, Any] = {}
        for key, value in data.items():
            found.update(leaves(value, f"{path}.{key}" if path else key))
        return found
    return {path: data}


def placeholders(value: Any) -> set[str]:
    texts = value if isinstance(value, list) else [value]
    return {
        field
        for text in texts
        if isinstance(text, str)
        for _, field, _, _ in string.Formatter().parse(text)
        if field
    }


def test_a_catalog_for_every_language_the_coach_speaks():
    assert catalog_codes() == sorted(LANGUAGES)


@pytest.mark.parametrize("code", OTHERS)
def test_every_key_in_every_language(code):
    english, other = leaves(catalog("en").data), leaves(catalog(code).data)

    assert sorted(other) == sorted(english)
    for key, value in english.items():
        assert type(other[key]) is type(value), key


@pytest.mark.parametrize("code", OTHERS)
def test_placeholders_match(code):
    english, other = leaves(catalog("en").data), leaves(catalog(code).data)

    for key, value in english.items():
        if key.startswith(WORD_LISTS):  # patterns and word lists, not phrases
            continue
        if re.fullmatch(r"units\.\w+\.one", key):  # "un segundo": the one may be a word
            assert placeholders(other[key]) <= placeholders(value), key
        else:
            assert placeholders(other[key]) == placeholders(value), key


@pytest.mark.parametrize("code", sorted(LANGUAGES))
def test_numbers_ordinals_and_units_are_whole(code):
    words = catalog(code)
    numbers = words.text("words.numbers")

    assert len(numbers) >= 101 and all(numbers) and len(set(numbers)) == len(numbers)
    assert len(words.text("words.ordinals")) == len(words.text("words.ordinals_feminine")) == 20
    assert words.amount("second", 30).startswith("30 ")
    assert words.amount("second", 1) != words.amount("second", 2)
    assert words.number(101) == "101"  # beyond the table: digits, never a gap


@pytest.mark.parametrize("code", sorted(LANGUAGES))
def test_patterns_compile(code):
    reading = catalog(code).data["reading"]
    patterns = [value for value in reading.values() if isinstance(value, str)]
    assert len(patterns) == 51
    for pattern in patterns:
        re.compile(pattern)
    for pattern, _ in catalog(code).text("spoken.abbreviations"):
        re.compile(pattern)


@pytest.mark.parametrize(
    ("code", "seconds", "said"),
    [
        ("en", 90, "1 minute 30 seconds"),
        ("es", 90, "un minuto y 30 segundos"),
        ("de", 60, "eine Minute"),
        ("fr", 45, "45 secondes"),
        ("es", 1, "un segundo"),
    ],
)
def test_durations(code, seconds, said):
    assert catalog(code).duration(seconds) == said


@pytest.mark.parametrize(
    ("code", "number", "said"),
    [
        ("en", 21, "twenty-one"),
        ("es", 22, "veintidós"),
        ("de", 21, "einundzwanzig"),
        ("fr", 71, "soixante et onze"),
        ("fr", 80, "quatre-vingts"),
        ("es", 100, "cien"),
    ],
)
def test_number_words(code, number, said):
    assert catalog(code).number(number) == said


def test_listing():
    assert catalog("es").listing(["sentadilla", "zancada", "puente"]) == (
        "sentadilla, zancada y puente"
    )
    assert catalog("de").listing(["Kniebeuge"]) == "Kniebeuge"


def test_a_name_that_opens_with_the_phrase_s_word_before_it_says_it_once():
    words = catalog("en")
    assert words.say("coach.done", title="The Row") == "Nice work — that's the Row done."
    assert words.say("coach.done", title="Theraband Row") == (
        "Nice work — that's the Theraband Row done."
    )
