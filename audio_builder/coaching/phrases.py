"""Every line the coach says about prescriptions, sessions and groups (circuits,
supersets, intervals, Tabata, EMOM, AMRAP, warm-up and cool-down), in one place.

The prescription is said once in the intro, from the settings in force, so it never
contradicts what is counted or timed. Each other line is a format string; a line said
on a fixed clock comes with shorter ways of saying the same thing, tried in turn when
the full line does not fit its slot.
"""

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
    if isinstance(settings.reps, tuple):  # a pyramid: one number per set
        *most, last = map(str, settings.reps)
        reps = f"{', '.join(most)} and {last}"
    elif settings.reps_low:
        reps = f"{settings.reps_low} to {settings.reps}"
    else:
        reps = f"{settings.reps}"
    count = "1 set" if sets == 1 else f"{sets} sets"
    return f"{count} of {reps} reps{side}."


# What each group kind is called in chapters and in speech ("a circuit of ...").
CHAPTER = {
    "circuit": "Circuit",
    "superset": "Superset",
    "intervals": "Intervals",
    "tabata": "Tabata",
    "emom": "EMOM",
    "amrap": "AMRAP",
}
SPOKEN = {
    "circuit": "a circuit",
    "superset": "a superset",
    "intervals": "intervals",
    "tabata": "a Tabata",
    "emom": "every minute on the minute",
    "amrap": "as many rounds as possible",
}
WARMUP = "Warm-up"
COOLDOWN = "Cool-down"

# the session
TITLE = "{name}."
EXERCISES = "{count} exercises: {listing}."
PARTS = "{count} parts: {listing}."
YOU_NEED = "You'll need {needs}."
NEXT_UP = "Next up: {name}."
LAST_EXERCISE = "Last exercise: {name}."
TEN_SECONDS_LEFT = "Ten seconds."
EXERCISE_DONE = "Nice work — that's the {name} done."
SESSION_DONE = "That's the {name} complete. Great work."
NEXT_GROUP = "Next up: {group} — {names}."
LAST_GROUP = "Last up: {group} — {names}."
WARMUP_START = "Warm-up: {time} to get moving."
COOLDOWN_START = "Cool-down: {time} to bring it down."
DONE = {
    "circuit": "That's the circuit done.",
    "superset": "That's the superset done.",
    "intervals": "And rest — that's the intervals done.",
    "tabata": "And rest — that's the Tabata done.",
    "emom": "Great work.",
    "amrap": "Great work — count your rounds.",
}

# rounds and sets
CIRCUIT_START = "Circuit, {rounds}: {names}."
SUPERSET_START = "Superset: {names}."
SUPERSET_SETS = "{sets}, no rest in between."
ROUND = "Round {number} of {total}."
LAST_ROUND = "Last round."
SET = "Set {number} of {total}."
FINAL_SET = "Final set."
REPS = "{name}: {reps} reps."
REPS_ONLY = "{reps} reps."
NEXT = "Next: {name}."
STRAIGHT_INTO = "Straight into {name}."
REST_FOR = "Rest for {time}."

# intervals and Tabata
INTERVALS_START = "{kind}: {rounds} of {work} work and {rest} rest. {names}."
WORK = ("Work: {name}.", "Work!")
REST = ("Rest.",)
ROUND_SHORT = ("Round {number} of {total}.", "Round {number}.")
LAST_ROUND_SHORT = ("Last round.",)
NEXT_SHORT = ("Next: {name}.", "{name} next.")
HALFWAY = ("Halfway.",)
TEN_LEFT = ("Ten seconds left.", "Ten seconds.")

# what one turn asks: "8 push-ups", "Forearm Plank for 30 seconds"
HOW_MANY = "{reps} {names}"
HOW_LONG = "{name} for {time}"

# EMOM
EMOM_START = "Every minute on the minute, for {minutes}: {listing}. Rest till the next minute."
MINUTE = ("Minute {number} of {total}: {what}.", "{what}.")
REST_TILL = ("Rest till the top of the minute.", "Rest.")
TEN_SECONDS = ("Ten seconds.",)

# AMRAP
AMRAP_START = "{listing}, as many rounds as you can in {minutes}."
PACE = "Aim for one round every {time}."
TIME_GONE = ("{gone} gone, {left} to go.", "{left} to go.")
ONE_MINUTE_LEFT = ("One minute left.",)
GET_READY = "Get ready."
COUNT = "{count}."
TIME_UP = "Time!"
ROUND_CALL = ("Round {number}: {what}.", "{what}.")
CALL = ("{what}.",)


def plural(name: str) -> str:
    """ "Push-Up" -> "push-ups", "Dumbbell Shoulder Press" -> "dumbbell shoulder presses"."""
    lower = " ".join(w if w.isupper() and len(w) > 1 else w.lower() for w in name.split())
    if lower.endswith(("ss", "sh", "ch", "x")):
        return lower + "es"
    return lower if lower.endswith("s") else lower + "s"


def minutes(count: int) -> str:
    """ "1 minute", "8 minutes"."""
    return duration(count * 60)


def times(count: int, one: str) -> str:
    """ "3 rounds", "1 set"."""
    return f"{count} {one}{'s' if count != 1 else ''}"


def lines(template: tuple[str, ...], **values: object) -> tuple[str, tuple[str, ...]]:
    """A line and its shorter forms, filled in."""
    full, *shorter = (form.format(**values) for form in template)
    return full, tuple(dict.fromkeys(s for s in shorter if s != full))
