"""What the coach says about the prescription: said once in the intro, from the
settings in force, so it never contradicts what is counted or timed."""

from __future__ import annotations

from audio_builder.coaching.numbers import duration
from audio_builder.settings import Settings

KEEP_GOING = "Keep going if you can."  # at the bottom of a range of reps


def prescription_line(settings: Settings, work: str, per_side: bool) -> str:
    """ "3 sets of 10 reps.", "3 sets of 8 to 12 reps on each side.", "2 sets: hold for
    20 seconds on each side.", "5 rounds of 30 seconds." """
    sets = settings.sets
    side = " on each side" if per_side else ""
    if work == "time":
        rounds = "1 round" if sets == 1 else f"{sets} rounds"
        return f"{rounds} of {duration(settings.duration or settings.hold or 0)}."
    if work == "hold":
        held = f"hold for {duration(settings.hold or settings.duration or 0)}{side}"
        return f"1 set: {held}." if sets == 1 else f"{sets} sets: {held}."
    reps = f"{settings.reps_low} to {settings.reps}" if settings.reps_low else f"{settings.reps}"
    count = "1 set" if sets == 1 else f"{sets} sets"
    return f"{count} of {reps} reps{side}."
