"""Lay the clips and beeps of a timeline end to end with the silences between them,
as a stream of PCM pieces: the whole track is never held in memory, and nothing is
joined more than once."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import cache

from pydub import AudioSegment
from pydub.generators import Sine

from audio_builder.timeline import RATE, Timeline

BEEPS = {  # name: (Hz, ms, dBFS) — quieter than speech, the "go" longer and higher
    "tick": (880, 150, -14.0),
    "go": (1320, 400, -12.0),
}
_SILENCE_BLOCK = b"\0\0" * RATE

Sound = Callable[[str, str], AudioSegment]


@cache
def beep(name: str) -> AudioSegment:
    """A short tone with soft edges, so it clicks neither in nor out."""
    hertz, ms, level = BEEPS[name]
    tone = Sine(hertz, sample_rate=RATE, bit_depth=16).to_audio_segment(ms, volume=level)
    return tone.fade_in(5).fade_out(20)


def render(timeline: Timeline, sound: Sound) -> Iterator[bytes]:
    """PCM (mono, 16-bit, ``RATE``) of the whole timeline, piece by piece."""
    position = 0
    for cue in timeline.cues:
        yield from _silence(cue.start - position)
        yield sound(cue.kind, cue.text).raw_data
        position = cue.end
    yield from _silence(timeline.samples - position)


def _silence(samples: int) -> Iterator[bytes]:
    whole, rest = divmod(samples * 2, len(_SILENCE_BLOCK))
    for _ in range(whole):
        yield _SILENCE_BLOCK
    if rest:
        yield _SILENCE_BLOCK[:rest]
