"""How loud the music is at every sample, from the cue sheet: lowered around each spoken
cue, dipped under each beep, optionally quieter during rests, faded out at the end.

A side-chain ducker has to hear a word before it reacts, so it lets the first syllable
through at full music level; the timeline knows every onset in advance, so the music is
already down when a word starts.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from audio_builder.audio.pcm import RATE
from audio_builder.audio.timeline import Timeline
from audio_builder.coaching.script import CueScript

# Speech: the music starts falling 150 ms before a word, so it is fully down by the first
# consonant without an audible hole before it, and rises over 500 ms after the last one,
# slow enough not to "pump" and to let the word's tail ring. Lines less than a second
# apart share one dip rather than letting the music bob up between them.
SPEECH_ATTACK = 0.15
SPEECH_RELEASE = 0.5
MERGE_GAP = 1.0
# Beeps: a short, shallower dip, enough for a pure tone to stand well clear of the music.
BEEP_DIP = 6.0
BEEP_ATTACK = 0.03
BEEP_RELEASE = 0.2
REST_RAMP = 1.0  # seconds over which the music moves to and from its rest level
FADE_OUT = 5.0  # seconds of fade at the end of the track


@dataclass(frozen=True)
class Dip:
    start: int  # samples: the cue's own span, where the dip is at full depth
    end: int
    depth: float  # dB
    attack: int  # samples before ``start`` over which the music falls
    release: int  # samples after ``end`` over which it comes back


class Envelope:
    """The music's gain over the track, computed a block at a time."""

    def __init__(
        self,
        timeline: Timeline,
        script: CueScript,
        duck: float,
        rest_offset: float = 0.0,
    ) -> None:
        """``duck``: dB the music falls under speech; ``rest_offset``: dB it falls in rests."""
        self.samples = timeline.samples
        self.dips = _dips(timeline, duck)
        self.rests = _rests(timeline, script) if rest_offset else ()
        self.rest_offset = rest_offset
        self._lo = np.array([dip.start - dip.attack for dip in self.dips], dtype=np.int64)
        self._hi = np.array([dip.end + dip.release for dip in self.dips], dtype=np.int64)

    def gains(self, start: int, frames: int) -> np.ndarray:
        """Linear gains for samples ``start`` to ``start + frames``."""
        end = start + frames
        lowered = np.zeros(frames, dtype=np.float32)
        for index in np.nonzero((self._lo < end) & (self._hi > start))[0]:
            dip = self.dips[index]
            lo, hi = max(int(self._lo[index]), start), min(int(self._hi[index]), end)
            shape = _plateau(np.arange(lo, hi), dip.start, dip.end, dip.attack, dip.release)
            np.maximum(
                lowered[lo - start : hi - start],
                dip.depth * shape,
                out=lowered[lo - start : hi - start],
            )
        ramp = round(REST_RAMP * RATE)
        for begin, finish in self.rests:
            if begin < end and finish > start:
                at = np.arange(start, end)
                lowered += self.rest_offset * _plateau(at, begin + ramp, finish - ramp, ramp, ramp)
        gain = 10 ** (-lowered / 20)
        fade = round(FADE_OUT * RATE)
        if end > self.samples - fade:
            gain *= np.clip((self.samples - np.arange(start, end)) / fade, 0, 1) ** 2
        return gain


def _dips(timeline: Timeline, duck: float) -> tuple[Dip, ...]:
    speech: list[Dip] = []
    beeps: list[Dip] = []
    for cue in timeline.cues:
        if cue.kind == "beep":
            beeps.append(
                Dip(cue.start, cue.end, min(BEEP_DIP, duck), _n(BEEP_ATTACK), _n(BEEP_RELEASE))
            )
        elif speech and cue.start - speech[-1].end < _n(MERGE_GAP):
            last = speech[-1]
            speech[-1] = Dip(last.start, cue.end, duck, last.attack, last.release)
        else:
            speech.append(Dip(cue.start, cue.end, duck, _n(SPEECH_ATTACK), _n(SPEECH_RELEASE)))
    return tuple(sorted(speech + beeps, key=lambda dip: dip.start))


def _rests(timeline: Timeline, script: CueScript) -> tuple[tuple[int, int], ...]:
    """The spans of the chapters that are rests (every segment of them a rest)."""
    return tuple(
        (chapter.start, chapter.end)
        for section, chapter in zip(script.sections, timeline.chapters, strict=True)
        if section.segments and all(segment.label == "rest" for segment in section.segments)
    )


def _plateau(at: np.ndarray, start: int, end: int, rise: int, fall: int) -> np.ndarray:
    """0 outside, 1 from ``start`` to ``end``, with raised-cosine ramps of ``rise``
    samples before and ``fall`` after (no corner for the ear to catch)."""
    up = np.clip((at - (start - rise)) / max(rise, 1), 0, 1)
    down = np.clip(((end + fall) - at) / max(fall, 1), 0, 1)
    return (0.5 - 0.5 * np.cos(np.pi * np.minimum(up, down))).astype(np.float32)


def _n(seconds: float) -> int:
    return round(seconds * RATE)
