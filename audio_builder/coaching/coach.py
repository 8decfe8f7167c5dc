"""The coaching rules: turn an exercise and its settings into a ``CueScript``.

What a good personal trainer would say, timed to the movement (DESIGN.md, rules 1-7).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from audio_builder.coaching.numbers import duration, words
from audio_builder.coaching.phrases import EXERCISE_DONE, KEEP_GOING, prescription_line
from audio_builder.coaching.script import Cue, CueScript, Section, Segment, beep, say
from audio_builder.languages import DEFAULT_LANGUAGE
from audio_builder.reading.document import Exercise, Item
from audio_builder.reading.movement import Movement, Phase, analyse
from audio_builder.reading.prescription import unspoken
from audio_builder.reading.spoken import sentences, spoken_title
from audio_builder.settings import DEFAULT_HOLD, Settings

COUNTDOWN = 3  # short beeps before each "go"
START_SECONDS = 6.5  # from a set's announcement to its "go" beep, at the least
GO_TAIL = 0.7  # the "go" beep and a breath before the first movement
GO_BEEP = 0.5  # the "go" beep with a little room: a hold's clock starts as it ends
COUNT_EARLY = 0.3  # a rep's count ends this long before the next rep starts
TEN_SECONDS = 10.0
ENDING_SILENCE = 1.5
WORDS_PER_SECOND = 2.5  # a cautious speaking rate, to judge whether a tip fits a gap
TIP_MIN_REST = 25.0  # shorter rests carry no tip: the track would be crowded
TIP_MAX_WORDS = 16
TIP_MARGIN = 1.5  # seconds of a rep kept free of a mid-set tip: the count and a breath


@dataclass(frozen=True)
class Part:
    """One exercise worked as the settings say: reps or time, and per side or not."""

    exercise: Exercise
    settings: Settings
    movement: Movement

    @property
    def work(self) -> str:
        """reps, hold or time: a hold or duration setting wins over the reading."""
        if self.settings.hold:
            return "hold"
        if self.settings.duration:
            return "time"
        return self.movement.work

    @property
    def timed(self) -> float | None:
        s = self.settings
        return None if self.work == "reps" else (s.hold or s.duration or DEFAULT_HOLD)

    @property
    def sides(self) -> tuple[str, ...]:
        """The sides worked one after the other within each set."""
        return ("right", "left") if self.movement.sides == "left-right" else ("",)


def prepare(exercise: Exercise, settings: Settings) -> Part:
    return Part(exercise, settings, analyse(exercise, settings.sides))


def coach(exercise: Exercise, settings: Settings) -> CueScript:
    """The whole track: intro, each set (with rests between), outro."""
    part = prepare(exercise, settings)
    tips = Tips(coaching_lines(exercise))
    sections = [intro(part), *sets(part, tips), outro(exercise, tips)]
    return CueScript(exercise.title, tuple(sections))


class Tips:
    """Hands out form tips in turn, never the same one twice in a row."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.turn = 0
        self.last: str | None = None

    def next(self, seconds: float | None = None) -> str | None:
        """The next tip in turn that can be said within ``seconds`` (None: any length)."""
        for _ in range(len(self.lines)):
            tip = self.lines[self.turn % len(self.lines)]
            self.turn += 1
            fits = seconds is None or len(tip.split()) / WORDS_PER_SECOND <= seconds
            if fits and tip != self.last:
                self.last = tip
                return tip
        return None


def intro(part: Part, heading: str = "Intro", prescribe: bool = True) -> Section:
    """Name, equipment, the set-up in full, then how the movement goes (and, with
    ``prescribe``, the sets and reps the text gave; a group says its own)."""
    exercise, movement = part.exercise, part.movement
    lines = [f"{spoken_title(exercise.title, _lang(exercise))}."]
    if needs := equipment_needed(exercise.equipment):
        lines.append(f"You'll need {needs}.")
    told = exercise.steps if part.timed else movement.setup
    for step in told:
        lines.extend(_instructions(step.text))
    if not part.timed and len(told) < len(exercise.steps):
        lines.append("The movement:")
        for step in exercise.steps[len(told) :]:
            lines.extend(_instructions(step.text))
    if prescribe and any(source == "text" for _, source in part.settings.sources):
        lines.append(prescription_line(part.settings, part.work, part.sides != ("",)))
    if movement.sides == "left-right":
        lines.append(f"We'll work one {movement.limb} at a time, right first.")
    elif movement.sides == "alternating":
        lines.append("We'll start on the left.")
    group = "" if heading == "Intro" else heading
    return Section(heading, (Segment("intro", tuple(say(line) for line in lines)),), group)


def _instructions(text: str) -> list[str]:
    """A step's sentences, without the sets, reps and times it prescribes: the coach says
    those once, from the settings in force."""
    return [line for line in (unspoken(s) for s in sentences(text)) if line]


def sets(part: Part, tips: Tips, group: str = "") -> Iterator[Section]:
    """Every set (each side of it in turn) and the rests between them."""
    settings = part.settings
    prefix = f"{group}: " if group else ""
    for number in range(1, settings.sets + 1):
        for index, side in enumerate(part.sides):
            first = index == 0
            start = _set_start(part, number) if first else _switch(part, side)
            work = timed_work(part.timed) if part.timed else rep_segments(part, number, first, tips)
            title = f"Set {number}" + (f" · {side} {part.movement.limb}" if side else "")
            yield Section(prefix + title, (start, *work), group)
        if number < settings.sets:
            lead_in = go_time(_set_start(part, number + 1))
            if settings.rest > lead_in:
                tip = tips.next()
                yield rest_section(f"{prefix}Rest {number}", settings.rest, lead_in, tip, group)


def outro(exercise: Exercise, tips: Tips) -> Section:
    """Well done, the last tip, and a variation for next time."""
    lines = [EXERCISE_DONE.format(name=spoken_title(exercise.title, _lang(exercise)))]
    if exercise.tips and sentences(exercise.tips[-1])[:1] != [tips.last]:
        lines.append(exercise.tips[-1])
    lines.extend(variation_lines(exercise.variations))
    return closing(lines)


def closing(lines: list[str]) -> Section:
    """A track's last words, an exercise's or a session's, then a moment of quiet."""
    return Section(
        "Outro",
        (Segment("outro", tuple(say(line) for line in lines)), Segment("end", (), ENDING_SILENCE)),
    )


def _lang(exercise: Exercise) -> str:
    return exercise.lang or DEFAULT_LANGUAGE


def _set_start(part: Part, number: int) -> Segment:
    """Announce the set (and the side, or the hold), then count down into "go"."""
    sets = part.settings.sets
    return start(
        part, number, ["Final set." if number == sets and sets > 1 else f"Set {number} of {sets}."]
    )


def start(part: Part, number: int, lines: list[str]) -> Segment:
    """Say ``lines`` (and the side, or the hold), then count down into "go"."""
    cues = [say(line) for line in lines]
    if part.sides[0]:
        cues.append(say(f"{part.sides[0].capitalize()} {part.movement.limb}."))
    if part.timed:
        cues.append(say(timed_announcement(part)))
    elif number == 1:
        cues.append(say("Get ready."))
    return countdown_segment("start", cues, part.timed is not None)


def one_set(part: Part, number: int, tips: Tips, lines: list[str]) -> list[Segment]:
    """Set ``number`` of a part worked inside a group, announced by ``lines``: each side
    in turn with its countdown, then the work."""
    segments = []
    for index, side in enumerate(part.sides):
        segments.append(start(part, number, lines) if index == 0 else _switch(part, side))
        work = (
            timed_work(part.timed) if part.timed else rep_segments(part, number, index == 0, tips)
        )
        segments.extend(work)
    return segments


def _switch(part: Part, side: str) -> Segment:
    cues = [say(f"Switch sides — {side} {part.movement.limb}.")]
    return countdown_segment("switch", cues, part.timed is not None)


def countdown_segment(label: str, cues: list[Cue], timed: bool) -> Segment:
    """The announcements, then 3-2-1 beeps into "go", with room for what is said.

    A hold's clock starts as the "go" beep ends; a rep starts a breath after it.
    """
    spoken = sum(len(cue.text.split()) for cue in cues) / WORDS_PER_SECOND
    go_at = max(START_SECONDS, round(spoken + COUNTDOWN + 1.0, 1))
    return Segment(label, (*cues, *countdown(go_at)), go_at + (GO_BEEP if timed else GO_TAIL))


def go_time(segment: Segment) -> float:
    return max(cue.at or 0.0 for cue in segment.cues)


def countdown(go_at: float) -> list[Cue]:
    ticks = [beep("tick", go_at - n) for n in range(COUNTDOWN, 0, -1)]
    return [*ticks, beep("go", go_at)]


def timed_announcement(part: Part) -> str:
    seconds = part.timed or DEFAULT_HOLD
    if part.work == "time":
        return f"{duration(seconds)} of work."
    return f"Hold for {duration(seconds)}."


def rep_segments(part: Part, set_number: int, first_side: bool, tips: Tips) -> list[Segment]:
    """One segment per rep: phase cues on the very first rep, then counts on the tempo,
    "Halfway" and "Last one"; alternating work names the side of each half rep."""
    settings, movement = part.settings, part.movement
    lengths = movement.durations(settings.tempo)
    alternating = movement.sides == "alternating"
    halves = ("left", "right") if alternating and settings.reps_count == "both" else ("",)
    rep_seconds = sum(lengths) * len(halves)
    reps = settings.reps_in(set_number)
    halfway = reps // 2 + 1 if reps >= 6 else None
    tip_rep = 3 if reps >= 8 and not alternating and halfway != 3 else None
    segments = []
    for rep in range(1, reps + 1):
        cues: list[Cue] = []
        coached = rep == 1 and set_number == 1 and first_side
        for index, half in enumerate(halves):
            offset = index * sum(lengths)
            side = half or (("left", "right")[(rep - 1) % 2] if alternating else "")
            if coached and index == 0:
                cues.extend(_phase_cues(movement.phases, lengths, offset))
            elif side:
                cues.append(say(f"{side.capitalize()}.", offset))
        if not coached:  # said right after the side, if any, without moving the clock
            where = 1 if alternating else 0
            if rep == reps and rep > 1:
                cues.insert(where, say("Last one."))
            elif settings.reps_low and rep == settings.reps_low + 1:
                cues.insert(where, say(KEEP_GOING))
            elif rep == halfway:
                cues.insert(where, say("Halfway."))
            elif rep == tip_rep and (tip := tips.next(rep_seconds - TIP_MARGIN)):
                cues.insert(where, say(tip))
        count = say(f"{words(rep).capitalize()}.", rep_seconds - COUNT_EARLY, "end")
        segments.append(Segment(f"rep {rep}", (*cues, count), rep_seconds))
    return segments


def _phase_cues(phases: tuple[Phase, ...], lengths: tuple[float, ...], offset: float) -> list[Cue]:
    starts = [offset + sum(lengths[:i]) for i in range(len(phases))]
    return [say(phase.cue, at) for phase, at in zip(phases, starts, strict=True)]


def timed_work(seconds: float) -> list[Segment]:
    cues = []
    if seconds >= 20:
        cues.append(say("Halfway.", seconds / 2))
    if seconds >= 25:
        cues.append(say("Ten seconds left.", seconds - TEN_SECONDS))
    cues.extend(countdown(seconds))
    work = Segment("work", tuple(cues), seconds + GO_BEEP)
    return [work, Segment("stop", (say("And rest."),))]


def rest_section(
    title: str, seconds: float, lead_in: float, tip: str | None, group: str = ""
) -> Section:
    """The rest's own part: ``seconds`` until "go", of which the last ``lead_in`` are
    the next set's announcement and countdown."""
    length = seconds - lead_in
    cues = [say(f"Rest for {duration(seconds)}.")]
    if tip and seconds >= TIP_MIN_REST:
        cues.append(say(tip))
    if length >= TEN_SECONDS - lead_in + 3:
        cues.append(say("Ten seconds.", length - (TEN_SECONDS - lead_in)))
    return Section(title, (Segment("rest", tuple(cues), length),), group)


def coaching_lines(exercise: Exercise) -> list[str]:
    """Short form tips: Common Mistakes first, then the Tip, then the Starting Position."""
    lines = [_tip_line(item) for item in exercise.mistakes]
    lines += [sentences(tip)[0] for tip in exercise.tips if sentences(tip)]
    lines += [_tip_line(item) for item in exercise.starting_position]
    short = [line for line in lines if line and len(line.split()) <= TIP_MAX_WORDS]
    return list(dict.fromkeys(short))


def _tip_line(item: Item) -> str:
    """ "Arching the back: Maintain a neutral spine..." -> "Maintain a neutral spine..." """
    first = sentences(item.text)[0] if item.text else item.label
    return first if first.endswith((".", "!", "?")) else first + "."


_HARDER = re.compile(r"\b(add|weight|heav|harder|challeng|increas|extra|tempo|pause)", re.I)
_EASIER = re.compile(r"\b(easier|low[- ]impact|knee|beginner|modif|assist|incline|wall)", re.I)
_IMPERATIVE = {"add", "use", "hold", "try", "increase", "elevate", "place", "slow", "do", "raise"}


def variation_lines(variations: tuple[Item, ...]) -> list[str]:
    """ "Too easy? Add ankle weights next time." and "Too hard? Try ... instead." """
    lines = []
    if harder := _pick(variations, _HARDER):
        lines.append(f"Too easy? {_suggest(harder.label)} next time.")
    if (easier := _pick(variations, _EASIER)) and easier is not harder:
        lines.append(f"Too hard? {_suggest(easier.label)} instead.")
    return lines


def _pick(variations: tuple[Item, ...], pattern: re.Pattern[str]) -> Item | None:
    """The first variation whose name matches, else the first whose text does."""
    named = [v for v in variations if v.label and pattern.search(v.label)]
    described = [v for v in variations if v.label and pattern.search(v.text)]
    return next(iter(named + described), None)


def _suggest(label: str) -> str:
    """ "Add ankle weights" stays; "Single band" -> "Try single band"."""
    label = label.rstrip(".:!").strip()
    if label.split()[0].lower() in _IMPERATIVE:
        return label
    return f"Try {label[0].lower()}{label[1:]}"


_COUNTED = r"(a|an|the|some|one|two|three|four|a pair|pair|\d)\b"  # no article before these


def equipment_needed(items: tuple[str, ...]) -> str:
    """ "Resistance band (loop band preferred)" -> "a resistance band"."""
    names = []
    for item in items:
        name = re.sub(r"\s*\([^)]*\)", "", item.split(":")[0]).strip().rstrip(".")
        if not name or re.match(r"(none|no equipment|bodyweight)\b", name, re.IGNORECASE):
            continue
        name = name[0].lower() + name[1:]
        if not re.match(_COUNTED, name) and not name.endswith("s"):
            name = ("an " if name[0] in "aeiou" else "a ") + name
        names.append(name)
    return " and ".join(dict.fromkeys(names))
