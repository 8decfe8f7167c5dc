"""The built-in beeps: short tones quieter than speech, the "go" longer and higher."""

from __future__ import annotations

from functools import cache

from pydub import AudioSegment
from pydub.generators import Sine

from audio_builder.audio.pcm import RATE, SAMPLE_WIDTH

BEEPS = {  # name: (Hz, ms, dBFS)
    "tick": (880, 150, -14.0),
    "go": (1320, 400, -12.0),
}


@cache
def beep(name: str) -> AudioSegment:
    """A short tone with soft edges, so it clicks neither in nor out."""
    hertz, ms, level = BEEPS[name]
    tone = Sine(hertz, sample_rate=RATE, bit_depth=8 * SAMPLE_WIDTH).to_audio_segment(
        ms, volume=level
    )
    return tone.fade_in(5).fade_out(20)
