"""The mixer: voice, beeps, metronome ticks and music summed sample-accurately on the
track's timeline, a block at a time, so memory stays flat however long the track; the
sum is limited, never clipped. With music the track is stereo; with neither music nor
metronome it is ``render``'s mono stream, unchanged."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from audio_builder.audio.ducking import Envelope
from audio_builder.audio.limiter import Limiter
from audio_builder.audio.metronome import SOUND, ticks
from audio_builder.audio.music import MusicStream, Playlist
from audio_builder.audio.pcm import CHANNELS, RATE, STEREO
from audio_builder.audio.render import Sound
from audio_builder.audio.timeline import Placed, Timeline
from audio_builder.coaching.script import CueScript
from audio_builder.settings import Mix

BLOCK = RATE  # frames mixed at a time
CEILING = -1.0  # dBFS: the limiter's ceiling for the sum
SCALE = 32768.0  # 16-bit full scale
SILENT_VOICE = -20.0  # dBFS taken as the voice's level in a track that says nothing


class Mixer:
    """One track's mix, with music (``playlist``) or a metronome or both; ``notes`` says
    what went wrong with songs while mixing. ``pcm()`` may be called more than once (to
    measure, then to write): each call plays the music from the start, the same PCM."""

    def __init__(
        self,
        timeline: Timeline,
        script: CueScript,
        sound: Sound,
        playlist: Playlist | None,
        mix: Mix,
        metronome: bool = False,
    ) -> None:
        self.timeline = timeline
        self.sound = sound
        self.envelope = Envelope(timeline, script, mix.duck, mix.rest_offset)
        self.playlist = playlist
        self.channels = CHANNELS if playlist is None else STEREO
        self.level = voice_level(timeline, sound) + mix.level  # the music's, in dBFS
        self.notes: list[str] = []
        clicks = ticks(timeline) if metronome else ()
        tick = len(sound("beep", SOUND).raw_data) // 2
        placed = [Placed(at, at + tick, "beep", SOUND) for at in clicks]
        self.sounds = tuple(sorted((*timeline.cues, *placed), key=lambda cue: cue.start))

    def pcm(self) -> Iterator[bytes]:
        """The track as 16-bit PCM (``pcm`` format, ``channels`` interleaved)."""
        music = MusicStream(self.playlist, self.level) if self.playlist else None
        self.notes = music.notes if music else []
        limiter = Limiter(CEILING, self.channels)
        cues = self.sounds
        first = 0  # the first cue that may still reach into the next block
        for start in range(0, self.timeline.samples, BLOCK):
            frames = min(BLOCK, self.timeline.samples - start)
            while first < len(cues) and cues[first].end <= start:
                first += 1
            voice = np.zeros(frames, np.float32)
            for cue in cues[first:]:
                if cue.start >= start + frames:
                    break
                clip = _samples(self.sound(cue.kind, cue.text).raw_data)
                lo, hi = max(cue.start, start), min(cue.end, start + frames)
                if hi > lo:  # a tick may have ended inside a longer line
                    voice[lo - start : hi - start] += clip[lo - cue.start : hi - cue.start]
            if music is None:
                yield _to_pcm(limiter.process(voice[:, None]))
                continue
            bed = music.read(frames) * self.envelope.gains(start, frames)[:, None]
            yield _to_pcm(limiter.process(bed + voice[:, None]))
        yield _to_pcm(limiter.flush())


def voice_level(timeline: Timeline, sound: Sound) -> float:
    """The voice's RMS in dBFS over everything it says in the track (clips are trimmed
    of silence, so this is the level of speech itself): what music levels refer to."""
    energy, length = 0.0, 0
    for cue in timeline.cues:
        if cue.kind == "speech":
            clip = _samples(sound(cue.kind, cue.text).raw_data)
            energy += float(np.dot(clip, clip))
            length += len(clip)
    return 10 * float(np.log10(energy / length)) if energy else SILENT_VOICE


def _samples(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype=np.int16).astype(np.float32) / SCALE


def _to_pcm(block: np.ndarray) -> bytes:
    """16-bit samples; the limiter has kept every one under full scale."""
    return np.rint(block * SCALE).astype(np.int16).tobytes()
