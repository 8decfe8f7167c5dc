"""How the music sits under the real voice, in every cue window of the seed, measured on
decoded MP3s: the ducking depth (a pure-tone song, so its level is one FFT bin) and the
speech-to-music ratio (the generated music of ``run.py``).

The voice and the music of one mix are encoded apart — the mixer with the voice muted,
and the voice alone — so that each can be measured where the other sounds.

    python benchmarks/music_levels.py      # uses $AUDIO_BUILDER_CACHE_DIR (warm: fast)
"""

from __future__ import annotations

import itertools
import json
import sys
import tempfile
from pathlib import Path

import numpy as np
from run import SEED, write_music

from audio_builder.audio.cache import default_cache_dir
from audio_builder.audio.decode import read_stereo
from audio_builder.audio.ducking import FADE_OUT, SPEECH_ATTACK, SPEECH_RELEASE
from audio_builder.audio.encode import write_mp3
from audio_builder.audio.engines import create_engine
from audio_builder.audio.mixer import Mixer
from audio_builder.audio.music import open_playlist
from audio_builder.audio.narrator import VoiceChoice
from audio_builder.audio.pcm import RATE, STEREO
from audio_builder.audio.render import render
from audio_builder.audio.tags import Tags
from audio_builder.build import load, time_track
from audio_builder.settings import MIX

TONE = 3000.0
EDGE = 0.04  # seconds off each window's ends: the MP3's encoder delay is ~25 ms


def tone_song(path: Path, minutes: float) -> Path:
    t = np.arange(round(minutes * 60 * RATE)) / RATE
    tone = 0.3 * np.sin(2 * np.pi * TONE * t)
    samples = np.round(np.stack([tone, tone], axis=1) * 32767).astype(np.int16)
    write_mp3(path, [samples.tobytes()], Tags("tone", "", ()), 192, STEREO)
    return path


def music_alone(timeline, script, narrator, song: Path, out: Path) -> np.ndarray:
    """The mix with the voice's level as in a real build, but its clips silent."""
    mixer = Mixer(timeline, script, narrator.sound, open_playlist((song,), str(song)), MIX)

    mixer.sound = lambda kind, text: narrator.sound(kind, text).apply_gain(-200)  # all zeros
    write_mp3(out, mixer.pcm(), Tags("music", "", ()), 128, STEREO)
    return np.concatenate(list(read_stereo(out)))


def windows(timeline, kind: str) -> list[tuple[float, float]]:
    end = timeline.seconds - FADE_OUT
    return [
        (cue.start / RATE + EDGE, cue.end / RATE - EDGE)
        for cue in timeline.cues
        if cue.kind == kind and cue.end / RATE < end and cue.end - cue.start >= 0.1 * RATE
    ]


def between(timeline) -> list[tuple[float, float]]:
    spans = []
    for before, after in itertools.pairwise(timeline.cues):
        start = before.end / RATE + SPEECH_RELEASE + 0.2
        end = after.start / RATE - SPEECH_ATTACK - 0.1
        if end - start > 0.5 and end < timeline.seconds - FADE_OUT:
            spans.append((start, end))
    return spans


def tone_db(samples: np.ndarray, start: float, end: float) -> float:
    piece = samples[round(start * RATE) : round(end * RATE), 0]
    window = np.hanning(len(piece))
    spectrum = np.abs(np.fft.rfft(piece * window)) / (window.sum() / 2)
    nearest = round(TONE * len(piece) / RATE)
    return 20 * float(np.log10(spectrum[nearest - 2 : nearest + 3].max()))


def rms_db(samples: np.ndarray, start: float, end: float) -> float:
    piece = samples[round(start * RATE) : round(end * RATE)]
    return 10 * float(np.log10(np.mean(np.square(piece, dtype=np.float64)) + 1e-20))


def main() -> None:
    narrator = VoiceChoice(create_engine("piper"), default_cache_dir()).narrator()
    track = load(SEED, {})
    timeline = time_track(track, narrator)
    with tempfile.TemporaryDirectory() as root:
        folder = Path(root)
        tone = music_alone(
            timeline, track.script, narrator, tone_song(folder / "tone.mp3", 10), folder / "t.mp3"
        )
        music = music_alone(
            timeline, track.script, narrator, write_music(folder / "m.mp3"), folder / "m2.mp3"
        )
        write_mp3(folder / "v.mp3", render(timeline, narrator.sound), Tags("voice", "", ()))
        voice = np.concatenate(list(read_stereo(folder / "v.mp3")))
    bed = float(np.median([tone_db(tone, *span) for span in between(timeline)]))
    depth = {
        kind: [bed - tone_db(tone, *span) for span in windows(timeline, kind)]
        for kind in ("speech", "beep")
    }
    ratio = [rms_db(voice, *span) - rms_db(music, *span) for span in windows(timeline, "speech")]
    figures = {
        "speech_windows": len(depth["speech"]),
        "beep_windows": len(depth["beep"]),
        "duck_db": MIX.duck,
        "speech_depth_db": [round(f(depth["speech"]), 2) for f in (np.min, np.median, np.max)],
        "beep_depth_db": [round(f(depth["beep"]), 2) for f in (np.min, np.median, np.max)],
        "speech_to_music_db": [round(f(ratio), 2) for f in (np.min, np.median, np.max)],
    }
    print(json.dumps(figures))
    return 0 if min(ratio) >= 15 and max(abs(d - MIX.duck) for d in depth["speech"]) <= 2 else 1


if __name__ == "__main__":
    sys.exit(main())
