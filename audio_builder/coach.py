"""The coaching rules: turn an exercise and its settings into a ``CueScript``.

What a good personal trainer would say, timed to the movement (DESIGN.md, rules 1-6).
"""

from __future__ import annotations

import re
from itertools import cycle

from audio_builder.document import Exercise
from audio_builder.movement import Movement, analyse
from audio_builder.numbers import duration, words
from audio_builder.script import Cue, CueScript, Section, Segment, beep, say
from audio_builder.settings import Settings
from audio_builder.spoken import sentences

COUNTDOWN = 3  # short beeps before each "go"
START_SECONDS = 6.0  # from a set's announcement to its "go" beep
GO_TAIL = 0.7  # the "go" beep and a breath before the first movement
COUNT_EARLY = 0.3  # a rep's count ends this long before the next rep starts
TEN_SECONDS = 10.0
ENDING_SILENCE = 1.5


def coach(exercise: Exercise, settings: Settings) -> CueScript:
    """The whole track: intro, each set (with rests between), outro."""
    movement = analyse(exercise)
    timed = settings.hold or settings.duration or (None if movement.moves else 30.0)
    tips = cycle(_tips(exercise)) if _tips(exercise) else None
    sections = [_intro(exercise, movement, timed is not None)]
    for number in range(1, settings.sets + 1):
        start = _set_start(
            number, settings.sets, timed, settings.hold is not None or not settings.duration
        )
        work = _timed_work(timed) if timed else _reps(movement, settings, first_set=number == 1)
        sections.append(Section(f"Set {number}", (start, *work)))
        if number < settings.sets and settings.rest > START_SECONDS:
            sections.append(_rest(number, settings.rest, next(tips) if tips else None))
    sections.append(_outro(exercise))
    return CueScript(exercise.title, tuple(sections))


def _intro(exercise: Exercise, movement: Movement, timed: bool) -> Section:
    lines = [f"{exercise.title}."]
    if needs := _equipment(exercise.equipment):
        lines.append(f"You'll need {needs}.")
    told = exercise.steps if timed else movement.setup
    for step in told:
        lines.extend(sentences(step.text))
    if not timed and len(told) < len(exercise.steps):
        lines.append("The movement:")
        for step in exercise.steps[len(told) :]:
            lines.extend(sentences(step.text))
    return Section("Intro", (Segment("intro", tuple(say(line) for line in lines)),))


def _set_start(number: int, sets: int, timed: float | None, hold: bool) -> Segment:
    """Announce the set, then count down 3-2-1 into the "go" beep."""
    name = "Final set." if number == sets and sets > 1 else f"Set {number} of {sets}."
    cues = [say(name)]
    if timed:
        cues.append(say(f"{'Hold' if hold else 'Keep going'} for {duration(timed)}."))
    elif number == 1:
        cues.append(say("Get ready."))
    cues.extend(_countdown(START_SECONDS))
    # A hold's clock starts at "go"; a rep starts a breath after it.
    return Segment("start", tuple(cues), START_SECONDS + (0 if timed else GO_TAIL))


def _countdown(go_at: float) -> list[Cue]:
    ticks = [beep("tick", go_at - n) for n in range(COUNTDOWN, 0, -1)]
    return [*ticks, beep("go", go_at)]


def _reps(movement: Movement, settings: Settings, first_set: bool) -> list[Segment]:
    phases = movement.phases
    lengths = movement.durations(settings.tempo)
    rep_seconds = sum(lengths)
    offsets = [sum(lengths[:i]) for i in range(len(phases))]
    halfway = settings.reps // 2 + 1 if settings.reps >= 6 else None
    segments = []
    for rep in range(1, settings.reps + 1):
        cues = []
        if rep == 1 and first_set:
            cues.extend(say(phase.cue, at) for phase, at in zip(phases, offsets, strict=True))
        elif rep == settings.reps and rep > 1:
            cues.append(say("Last one."))
        elif rep == halfway:
            cues.append(say("Halfway."))
        cues.append(say(f"{words(rep).capitalize()}.", rep_seconds - COUNT_EARLY, "end"))
        segments.append(Segment(f"rep {rep}", tuple(cues), rep_seconds))
    return segments


def _timed_work(seconds: float) -> list[Segment]:
    cues = []
    if seconds >= 20:
        cues.append(say("Halfway.", seconds / 2))
    if seconds >= 25:
        cues.append(say("Ten seconds left.", seconds - TEN_SECONDS))
    cues.extend(_countdown(seconds))
    cues.append(say("And rest.", seconds + GO_TAIL))
    return [Segment("work", tuple(cues), seconds + GO_TAIL)]


def _rest(after_set: int, seconds: float, tip: str | None) -> Section:
    """The rest's own part; its last seconds are the next set's announcement and countdown."""
    length = seconds - START_SECONDS
    cues = [say(f"Rest for {duration(seconds)}.")]
    if tip and seconds >= 25:
        cues.append(say(tip))
    if seconds >= TEN_SECONDS + START_SECONDS:
        cues.append(say("Ten seconds.", length - (TEN_SECONDS - START_SECONDS)))
    return Section(f"Rest {after_set}", (Segment("rest", tuple(cues), length),))


def _outro(exercise: Exercise) -> Section:
    lines = [f"Nice work — that's the {exercise.title} done."]
    if exercise.tips:
        lines.append(exercise.tips[-1])
    return Section(
        "Outro",
        (
            Segment("outro", tuple(say(line) for line in lines)),
            Segment("end", (), ENDING_SILENCE),
        ),
    )


def _tips(exercise: Exercise) -> list[str]:
    """Short coaching lines for the rests, from Common Mistakes, then the Tip."""
    lines = [item.text or item.label for item in exercise.mistakes]
    return [line for line in (*lines, *exercise.tips) if line]


def _equipment(items: tuple[str, ...]) -> str:
    """ "Resistance band (loop band preferred)" -> "a resistance band"."""
    names = []
    for item in items:
        name = re.sub(r"\s*\([^)]*\)", "", item.split(":")[0]).strip().rstrip(".")
        if not name or re.match(r"(none|no equipment|bodyweight)\b", name, re.IGNORECASE):
            continue
        name = name[0].lower() + name[1:]
        if not re.match(r"(a|an|the|some|\d)\b", name) and not name.endswith("s"):
            name = ("an " if name[0] in "aeiou" else "a ") + name
        names.append(name)
    return " and ".join(names)
