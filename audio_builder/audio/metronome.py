"""The metronome (``--metronome``): a soft tick on each second of every rep and every
timed hold, for tempo work. Ticks make no cue of their own: the cue script and its times
stay as they are, and a tick that would fall on a beep is left out."""

from __future__ import annotations

from audio_builder.audio.pcm import RATE
from audio_builder.audio.timeline import Timeline

SOUND = "metronome"  # the beep it plays (audio/beeps.py; --sounds may replace it)
MOVING = ("rep ", "work")  # labels of the segments where the body moves or holds
CLEAR_OF_BEEPS = 0.25  # seconds a tick keeps from a beep's start


def ticks(timeline: Timeline) -> tuple[int, ...]:
    """Sample positions of the ticks, in order."""
    beeps = [cue.start for cue in timeline.cues if cue.kind == "beep"]
    clear = round(CLEAR_OF_BEEPS * RATE)
    found = [
        at
        for segment in timeline.segments
        if segment.title.startswith(MOVING)
        for at in range(segment.start, segment.end, RATE)
        if all(abs(at - beep) >= clear for beep in beeps)
    ]
    return tuple(found)
