"""Place every cue of a script on one sample timeline, so that no two clips overlap."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from audio_builder.audio.pcm import RATE
from audio_builder.coaching.script import Cue, CueKind, CueScript, Segment

GAP = 0.25  # seconds of quiet kept between two cues that would otherwise touch


@dataclass(frozen=True)
class Placed:
    start: int  # samples
    end: int
    kind: CueKind
    text: str


@dataclass(frozen=True)
class Chapter:
    start: int
    end: int
    title: str


@dataclass(frozen=True)
class Stretch:
    """A timed segment that grew because its speech did not fit."""

    section: str
    segment: str
    cue: str
    seconds: float

    def __str__(self) -> str:
        return (
            f"{self.section}, {self.segment}: '{self.cue}' did not fit its slot; "
            f"the slot grew by {self.seconds:.2f} s"
        )


@dataclass(frozen=True)
class Dropped:
    """A line left out because no way of saying it fitted its fixed-clock slot."""

    section: str
    segment: str
    cue: str

    def __str__(self) -> str:
        return f"{self.section}, {self.segment}: '{self.cue}' did not fit the clock; dropped"


@dataclass(frozen=True)
class Timeline:
    title: str
    cues: tuple[Placed, ...]
    chapters: tuple[Chapter, ...]
    samples: int
    stretches: tuple[Stretch, ...]
    groups: tuple[Chapter, ...] = ()  # in a workout plan: one chapter per exercise or group
    dropped: tuple[Dropped, ...] = ()
    segments: tuple[Chapter, ...] = ()  # every timed segment (a rep, a hold, a rest) by label
    rate: int = RATE

    @property
    def seconds(self) -> float:
        return self.samples / self.rate


def schedule(script: CueScript, length: Callable[[str, str], int]) -> Timeline:
    """Resolve the script: ``length(kind, text)`` gives each clip's length in samples.

    A cue without a time follows the previous one after a short gap. A timed cue that
    would start before the previous clip ended (plus the gap) is pushed back, and every
    later cue of its segment moves with it, so the rhythm holds and the segment grows by
    the same amount; that growth is reported. A fixed segment never grows (see ``_fixed``).
    """
    gap = round(GAP * RATE)
    cues: list[Placed] = []
    chapters: list[Chapter] = []
    stretches: list[Stretch] = []
    dropped: list[Dropped] = []
    segments: list[Chapter] = []
    cursor = 0
    busy_until = -gap
    for section in script.sections:
        section_start = cursor
        for segment in section.segments:
            segment_start = cursor
            if segment.fixed:
                placed, left_out = _fixed(segment, cursor, busy_until + gap, length)
                cues.extend(placed)
                dropped.extend(Dropped(section.title, segment.label, t) for t in left_out)
                busy_until = max([busy_until, *(cue.end for cue in placed)])
                cursor += round((segment.seconds or 0.0) * RATE)
                segments.append(Chapter(segment_start, cursor, segment.label))
                continue
            shift = 0
            first_push: str | None = None
            for cue in segment.cues:
                size = length(cue.kind, cue.text)
                earliest = max(busy_until + gap, cursor)
                if cue.at is None:
                    start = earliest
                else:
                    anchor = size if cue.anchor == "end" else 0
                    nominal = cursor + round(cue.at * RATE) - anchor + shift
                    start = max(nominal, earliest)
                    if start > nominal:
                        shift += start - nominal
                        first_push = first_push or cue.text
                cues.append(Placed(start, start + size, cue.kind, cue.text))
                busy_until = start + size
            if segment.seconds is None:
                cursor = max(cursor, busy_until + gap)
                continue
            planned = cursor + round(segment.seconds * RATE)
            cursor = max(planned + shift, busy_until)
            segments.append(Chapter(segment_start, cursor, segment.label))
            if cursor > planned:
                culprit = first_push or segment.cues[-1].text
                stretches.append(
                    Stretch(section.title, segment.label, culprit, (cursor - planned) / RATE)
                )
        chapters.append(Chapter(section_start, cursor, section.title))
    groups = _groups(script, chapters)
    return Timeline(
        script.title,
        tuple(cues),
        tuple(chapters),
        cursor,
        tuple(stretches),
        groups,
        tuple(dropped),
        segments=tuple(segments),
    )


def _fixed(
    segment: Segment, start: int, free_from: int, length: Callable[[str, str], int]
) -> tuple[list[Placed], list[str]]:
    """A clock segment: its beeps exactly where they are set; each line at its time, or
    later if something is sounding, as long as it ends clear of every beep and of the
    segment's end; else a shorter phrase; else it is dropped (and returned as such)."""
    gap = round(GAP * RATE)
    end = start + round((segment.seconds or 0.0) * RATE)
    beeps = sorted(
        (
            Placed(at, at + length(c.kind, c.text), c.kind, c.text)
            for c in segment.cues
            if c.kind == "beep"
            for at in [start + round((c.at or 0.0) * RATE)]
        ),
        key=lambda b: b.start,
    )
    placed: list[Placed] = list(beeps)
    dropped: list[str] = []
    busy_until = free_from
    for cue in (c for c in segment.cues if c.kind == "speech"):
        spot = _spot(cue, start, busy_until, end, beeps, length)
        if spot is None:
            dropped.append(cue.text)
            continue
        placed.append(spot)
        busy_until = spot.end + gap
    return sorted(placed, key=lambda p: p.start), dropped


def _spot(
    cue: Cue,
    start: int,
    free_from: int,
    end: int,
    beeps: list[Placed],
    length: Callable[[str, str], int],
) -> Placed | None:
    """The first place for ``cue`` (or a shorter way of saying it) clear of the beeps."""
    gap = round(GAP * RATE)
    for text in (cue.text, *cue.shorter):
        size = length("speech", text)
        at = start if cue.at is None else start + round(cue.at * RATE)
        at = max(at - (size if cue.anchor == "end" else 0), free_from, start)
        for beep in beeps:
            if at < beep.end + gap and at + size + gap > beep.start:
                at = beep.end + gap
        if at + size + gap <= end:
            return Placed(at, at + size, "speech", text)
    return None


def _groups(script: CueScript, chapters: list[Chapter]) -> tuple[Chapter, ...]:
    """One chapter spanning each run of sections that share a group."""
    spans: list[Chapter] = []
    for section, chapter in zip(script.sections, chapters, strict=True):
        if not section.group:
            continue
        if spans and spans[-1].title == section.group and spans[-1].end == chapter.start:
            spans[-1] = Chapter(spans[-1].start, chapter.end, section.group)
        else:
            spans.append(Chapter(chapter.start, chapter.end, section.group))
    return tuple(spans)
