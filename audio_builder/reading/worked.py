"""How the whole exercise is worked, decided before its steps are read: counted reps,
a position held still, or work done for time. A trainer decides this from the name,
the description, what the text prescribes and what the steps do, taken together."""

from __future__ import annotations

import re
from typing import Literal

from audio_builder.reading.document import Exercise
from audio_builder.reading.verbs import holds_a_position

Work = Literal["reps", "hold", "time"]

_HELD = re.compile(
    r"\b(stretch(es)?|plank|wall sit|dead hang|bar hang|hold|static|isometric hold|pose)\b",
    re.IGNORECASE,
)
_FOR_TIME = re.compile(
    r"\b(for time|cardio|treadmill|bicycl\w*|step ?mill|elliptical|rowing|jump rope|"
    r"walk|walking(?! lunge)|carry|carries|drags?(?! curl)|sled (?:push|drag)|crawl|yoke|"
    r"jog\w*|running|circles|march\w*)\b",
    re.IGNORECASE,
)
_STRETCHING = re.compile(r"\bstretch(ing)?\b", re.IGNORECASE)


def how_worked(exercise: Exercise, moves: bool, prescribed: dict) -> Work:
    """``moves``: some step has a rep movement; ``prescribed``: what the text prescribes."""
    if "reps" in prescribed:
        return "reps"
    if "duration" in prescribed:
        return "time"
    if "hold" in prescribed:
        return "hold"
    if _HELD.search(exercise.title):
        return "hold"
    if _FOR_TIME.search(exercise.title) or re.search(r"\bcardio\b", exercise.description, re.I):
        return "time"
    if _STRETCHING.search(exercise.description):
        return "hold"
    steps = " ".join(step.text for step in exercise.steps)
    if not moves and holds_a_position(steps):
        return "hold"
    return "reps"
