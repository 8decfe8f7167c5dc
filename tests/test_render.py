"""Rendering a timeline: every clip at its sample, silence elsewhere, the exact length,
and the track streamed in pieces no larger than a second of silence or one clip."""

from __future__ import annotations

import array

import pytest
from pydub import AudioSegment

from audio_builder.audio.pcm import CHANNELS, FRAME_BYTES, RATE, SAMPLE_WIDTH
from audio_builder.audio.render import render
from audio_builder.audio.timeline import Chapter, Placed, Timeline

CLIPS = {"Hello.": (1000, 300), "go": (-2000, 100), "Done.": (3000, 250)}  # level, samples


def sound(kind: str, text: str) -> AudioSegment:
    """A clip of constant level, so each one can be found in the output."""
    level, samples = CLIPS[text]
    pcm = array.array("h", [level] * samples).tobytes()
    return AudioSegment(pcm, frame_rate=RATE, sample_width=SAMPLE_WIDTH, channels=CHANNELS)


def placed(start: int, kind: str, text: str) -> Placed:
    return Placed(start, start + CLIPS[text][1], kind, text)


def timeline(cues: tuple[Placed, ...], samples: int) -> Timeline:
    return Timeline("Test", cues, (Chapter(0, samples, "All"),), samples, ())


def samples_of(track: Timeline) -> list[int]:
    return list(array.array("h", b"".join(render(track, sound))))


def test_each_clip_lands_on_its_sample_with_silence_around_it():
    cues = (placed(0, "speech", "Hello."), placed(2 * RATE, "beep", "go"))
    cues += (placed(2 * RATE + 500, "speech", "Done."),)
    track = timeline(cues, 3 * RATE)

    out = samples_of(track)

    assert len(out) == track.samples
    expected = [0] * track.samples
    for cue in cues:
        expected[cue.start : cue.end] = [CLIPS[cue.text][0]] * (cue.end - cue.start)
    assert out == expected


def test_a_timeline_without_cues_is_silence_of_its_length():
    assert samples_of(timeline((), RATE + 7)) == [0] * (RATE + 7)


@pytest.mark.parametrize("seconds", [0.5, 1, 2.5, 60])
def test_long_silences_come_in_pieces_of_a_second_at_most(seconds):
    samples = round(seconds * RATE)
    track = timeline((placed(samples, "speech", "Hello."),), samples + 300)

    pieces = list(render(track, sound))

    assert sum(len(piece) for piece in pieces) == track.samples * FRAME_BYTES
    assert max(len(piece) for piece in pieces) <= RATE * FRAME_BYTES
