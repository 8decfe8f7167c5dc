"""Place every cue of a script on one sample timeline, so that no two clips overlap."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from audio_builder.audio.pcm import RATE
from audio_builder.coaching.script import CueKind, CueScript

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
class Timeline:
    title: str
    cues: tuple[Placed, ...]
    chapters: tuple[Chapter, ...]
    samples: int
    stretches: tuple[Stretch, ...]
    groups: tuple[Chapter, ...] = ()  # in a workout plan: one chapter per exercise
    rate: int = RATE

    @property
    def seconds(self) -> float:
        return self.samples / self.rate


def schedule(script: CueScript, length: Callable[[str, str], int]) -> Timeline:
    """Resolve the script: ``length(kind, text)`` gives each clip's length in samples.

    A cue without a time follows the previous one after a short gap. A timed cue that
    would start before the previous clip ended (plus the gap) is pushed back, and every
    later cue of its segment moves with it, so the rhythm holds and the segment grows by
    the same amount; that growth is reported.
    """
    gap = round(GAP * RATE)
    cues: list[Placed] = []
    chapters: list[Chapter] = []
    stretches: list[Stretch] = []
    cursor = 0
    busy_until = -gap
    for section in script.sections:
        section_start = cursor
        for segment in section.segments:
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
            if cursor > planned:
                culprit = first_push or segment.cues[-1].text
                stretches.append(
                    Stretch(section.title, segment.label, culprit, (cursor - planned) / RATE)
                )
        chapters.append(Chapter(section_start, cursor, section.title))
    groups = _groups(script, chapters)
    return Timeline(script.title, tuple(cues), tuple(chapters), cursor, tuple(stretches), groups)


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
