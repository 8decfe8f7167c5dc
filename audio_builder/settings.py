"""Workout settings, declared once: defaults, ranges and how each is written.

Each layer overrides the one before: the defaults, what the text prescribes ("3 x 10",
"hold for 20 seconds"), the front matter, a plan, the command line. Every setting keeps
the name of the layer it came from. Invalid values are errors, never guesses (a value
read from prose that is out of range is left out instead).

A range of reps ("8 to 12") is counted to the top, as a trainer pushes for the last
reps; the bottom is where the coach says to keep going if you can. A range of seconds
is held for the top.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from contextlib import suppress
from dataclasses import dataclass, replace
from typing import Any

from audio_builder.errors import SettingsError


@dataclass(frozen=True)
class Tempo:
    """Seconds for the up, hold and down phase of one rep."""

    up: float
    hold: float
    down: float

    def __str__(self) -> str:
        return "-".join(f"{part:g}" for part in (self.up, self.hold, self.down))


@dataclass(frozen=True)
class Settings:
    sets: int = 3
    reps: int | tuple[int, ...] = 12  # a tuple: one number per set (a pyramid, a drop set)
    rest: float = 30.0
    tempo: Tempo | None = None  # None: durations from the text, else 2-1-2
    hold: float | None = None  # seconds of a timed hold; None: reps, unless detected
    duration: float | None = None  # seconds of work done for time (cardio)
    sides: str | None = None  # both, left-right, alternating or none; None: from the text
    reps_count: str = "both"  # alternating work: a rep is both sides, or "each" side
    reps_low: int | None = None  # the bottom of a range of reps; ``reps`` is its top
    sources: tuple[tuple[str, str], ...] = ()  # (setting, layer) for every one not default

    def override(self, values: Mapping[str, Any], source: str | None = None) -> Settings:
        """These settings with ``values`` (already validated) put over them, noted as
        coming from ``source`` (one of ``SOURCES``).

        Reps given as a list set the number of sets; a ``sets`` that disagrees with
        the list is an error, not a guess.
        """
        given = {k: v for k, v in values.items() if v is not None}
        if "reps" in given and "reps_low" not in given:
            given["reps_low"] = None  # a count given later replaces the text's range
        changed = replace(self, **given)
        if isinstance(changed.reps, tuple):
            if "sets" in given and given["sets"] != len(changed.reps):
                listed = ", ".join(map(str, changed.reps))
                raise SettingsError(
                    f"'sets' is {given['sets']} but 'reps' lists {len(changed.reps)} sets "
                    f"({listed}); drop 'sets' or give one number of reps per set"
                )
            changed = replace(changed, sets=len(changed.reps))
            if isinstance(given.get("reps"), tuple):
                given["sets"] = changed.sets  # the list says how many sets
        if source is None:
            return changed
        noted = {**dict(self.sources), **dict.fromkeys(given, source)}
        return replace(changed, sources=tuple(noted.items()))

    def source(self, name: str) -> str:
        """Where a setting came from: default, text, front matter, plan or option."""
        return dict(self.sources).get(name, "default")

    def reps_in(self, set_number: int) -> int:
        """The reps of one set (counted from 1); past the end of a list, its last number."""
        if isinstance(self.reps, tuple):
            return self.reps[min(set_number, len(self.reps)) - 1]
        return self.reps


@dataclass(frozen=True)
class Mix:
    """How music sits under the coach, in dB. Levels are the music's RMS relative to the
    voice's (speech only), so songs mastered loud or soft sit alike."""

    level: float = -10.0  # between cues
    duck: float = 12.0  # how far it falls under every spoken cue
    rest: float | None = None  # its level during rests; None: as ``level``

    @property
    def rest_offset(self) -> float:
        """dB the music falls in rests, beyond its level between cues."""
        return 0.0 if self.rest is None else self.level - self.rest


DEFAULTS = Settings()
MIX = Mix()
MUSIC_LEVELS = (-40.0, 0.0)  # the range of --music-level and --rest-music-level
DUCK_DEPTHS = (0.0, 40.0)  # the range of --duck
SOURCES = ("default", "text", "front matter", "plan", "option")  # weakest first
DEFAULT_TEMPO = Tempo(2.0, 1.0, 2.0)  # when neither a setting nor the text gives one
DEFAULT_HOLD = 30.0  # seconds of timed work when the text calls for time but gives none
DEFAULT_REST_BETWEEN = 45.0  # seconds between the exercises of a plan
WHOLE_BLOCK = 300.0  # seconds: a text's time of work this long is the whole exercise
MIN_TEXT_REST = 10.0  # seconds: a text's shorter rest ("hold 10 s, rest 5 s") is inside a rep
MAX_TRACK_SECONDS = 4 * 3600
MAX_PLAN_EXERCISES = 50
DEFAULT_SPEED = 1.0  # the voice's own pace; below 1 slower (Piper length_scale, gTTS slow)
SPEED_RANGE = (0.5, 2.0)
MAX_SETS = 20
MAX_REPS = 100


MAX_WRITTEN = 40  # characters: a setting is a number or a short phrase, never a paragraph
_RANGE = re.compile(r"(.+?) ?(?:-|–|—|\bto\b) ?(.+)", re.IGNORECASE)  # "8-12", "2-3 min"
_EACH_SIDE = re.compile(r" ?\b(?:per|each|a) (?:side|leg|arm)$", re.IGNORECASE)
_TIME = re.compile(
    r"(?P<number>\+?(?:\d+(?:\.\d*)?|\.\d+)) ?(?P<unit>s|secs?|seconds?|m|mins?|minutes?)?"
    r"|(?P<minutes>\d+):(?P<seconds>[0-5]\d)",  # "1:30"
    re.IGNORECASE,
)


def _written(text: str) -> str:
    """A setting as written, its spaces made single; too long to be one is an error."""
    text = " ".join(text.split())
    if len(text) > MAX_WRITTEN:
        raise ValueError
    return text


def _span(text: str, parse: Callable[[str], float]) -> tuple[float, float]:
    """The two ends of a written value: "8-12" -> (8, 12), "2-3 min" -> (120, 180) (the
    top's unit serves both), one value -> (it, it); a range that falls is an error."""
    match = _RANGE.fullmatch(_written(text))
    if not match:
        one = parse(_written(text))
        return one, one
    low, high = match.groups()
    unit = re.search(r"[a-z]+$", high, re.IGNORECASE)
    if unit and not re.search(r"[a-z]$", low, re.IGNORECASE):
        low = f"{low} {unit.group()}"
    ends = parse(low), parse(high)
    if ends[0] > ends[1]:
        raise ValueError
    return ends


def _whole(low: int, high: int) -> Callable[[Any], int]:
    def parse(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int | str):
            raise ValueError
        ends = (value, value) if isinstance(value, int) else _span(value, int)
        if not all(low <= end <= high for end in ends):
            raise ValueError
        return int(ends[1])

    parse.__doc__ = f"a whole number from {low} to {high}, or a range like {low + 2}-{low + 3}"
    return parse


def _time(text: str) -> float:
    """Seconds in "45", "45s", "90 sec", "2 min" or "1:30"."""
    match = _TIME.fullmatch(text.strip())
    if not match:
        raise ValueError
    if match["minutes"]:
        return int(match["minutes"]) * 60.0 + int(match["seconds"])
    unit = (match["unit"] or "s").lower()
    return float(match["number"]) * (60 if unit.startswith("m") else 1)


def _seconds(low: float, high: float) -> Callable[[Any], float]:
    def parse(value: Any) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            raise ValueError
        ends = (float(value),) * 2 if isinstance(value, int | float) else _span(value, _time)
        if not all(math.isfinite(end) and low <= end <= high for end in ends):
            raise ValueError
        return ends[1]

    parse.__doc__ = (
        f'a number of seconds from {low:g} to {high:g}, or a time like "90 s", "2 min" or "1:30"'
    )
    return parse


def _reps(value: Any) -> int | tuple[int, ...]:
    one = _whole(1, MAX_REPS)
    if isinstance(value, str) and "," in value:
        value = value.split(",")
    if not isinstance(value, list | tuple):
        return one(value)
    if not 1 <= len(value) <= MAX_SETS:
        raise ValueError
    if any(isinstance(part, str) and not part.strip().isdigit() for part in value):
        raise ValueError  # one number a set: "12,8-10" says no one count for its second
    return tuple(one(part) for part in value)


_reps.__doc__ = (
    f"a whole number from 1 to {MAX_REPS}, a range like 8-12, or one per set like [12, 10, 8]"
    " or 12,10,8"
)


def _tempo(value: Any) -> Tempo | None:
    if str(value).strip().lower() in ("isometric", "static"):
        return None  # a held position has no tempo: the default stands
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)\s*", str(value))
    if not match or isinstance(value, bool):
        raise ValueError
    tempo = Tempo(*(float(part) for part in match.groups()))
    if not (0.5 <= tempo.up <= 10 and 0 <= tempo.hold <= 10 and 0.5 <= tempo.down <= 10):
        raise ValueError
    return tempo


_tempo.__doc__ = (
    'UP-HOLD-DOWN seconds like "2-1-2" (up and down 0.5 to 10, hold 0 to 10), or "isometric"'
)


def _choice(*allowed: str, **same: str) -> Callable[[Any], str]:
    """One of ``allowed``, or a word meaning the same (``same``: word -> allowed one)."""

    def parse(value: Any) -> str:
        said = value.strip().lower() if isinstance(value, str) else None
        said = same.get(str(said), said)
        if said not in allowed:
            raise ValueError
        return said

    parse.__doc__ = "one of " + ", ".join(allowed)
    return parse


PARSERS: dict[str, Callable[[Any], Any]] = {
    "sets": _whole(1, MAX_SETS),
    "reps": _reps,
    "rest": _seconds(0, 600),
    "tempo": _tempo,
    "hold": _seconds(5, 600),
    "duration": _seconds(5, 1800),
    "sides": _choice(
        "both",
        "left-right",
        "alternating",
        "none",
        bilateral="both",
        unilateral="left-right",
        alternate="alternating",
    ),
    "reps_count": _choice("both", "each"),
}


def describe(name: str) -> str:
    """What a setting takes and its default, for help texts."""
    default = getattr(DEFAULTS, name, None)
    shown = f"; default {default:g}" if isinstance(default, int | float) else ""
    return f"{PARSERS[name].__doc__}{shown}"


def parse_setting(
    name: str, value: Any, parsers: Mapping[str, Callable[[Any], Any]] = PARSERS
) -> Any:
    """Validate one setting (of an exercise, or with ``GROUP_PARSERS`` of a group); the
    error names it, says what it takes and what it got."""
    try:
        return parsers[name](value)
    except (ValueError, TypeError, OverflowError):
        raise _refusal(name, value, parsers) from None


def _refusal(
    name: str, value: Any, parsers: Mapping[str, Callable[[Any], Any]] = PARSERS
) -> SettingsError:
    return SettingsError(f"'{name}' must be {parsers[name].__doc__}, got {value!r}")


def parse_settings(values: Mapping[str, Any]) -> dict[str, Any]:
    """Validate the settings among ``values``, with those a field implies ("reps: 8-12"
    also gives the bottom of the range); other keys, and a key left empty (``reps:`` or
    ``reps: null``), set nothing."""
    given: dict[str, Any] = {}
    implied: dict[str, Any] = {}
    for name, value in values.items():
        if name in PARSERS and value is not None:
            found = _as_written(name, value)
            given[name] = found.pop(name)
            implied.update(found)
    return {**implied, **given}  # a field given outright wins over one implied


def _as_written(name: str, value: Any) -> dict[str, Any]:
    """One field's settings as a trainer writes it: "reps: 8-12" is 12 reps with 8 the
    least; "reps: 10 per side" is 10 on each side (of alternating work, 10 reps of both
    sides); "hold: 30 s each side" is held on one side, then the other."""
    text = " ".join(value.split()) if isinstance(value, str) else value
    each_side = None
    if isinstance(text, str) and len(text) <= MAX_WRITTEN and name in ("reps", "hold", "duration"):
        each_side = _EACH_SIDE.search(text)
    if each_side:
        text = text[: each_side.start()]
    try:
        found = {name: parse_setting(name, text)}
    except SettingsError:
        raise _refusal(name, value) from None  # naming what was written
    if name == "reps" and isinstance(text, str) and "," not in text:
        low, top = _span(text, int)
        if low < top:
            found["reps_low"] = int(low)
    if each_side and name == "reps":
        found["reps_count"] = "both"
    elif each_side:
        found["sides"] = "left-right"
    return found


def from_text(prescription: Mapping[str, Any]) -> dict[str, Any]:
    """The settings a text's prescription gives (ranges to their top, a pyramid's or a
    log's reps set by set; values out of range are left out: prose is not an error, nor
    a rest of a few seconds, which is a pause inside the rep). A count of reps wins over
    a hold."""
    values: dict[str, Any] = {}
    for name in ("sets", "reps", "hold", "duration", "rest"):
        value = prescription.get(name)
        if value is None or (name in ("hold", "duration") and "reps" in prescription):
            continue
        top = max(value) if isinstance(value, tuple) else value
        if name == "rest" and top < MIN_TEXT_REST:
            continue  # the rep's own pause, not the rest between sets
        try:
            values[name] = parse_setting(name, top)
        except SettingsError:
            continue
        if name == "reps" and isinstance(value, tuple) and min(value) < values["reps"]:
            values["reps_low"] = min(value)
    per_set = prescription.get("reps_per_set")
    if per_set and len(per_set) == values.get("sets", len(per_set)):
        with suppress(SettingsError):  # a pyramid or a log: each set its own count
            values["reps"] = parse_setting("reps", list(per_set))
            values.pop("reps_low", None)
    if prescription.get("per_side"):  # "10 per leg": a rep is both legs, 20 steps a set
        values["reps_count"] = "both"
    if beats := prescription.get("tempo"):
        values["tempo"] = _lifters_tempo(beats)
    if values.get("duration", 0) >= WHOLE_BLOCK and "sets" not in values:
        values["sets"] = 1  # "AMRAP 8 min", "walk for 10 minutes": one block, not three
    if prescription.get("daily") and "sets" not in values:
        values["sets"] = 1  # "Repeat 10 times, 2-3 times a day": one set a session
    return values


def _lifters_tempo(beats: tuple[str, ...]) -> Tempo:
    """A tempo as lifters write it, lowering first ("3-1-1", "4010", "31X1": lower, pause,
    lift, pause at the top), as the up, hold and down of a rep; an explosive X lift takes
    a second, the longer pause is the hold."""
    down, pause, up, top = (*(1.0 if b == "X" else float(b) for b in beats), 0.0)[:4]
    return Tempo(up=max(up, 0.5), hold=max(pause, top), down=max(down, 0.5))


def describe_sources(settings: Settings) -> list[str]:
    """One line per setting in use, with the layer it came from, for ``script``."""
    shown = {
        "sets": settings.sets,
        "reps": f"{settings.reps_low} to {settings.reps}"
        if settings.reps_low
        else ", ".join(map(str, settings.reps))
        if isinstance(settings.reps, tuple)
        else settings.reps,
        "rest": f"{settings.rest:g} s",
        "tempo": settings.tempo,
        "hold": f"{settings.hold:g} s" if settings.hold else None,
        "duration": f"{settings.duration:g} s" if settings.duration else None,
        "sides": settings.sides,
        "reps_count": settings.reps_count,
    }
    return [
        f"{name}: {value} ({settings.source(name)})"
        for name, value in shown.items()
        if value is not None
    ]


# Groups of a plan (circuits, intervals, ...): the settings each kind takes, with their
# defaults; None means the plan must give it.
GROUP_DEFAULTS: dict[str, dict[str, Any]] = {
    "circuit": {"rounds": 3, "rest": 15.0, "rest_rounds": 60.0},
    "superset": {"sets": 3, "rest": 60.0},
    "intervals": {"work": 40.0, "rest": 20.0, "rounds": 1},
    "tabata": {"work": 20.0, "rest": 10.0, "rounds": 8},
    "emom": {"minutes": None},
    "amrap": {"minutes": None, "pace": 0.0},  # pace: seconds per round, 0 = not paced
}
GROUP_PARSERS: dict[str, Callable[[Any], Any]] = {
    "rounds": _whole(1, 50),
    "sets": _whole(1, MAX_SETS),
    "rest": _seconds(0, 600),
    "rest_rounds": _seconds(0, 600),
    "work": _seconds(5, 600),
    "minutes": _whole(1, 60),
    "pace": _seconds(10, 600),
}
WARMUP_SETS = 1  # a warm-up or cool-down exercise is done once unless it says otherwise
WARMUP_REST = 10.0  # seconds between the exercises of a warm-up or cool-down
MINUTE = 60.0  # an EMOM's interval and an AMRAP's time-check period
