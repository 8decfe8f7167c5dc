"""Read the movement out of the howto steps: which steps set up, which move, and
how long each phase of a rep lasts."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from audio_builder.document import Exercise, Step
from audio_builder.settings import DEFAULT_TEMPO, Tempo
from audio_builder.spoken import sentences

Kind = Literal["setup", "up", "hold", "down"]

VERBS: dict[str, Kind] = {
    **dict.fromkeys(
        [
            "get",
            "start",
            "begin",
            "stand",
            "lie",
            "sit",
            "kneel",
            "place",
            "position",
            "set",
            "grip",
            "grab",
            "brace",
            "engage",
            "tighten",
            "keep",
            "plant",
            "anchor",
            "loop",
            "assume",
            "face",
            "rest",
            "find",
            "hinge",
        ],
        "setup",
    ),
    **dict.fromkeys(
        [
            "lift",
            "raise",
            "kick",
            "press",
            "push",
            "drive",
            "extend",
            "curl",
            "pull",
            "jump",
            "rise",
            "straighten",
            "row",
            "reach",
            "thrust",
            "explode",
            "swing",
            "open",
            "stand-up",
            "climb",
            "step",
        ],
        "up",
    ),
    **dict.fromkeys(["squeeze", "pause", "hold", "contract", "stay"], "hold"),
    **dict.fromkeys(
        [
            "lower",
            "return",
            "release",
            "bend",
            "sink",
            "descend",
            "drop",
            "reverse",
            "relax",
            "close",
            "come",
        ],
        "down",
    ),
}
_CYCLE: tuple[Kind, ...] = ("up", "hold", "down")  # a step may go on to later phases
_FILLERS = set(
    [
        "slowly",
        "gently",
        "then",
        "now",
        "and",
        "carefully",
        "quickly",
        "explosively",
        "powerfully",
        "smoothly",
    ]
)
_LEAD_CLAUSE = re.compile(r"^(when|as|once|while|with|at|keeping|after)\b[^,]*,\s*", re.IGNORECASE)
_PREPOSITIONS = re.compile(
    r"\s+(at|to|into|with|for|on|in|toward|towards|of|from)\b.*$", re.IGNORECASE
)
_NUMBERS = {"a": 1.0, "an": 1.0, "one": 1.0, "two": 2.0, "three": 3.0, "four": 4.0, "five": 5.0}
_SECONDS = re.compile(
    r"\b(?:for|in|over)\s+(?:about\s+)?(a|an|one|two|three|four|five|\d+(?:\.\d+)?)"
    r"(?:\s+full)?\s+(?:second|seconds|sec|secs|s)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Phase:
    """One part of a rep: what the listener hears on the first rep and how long it lasts."""

    kind: Kind
    cue: str
    seconds: float | None  # from the text; None: from the tempo


@dataclass(frozen=True)
class Movement:
    setup: tuple[Step, ...]
    phases: tuple[Phase, ...]
    kinds: tuple[tuple[str, tuple[Kind, ...]], ...]  # each step's title and what it became

    @property
    def moves(self) -> bool:
        """Whether there is a rep to count (not just a position to hold)."""
        return any(phase.kind in ("up", "down") for phase in self.phases)

    def durations(self, tempo: Tempo | None) -> tuple[float, ...]:
        """Seconds per phase: an explicit tempo wins, then the text, then the default."""
        chosen = tempo or DEFAULT_TEMPO
        return tuple(
            getattr(chosen, phase.kind)
            if tempo is not None or phase.seconds is None
            else phase.seconds
            for phase in self.phases
        )


def analyse(exercise: Exercise) -> Movement:
    """Split the steps into set-up steps and the phases of one rep."""
    setup: list[Step] = []
    phases: list[Phase] = []
    kinds = []
    for step in exercise.steps:
        found = _phases(step)
        if not phases and not found:
            setup.append(step)
        phases.extend(found)
        kinds.append((step.title, tuple(p.kind for p in found) or ("setup",)))
    return Movement(tuple(setup), tuple(phases), tuple(kinds))


def classify(text: str) -> Kind | None:
    """The kind of the sentence's leading verb, or None when it has none we know."""
    text = _LEAD_CLAUSE.sub("", text.strip())
    for word in re.findall(r"[a-z]+", text.lower())[:4]:
        if word in _FILLERS:
            continue
        return VERBS.get(word)
    return None


def _phases(step: Step) -> list[Phase]:
    """The movement phases a step describes, in order; none for a set-up step."""
    parts = sentences(step.text)
    first = classify(step.title) or (classify(parts[0]) if parts else None)
    if first in (None, "setup"):
        return []
    phases = [Phase(first, _short(step.title), _seconds(step.text, first, parts))]
    for sentence in parts:
        kind = classify(sentence)
        if kind in _CYCLE and _CYCLE.index(kind) > _CYCLE.index(phases[-1].kind):
            phases.append(Phase(kind, _cue_for(kind, sentence), _seconds(sentence, kind, [])))
    return phases


def _seconds(text: str, kind: Kind, parts: list[str]) -> float | None:
    """A duration stated in the sentence(s) of this phase ("pause for a second")."""
    scope = [p for p in parts if classify(p) in (kind, None)] if parts else [text]
    for sentence in scope:
        if match := _SECONDS.search(sentence):
            word = match.group(1).lower()
            return _NUMBERS.get(word) or float(word)
    return None


def _short(title: str) -> str:
    """A step title trimmed to a quick cue: "Squeeze at the Top" -> "Squeeze"."""
    short = _PREPOSITIONS.sub("", title).strip() or title
    return short[:1].upper() + short[1:].lower()


def _cue_for(kind: Kind, sentence: str) -> str:
    if kind == "down":
        return "Lower"
    word = next(
        w
        for w in re.findall(r"[A-Za-z]+", _LEAD_CLAUSE.sub("", sentence))
        if w.lower() not in _FILLERS
    )
    return word.capitalize()
