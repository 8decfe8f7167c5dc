"""Read the movement out of the howto steps: which steps set up, which move, and
how long each phase of a rep lasts."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from audio_builder.reading.document import Exercise, Step
from audio_builder.reading.spoken import sentences
from audio_builder.settings import DEFAULT_TEMPO, Tempo

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
_LEAD_CLAUSE = re.compile(
    r"^(when|as|once|while|with|at|keeping|after|using|maintaining|from|in|standing)\b[^,]*,\s*",
    re.IGNORECASE,
)
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


Sides = Literal["both", "left-right", "alternating"]

_ALTERNATING = re.compile(r"\balternat(e|es|ing)\b", re.IGNORECASE)
_ONE_SIDE = re.compile(
    r"\b(one|single|each|other|switch|opposite)[- ](leg|arm|side|foot|hand|knee)s?\b"
    r"|\bone side at a time\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Movement:
    setup: tuple[Step, ...]
    phases: tuple[Phase, ...]
    steps: tuple[tuple[str, tuple[Phase, ...]], ...]  # each step's title and its phases
    sides: Sides = "both"
    limb: str = "side"  # what a side is called: "Right leg", "Switch sides — left arm"

    @property
    def moves(self) -> bool:
        """Whether there is a rep to count (not just a position to hold)."""
        return any(phase.kind in ("up", "down") for phase in self.phases)

    @property
    def roles(self) -> tuple[str, ...]:
        """Each step's role: "setup", or the kind of the first phase it describes."""
        return tuple(phases[0].kind if phases else "setup" for _, phases in self.steps)

    def describe(self, tempo: Tempo | None) -> list[str]:
        """One line per step: set-up, or its phases with their seconds and where those
        came from (the tempo setting, the text, or the default tempo)."""
        lines = []
        for title, phases in self.steps:
            parts = [
                f"{phase.kind} {seconds:g} s ({_origin(phase, tempo)})"
                for phase, seconds in zip(phases, self._seconds(phases, tempo), strict=True)
            ]
            lines.append(f"{title}: {', '.join(parts) or 'set-up'}")
        if self.sides != "both":
            lines.append(f"sides: {self.sides} ({self.limb})")
        return lines

    def durations(self, tempo: Tempo | None) -> tuple[float, ...]:
        """Seconds per phase: an explicit tempo wins, then the text, then the default."""
        return self._seconds(self.phases, tempo)

    @staticmethod
    def _seconds(phases: tuple[Phase, ...], tempo: Tempo | None) -> tuple[float, ...]:
        chosen = tempo or DEFAULT_TEMPO
        return tuple(
            getattr(chosen, phase.kind)
            if tempo is not None or phase.seconds is None
            else phase.seconds
            for phase in phases
        )


def analyse(exercise: Exercise, sides: str | None = None) -> Movement:
    """Split the steps into set-up steps and the phases of one rep, and tell how the
    sides are worked (``sides`` from the settings wins over the text)."""
    setup: list[Step] = []
    phases: list[Phase] = []
    steps = []
    for step in exercise.steps:
        found = [_timed_from_execution(p, exercise) for p in _phases(step)]
        if not phases and not found:
            setup.append(step)
        phases.extend(found)
        steps.append((step.title, tuple(found)))
    mode, limb = detect_sides(exercise)
    if sides is not None:
        mode = "both" if sides == "none" else sides  # type: ignore[assignment]
    return Movement(tuple(setup), tuple(phases), tuple(steps), mode, limb)


def _origin(phase: Phase, tempo: Tempo | None) -> str:
    if tempo is not None:
        return "tempo setting"
    return "from the text" if phase.seconds is not None else "default tempo"


def detect_sides(exercise: Exercise) -> tuple[Sides, str]:
    """Alternating work, one side at a time, or both at once, from what the text says
    (the description, the steps and the set-up; not the variations)."""
    text = " ".join(
        [exercise.description]
        + [f"{step.title}. {step.text}" for step in exercise.steps]
        + [f"{item.label}. {item.text}" for item in exercise.starting_position]
    )
    limbs = [m.group(2).lower() for m in _ONE_SIDE.finditer(text) if m.group(2)]
    limb = next((word for word in limbs if word in ("leg", "arm")), "side")
    if _ALTERNATING.search(text):
        return "alternating", limb
    if _ONE_SIDE.search(text):
        return "left-right", limb
    return "both", limb


def _timed_from_execution(phase: Phase, exercise: Exercise) -> Phase:
    """A phase the howto gives no duration takes one the Execution list states for
    the same kind of movement ("pause and squeeze ... for a second")."""
    if phase.seconds is not None:
        return phase
    for item in exercise.execution:
        for sentence in sentences(f"{item.label}. {item.text}"):
            kind = classify(sentence) or classify(item.label)
            seconds = _seconds(sentence, phase.kind, []) if kind == phase.kind else None
            if seconds is not None:
                return Phase(phase.kind, phase.cue, seconds)
    return phase


def classify(text: str) -> Kind | None:
    """The kind of the sentence's leading verb, or None when it has none we know."""
    text = _LEAD_CLAUSE.sub("", text.strip())
    for word in re.findall(r"[a-z]+", text.lower())[:6]:
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
