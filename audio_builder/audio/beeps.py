"""The built-in beeps: short tones quieter than speech, the "go" longer and higher, the
"stop" as long and lower, the metronome's tick short and soft. ``--sounds`` may replace
any of them (audio/sounds.py)."""

from __future__ import annotations

from functools import cache

from pydub import AudioSegment
from pydub.generators import Sine

from audio_builder.audio.pcm import RATE, SAMPLE_WIDTH

BEEPS = {  # name: (Hz, ms, dBFS)
    "tick": (880, 150, -14.0),
    "go": (1320, 400, -12.0),
    "stop": (660, 400, -12.0),
    "metronome": (1760, 30, -30.0),  # --metronome: a soft click under everything else
}
# The longest sound each slot holds without making a timed part of the track grow: a tick
# has the countdown's second less the gap kept between cues (timeline.GAP); "go" has the
# breath before the first movement (coach.GO_TAIL) less that gap; "stop" ends a period
# of work and is followed by speech.
SLOTS_MS = {"tick": 750, "go": 450, "stop": 750, "metronome": 150}


@cache
def beep(name: str) -> AudioSegment:
    """A short tone with soft edges, so it clicks neither in nor out."""
    hertz, ms, level = BEEPS[name]
    tone = Sine(hertz, sample_rate=RATE, bit_depth=8 * SAMPLE_WIDTH).to_audio_segment(
        ms, volume=level
    )
    return tone.fade_in(5).fade_out(20)
