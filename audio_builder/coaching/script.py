"""The cue script: what is said (or beeped) when, as plain data.

The coach writes a ``CueScript`` of sections (chapters) made of segments with nominal
lengths; ``timeline.schedule`` turns it into exact sample times once clip lengths are known.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

CueKind = Literal["speech", "beep"]
Anchor = Literal["start", "end"]


@dataclass(frozen=True)
class Cue:
    """Say ``text`` (or play the beep named by it) ``at`` seconds into its segment.

    ``at=None`` means right after the previous cue. With ``anchor="end"`` the cue is
    placed to *end* at ``at`` (a rep's count lands as the rep completes). In a fixed
    segment, ``shorter`` are ways of saying the same in fewer words, tried in turn when
    ``text`` does not fit before the next beep or the segment's end.
    """

    kind: CueKind
    text: str
    at: float | None = None
    anchor: Anchor = "start"
    shorter: tuple[str, ...] = ()


def say(
    text: str, at: float | None = None, anchor: Anchor = "start", shorter: tuple[str, ...] = ()
) -> Cue:
    return Cue("speech", text, at, anchor, shorter)


def beep(name: str, at: float) -> Cue:
    return Cue("beep", name, at)


@dataclass(frozen=True)
class Segment:
    """A stretch of the track with its cues.

    ``seconds`` is the length the workout needs (a rep, a rest); ``None`` means as long
    as its speech. A timed segment whose speech does not fit grows, and that is reported.
    A ``fixed`` segment is a clock (an interval's work or rest, an EMOM's minute): it
    never grows and its beeps never move; speech that does not fit moves later, takes a
    shorter phrase, or is dropped, and a drop is reported.
    """

    label: str
    cues: tuple[Cue, ...]
    seconds: float | None = None
    fixed: bool = False


@dataclass(frozen=True)
class Section:
    """A chapter of the track: intro, a set, a rest, the outro. In a workout plan,
    ``group`` names the exercise the section belongs to (chapters nest under it)."""

    title: str
    segments: tuple[Segment, ...]
    group: str = ""


@dataclass(frozen=True)
class CueScript:
    title: str
    sections: tuple[Section, ...]

    def phrases(self) -> list[str]:
        """Every distinct spoken line, in order of first use."""
        seen = dict.fromkeys(
            text
            for section in self.sections
            for segment in section.segments
            for cue in segment.cues
            if cue.kind == "speech"
            for text in (cue.text, *cue.shorter)
        )
        return list(seen)

    def planned_seconds(self) -> float:
        """The length the workout itself needs (timed segments), before any speech."""
        return sum(
            segment.seconds or 0.0 for section in self.sections for segment in section.segments
        )
