"""The words a document is read by, in its language: the verbs of each phase, the
fillers and lead clauses to skip, and the patterns that tell how an exercise is worked
(its catalog's ``reading`` table, compiled once)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

from audio_builder.catalog import catalog
from audio_builder.languages import LANGUAGES

Kind = Literal["setup", "up", "hold", "down", "transition"]
KINDS: tuple[Kind, ...] = ("setup", "up", "hold", "down", "transition")
WORD = r"[^\W\d_]+"  # a word in any language's letters


@dataclass(frozen=True)
class Vocabulary:
    verbs: dict[str, Kind]
    reversing: frozenset[str]  # "return": the opposite of the phase before
    holding: frozenset[str]  # "hold": a position, or an object when one follows
    fillers: frozenset[str]  # "slowly", "then": skipped before the verb
    numbers: dict[str, float]  # "a", "two": in stated durations
    past: dict[str, str]  # "drove" -> "drive": a session written up afterwards
    limbs: dict[str, str]  # a limb's word -> "leg" or "arm"
    only_words: frozenset[str]  # "only your": around a side's name in "only your operated leg"
    patterns: dict[str, re.Pattern[str]]
    up: str  # the cues of a rep whose steps could not be read
    lower: str

    def __getitem__(self, name: str) -> re.Pattern[str]:
        return self.patterns[name]


@cache
def vocabulary(lang: str) -> Vocabulary:
    words = catalog(lang)
    reading = words.data["reading"]
    return Vocabulary(
        verbs={verb: kind for kind in KINDS for verb in reading[kind]},
        reversing=frozenset(reading["reversing"]),
        holding=frozenset(reading["holding"]),
        fillers=frozenset(reading["fillers"]),
        numbers={word: float(n) for word, n in reading["number_words"].items()},
        past=dict(pair.split() for pair in reading["past"]),
        limbs={word: limb for limb, names in reading["limbs"].items() for word in names},
        only_words=frozenset(reading["only_words"]),
        patterns={
            key: re.compile(value, re.IGNORECASE | re.MULTILINE)
            for key, value in reading.items()
            if isinstance(value, str)
        },
        up=words.say("coach.up"),
        lower=words.say("coach.lower"),
    )


@cache
def instruction_verbs() -> frozenset[str]:
    """Every language's verbs of a movement: a line that opens with one says what to do."""
    return frozenset(
        verb
        for code in LANGUAGES
        for verb in (*vocabulary(code).verbs, *vocabulary(code).reversing)
    )
