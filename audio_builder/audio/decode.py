"""Decode audio files in-process with miniaudio (MP3, FLAC, Ogg Vorbis, WAV) and no
ffmpeg: the one decoder for every audio file the program reads."""

from __future__ import annotations

import miniaudio
from pydub import AudioSegment

from audio_builder.audio.pcm import SAMPLE_WIDTH

_PROBES = (
    miniaudio.wav_get_info,
    miniaudio.flac_get_info,
    miniaudio.vorbis_get_info,
    miniaudio.mp3_get_info,  # last: it finds frames in almost any noise
)


class DecodeError(ValueError):
    """The bytes hold no playable audio; the message says why."""


def native_rate(data: bytes) -> int:
    """The sample rate the audio was recorded at."""
    for probe in _PROBES:
        try:
            return probe(data).sample_rate
        except miniaudio.DecodeError:
            continue
    raise DecodeError("not a known audio format (MP3, FLAC, Ogg Vorbis or WAV)")


def decode_mono(data: bytes) -> AudioSegment:
    """Mono 16-bit audio at its own sample rate."""
    if not data:
        raise DecodeError("empty")
    rate = native_rate(data)
    try:
        decoded = miniaudio.decode(
            data, output_format=miniaudio.SampleFormat.SIGNED16, nchannels=1, sample_rate=rate
        )
    except miniaudio.DecodeError as exc:
        raise DecodeError("not a known audio format (MP3, FLAC, Ogg Vorbis or WAV)") from exc
    if decoded.num_frames == 0:
        raise DecodeError("no samples")
    return AudioSegment(
        data=decoded.samples.tobytes(), sample_width=SAMPLE_WIDTH, frame_rate=rate, channels=1
    )
