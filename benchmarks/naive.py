"""The naive baseline: what a user would write with pydub.

Same clips (from the same clip cache) and the same timeline as ``audio-builder build``,
but the track is grown with ``+=`` in a loop (silence, then the clip, for every cue),
which copies the whole track so far at each step. Exported through pydub/ffmpeg when
ffmpeg exists, else encoded in one go with lameenc at the build's settings.

Usage: python benchmarks/naive.py INPUT OUT.mp3   (AUDIO_BUILDER_CACHE_DIR: the cache)
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import lameenc
from pydub import AudioSegment

from audio_builder.audio.cache import default_cache_dir
from audio_builder.audio.engines import create_engine
from audio_builder.audio.narrator import VoiceChoice
from audio_builder.audio.timeline import RATE
from audio_builder.build import load, time_track

BITRATE = 96
QUALITY = 2  # as audio_builder.audio.encode._encoder


def naive_track(source: Path) -> AudioSegment:
    """Join silence and clips with ``+=``, cue after cue."""
    narrator = VoiceChoice(create_engine("piper"), default_cache_dir()).narrator()
    timeline = time_track(load(source, {}), narrator)
    track = AudioSegment.silent(0, frame_rate=RATE)
    position = 0
    for cue in timeline.cues:
        track += AudioSegment.silent((cue.start - position) * 1000 / RATE, frame_rate=RATE)
        track += narrator.sound(cue.kind, cue.text)
        position = cue.end
    track += AudioSegment.silent((timeline.samples - position) * 1000 / RATE, frame_rate=RATE)
    return track


def export(track: AudioSegment, out: Path) -> None:
    if shutil.which("ffmpeg"):
        track.export(out, format="mp3", bitrate=f"{BITRATE}k")
        return
    encoder = lameenc.Encoder()
    encoder.set_bit_rate(BITRATE)
    encoder.set_in_sample_rate(RATE)
    encoder.set_channels(1)
    encoder.set_quality(QUALITY)
    out.write_bytes(encoder.encode(track.raw_data) + encoder.flush())


if __name__ == "__main__":
    export(naive_track(Path(sys.argv[1])), Path(sys.argv[2]))
