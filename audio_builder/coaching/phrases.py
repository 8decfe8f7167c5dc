"""What the coach says about prescriptions, sessions and groups (circuits, supersets,
intervals, Tabata, EMOM, AMRAP, warm-up and cool-down), in the track's language.

The prescription is said once in the intro, from the settings in force, so it never
contradicts what is counted or timed. The groups' lines are the catalog's ``formats``
table, by the names the coaching code uses (``ROUND`` is ``formats.round``); a line said
on a fixed clock comes with shorter ways of saying the same thing, tried in turn when
the full line does not fit its slot.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from audio_builder.catalog import Catalog, catalog
from audio_builder.settings import Settings


def prescription_line(
    settings: Settings, work: str, timed: float | None, per_side: bool, words: Catalog
) -> str:
    """ "3 sets of 10 reps.", "3 sets of 8 to 12 reps on each side.", "2 sets: hold for
    20 seconds on each side.", "5 rounds of 30 seconds." (in the catalog's language).
    ``timed``: the seconds a held or timed set lasts (None for counted reps)."""
    sets = settings.sets
    side = words.say("prescription.each_side") if per_side else ""
    if work == "time" and timed is not None:
        rounds = words.amount("round", sets)
        said = words.say("prescription.time", rounds=rounds, time=words.duration(timed))
    elif work == "hold" and timed is not None:
        held = words.duration(timed)
        said = words.say("prescription.hold", sets=words.amount("set", sets), time=held, side=side)
    else:
        if isinstance(settings.reps, tuple):  # a pyramid: one number per set
            reps = words.listing(map(str, settings.reps))
        elif settings.reps_low:
            reps = words.say("prescription.range", low=settings.reps_low, high=settings.reps)
        else:
            reps = str(settings.reps)
        count = words.amount("set", sets)
        said = words.say("prescription.reps", sets=count, reps=reps, side=side)
    return said[:1].upper() + said[1:]


class Phrases:
    """The groups' words in one language."""

    def __init__(self, lang: str) -> None:
        self.words = catalog(lang)

    def __getattr__(self, name: str) -> Any:
        value = self.words.data["formats"][name.lower()]
        return tuple(value) if isinstance(value, list) else value

    def plural(self, name: str) -> str:
        """ "Push-Up" -> "push-ups" in English; other languages say the name as written."""
        lower = " ".join(w if w.isupper() and len(w) > 1 else w.lower() for w in name.split())
        if not self.words.text("formats.plurals"):
            return lower
        if lower.endswith(("ss", "sh", "ch", "x")):
            return lower + "es"
        return lower if lower.endswith("s") else lower + "s"

    def minutes(self, count: int) -> str:
        """ "1 minute", "8 minutes"."""
        return self.words.duration(count * 60)

    def times(self, count: int, unit: str) -> str:
        """ "3 rounds", "1 set"."""
        return self.words.amount(unit, count)

    @staticmethod
    def lines(template: tuple[str, ...], **values: object) -> tuple[str, tuple[str, ...]]:
        """A line and its shorter forms, filled in."""
        full, *shorter = (form.format(**values) for form in template)
        return full, tuple(dict.fromkeys(s for s in shorter if s != full))


@cache
def of(lang: str) -> Phrases:
    return Phrases(lang)
