"""How the whole exercise is worked, decided before its steps are read: counted reps,
a position held still, or work done for time. A trainer decides this from the name,
the description, what the text prescribes and what the steps do, taken together."""

from __future__ import annotations

import re
from typing import Literal

from audio_builder.languages import DEFAULT_LANGUAGE
from audio_builder.reading.document import Exercise
from audio_builder.reading.prescription import top
from audio_builder.reading.spoken import without_asides
from audio_builder.reading.verbs import holds_a_position
from audio_builder.reading.vocabulary import Kind, vocabulary

Work = Literal["reps", "hold", "time"]
PAUSE = 10  # seconds: a hold this short, done so many times, is a pause in each rep


def how_worked(
    exercise: Exercise, kinds: list[Kind | None], prescribed: dict, lang: str = DEFAULT_LANGUAGE
) -> Work:
    """``kinds``: each step's kind of action; ``prescribed``: what the text prescribes;
    ``lang``: the language it is written in."""
    words = vocabulary(lang)
    moves = sum(kind in ("up", "down") for kind in kinds)
    held = prescribed.get("hold", prescribed.get("time", 0))
    moved_for_time = words["for_time"].search(exercise.title) and not held
    counted = "reps" in prescribed and not (moved_for_time and "per_side" not in prescribed)
    if counted and _a_pause(top(held), top(prescribed["reps"])):
        return "reps"  # not "hold for 10 seconds. Do 2 on each side.", nor "6 sled pushes"
    if "duration" in prescribed:  # "Work: 45 seconds on" of a wall sit holds it
        return "hold" if moves <= 2 and _named_a_hold(exercise.title, lang) else "time"
    if moves <= 2 and "hold" not in prescribed and _stays(exercise, kinds, lang):
        return "hold"  # "slide down the wall until ... then just hold it there. 3 of them"
    if "times" in prescribed and _counted(top(held), top(prescribed["times"]), exercise, lang):
        return "reps"  # "10 times", or "hold 5 seconds, lower, repeat 10 times"
    if "hold" in prescribed:
        return "hold"
    if words["held_title"].search(exercise.title):
        return "hold"
    if words["for_time"].search(exercise.title) or re.search(
        r"\bcardio\b", exercise.description, re.I
    ):
        return "time"
    if words["stretching"].search(exercise.description):
        return "hold"
    steps = " ".join(step.text for step in exercise.steps)
    still = holds_a_position(steps, lang)
    if "time" in prescribed:  # "8 rounds of 30 seconds": of what the steps do
        named_held = words["held_title"].search(exercise.description)  # if titled "Subject"
        named_moving = words["for_time"].search(exercise.description)  # "Finisher: Farmers Carry"
        return "time" if ((moves and not still) or named_moving) and not named_held else "hold"
    if not moves and still:
        return "hold"
    return "reps"


def _a_pause(held: int, times: int) -> bool:
    """Whether a hold done so many times is a pause in each rep: 5 seconds always, 10
    seconds when done 5 times or more ("hold 10 seconds, 3 times" holds)."""
    return held <= PAUSE / 2 or (held <= PAUSE and times >= 5)


def _counted(held: int, times: int, exercise: Exercise, lang: str) -> bool:
    """Whether "N times" counts reps: a hold it times must be a pause in each rep; with
    no time stated, a few times of a position the title names ("Plank", 3 times) are
    holds."""
    if held:
        return _a_pause(held, times)
    return times >= 5 or not _holds_by_name(exercise.title, lang)


def _holds_by_name(title: str, lang: str) -> bool:
    """The title names a position held still ("Plank", "Wall Sit"), not a stretch, which
    may be moved through ("Dynamic Back Stretch, 5 to 10 times")."""
    words = vocabulary(lang)
    return bool(words["held_title"].search(title)) and not words["stretching"].search(title)


def _named_a_hold(title: str, lang: str) -> bool:
    """The title's last words name a position held still ("Wall Sit", "Side Plank
    (Forearm)"), not a movement done from one ("Plank Shoulder Taps")."""
    name = without_asides(title).strip(" -–—:")
    held = vocabulary(lang)["held_title"].search(name)
    return bool(held) and not re.search(r"\w", name[held.end() :]) and _holds_by_name(title, lang)


def _stays(exercise: Exercise, kinds: list[Kind | None], lang: str) -> bool:
    """A step that is the held position itself: it holds or stays there, for no time it
    states ("hold it there and breathe", not "hold for a second")."""
    words = vocabulary(lang)
    return any(
        kind == "hold"
        and words["staying"].match(step.text)
        and not words["seconds"].search(step.text)
        for step, kind in zip(exercise.steps, kinds, strict=True)
    )
