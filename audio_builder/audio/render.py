"""Lay the clips and beeps of a timeline end to end with the silences between them,
as a stream of PCM pieces: the whole track is never held in memory, and nothing is
joined more than once."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from pydub import AudioSegment

from audio_builder.audio.pcm import FRAME_BYTES, RATE
from audio_builder.audio.timeline import Timeline

_SILENCE_BLOCK = bytes(FRAME_BYTES * RATE)

Sound = Callable[[str, str], AudioSegment]


def render(timeline: Timeline, sound: Sound) -> Iterator[bytes]:
    """PCM in the track's format (``pcm``) of the whole timeline, piece by piece."""
    position = 0
    for cue in timeline.cues:
        yield from _silence(cue.start - position)
        yield sound(cue.kind, cue.text).raw_data
        position = cue.end
    yield from _silence(timeline.samples - position)


def _silence(samples: int) -> Iterator[bytes]:
    whole, rest = divmod(samples * FRAME_BYTES, len(_SILENCE_BLOCK))
    for _ in range(whole):
        yield _SILENCE_BLOCK
    if rest:
        yield _SILENCE_BLOCK[:rest]
