"""How the sides are worked: both at once, one side then the other, or alternating
within the set, from what the text says (the title, description, steps and set-up;
not the variations)."""

from __future__ import annotations

import re
from typing import Literal

from audio_builder.reading.document import Exercise

Sides = Literal["both", "left-right", "alternating"]

_LIMB = r"(?:legs?|arms?|sides?|feet|foot|hands?|knees?)"
_ALTERNATING = re.compile(
    rf"\balternat(?:e|es|ing)\s+(?:\w+\s+){{0,2}}?(?:{_LIMB}|left|right|between)"
    rf"|\balternating\s*$|\b{_LIMB}\s+alternating\b|\balternat\w*\s+(?:with\s+)?each\s+rep"
    rf"|\bto the other side\b|\balternating sides\b|\bcontinue alternating\b",
    re.IGNORECASE | re.MULTILINE,
)
_ONE_SIDE = re.compile(
    rf"\b(?:switch|change)\s+(?:sides|legs|arms|knees|feet|hands)\b"
    rf"|\b(?:repeat|perform|do)\b[^.]*\b(?:other|opposite|left|right|next)\s+{_LIMB}"
    rf"|\bone\s+{_LIMB}\s+at\s+a\s+time\b|\bone side at a time\b"
    rf"|(?<!\bat )(?<!\bto )(?<!\bby )\b(?:each|per)\s+(?:side|leg|arm)\b"
    rf"|\b(?:single|one)[- ](?:leg|arm|hand)(?:ed)?\b|\bpistol\b"
    rf"|\bin one hand\b|\bwith (?:your|the) (?:right|left) hand\b"
    rf"|\bsingle[- ]hand\b|\bone arm holding\b|\bthe arm nearest\b",
    re.IGNORECASE,
)
_BOTH_POSED = re.compile(r"\bone (arm|leg|foot|hand) \w+ and one \1 \w+", re.IGNORECASE)
_LIMB_NAME = re.compile(r"\b(leg|arm)s?\b", re.IGNORECASE)


def detect_sides(exercise: Exercise) -> tuple[Sides, str]:
    """The way the sides are worked, and what a side is called ("leg", "arm", "side")."""
    text = " ".join(
        [exercise.title, exercise.description]
        + [f"{step.title}. {step.text}" for step in exercise.steps]
        + [f"{item.label}. {item.text}" for item in exercise.starting_position]
        + [f"{item.label}. {item.text}" for item in exercise.programming]
    )
    steps = " ".join(step.text for step in exercise.steps)
    if re.search(r"\bone (?:kettlebell|dumbbell)\b", steps, re.IGNORECASE):
        text += " in one hand"  # a single weight in the steps is one arm at a time
    text = _BOTH_POSED.sub("", text)
    mode: Sides = "both"
    if _ALTERNATING.search(text):
        mode = "alternating"
    elif _ONE_SIDE.search(text):
        mode = "left-right"
    named = " ".join(m.group(0) for m in _ONE_SIDE.finditer(text))
    limbs = [m.group(1).lower() for m in _LIMB_NAME.finditer(named)]
    return mode, next(iter(limbs), "side")
