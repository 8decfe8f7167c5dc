"""Decode audio in-process with PyAV, whose wheel carries FFmpeg's decoders (MP3, FLAC,
Ogg Vorbis, WAV, M4A/AAC and more) and needs no ffmpeg on the system: the one decoder
for every audio file or answer the program reads."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from pydub import AudioSegment

from audio_builder.audio.pcm import SAMPLE_WIDTH, STEREO

if TYPE_CHECKING:
    import av

_BATCH = 1 << 16  # frames handed on at a time: fewer, larger numpy operations downstream


class DecodeError(ValueError):
    """The bytes hold no playable audio; the message says why."""


@dataclass(frozen=True)
class AudioInfo:
    rate: int
    channels: int
    seconds: float | None  # from the header; None when the container does not say


def decode_mono(data: bytes) -> AudioSegment:
    """Mono 16-bit audio at its own sample rate (a spoken clip)."""
    if not data:
        raise DecodeError("empty")
    with _open(io.BytesIO(data)) as container:
        stream = container.streams.audio[0]
        rate = stream.rate
        pieces = [
            block.reshape(-1) for block in _frames(container, "s16", "mono", stream.rate, np.int16)
        ]
    if not pieces or not sum(len(piece) for piece in pieces):
        raise DecodeError("no samples")
    return AudioSegment(
        data=np.concatenate(pieces).tobytes(),
        sample_width=SAMPLE_WIDTH,
        frame_rate=rate,
        channels=1,
    )


def decode_samples(data: bytes, channels: int) -> tuple[np.ndarray, int]:
    """Float samples, shape (frames, ``channels``), and their rate: for measuring what an
    encoder made of a piece."""
    with _open(io.BytesIO(data)) as container:
        rate = container.streams.audio[0].rate
        layout = "stereo" if channels == STEREO else "mono"
        blocks = list(_frames(container, "flt", layout, rate, np.float32))
    if not blocks:
        raise DecodeError("no samples")
    return np.concatenate(blocks), rate


def probe(path: Path) -> AudioInfo:
    """A file's rate, channels and length, checked by decoding its first samples."""
    import av

    with _open(path) as container:
        stream = container.streams.audio[0]
        first = next(_frames(container, "flt", "stereo", stream.rate, np.float32), None)
        if first is None:
            raise DecodeError("no samples (a 0-length song)")
        seconds = container.duration / av.time_base if container.duration else None
        return AudioInfo(stream.rate, stream.channels, seconds)


def read_stereo(path: Path) -> Iterator[np.ndarray]:
    """The whole file as float32 stereo blocks, shape (frames, 2), at its own rate: mono
    is spread to both sides, more channels are mixed down. Streamed, so any length fits
    in memory. A file damaged part-way raises ``DecodeError`` at that point."""
    with _open(path) as container:
        stream = container.streams.audio[0]
        yield from _frames(container, "flt", "stereo", stream.rate, np.float32)


def _open(source: Path | io.BytesIO) -> av.container.InputContainer:
    import av  # ~0.1 s to import: paid only when a file is decoded, not by every build

    try:
        container = av.open(source if isinstance(source, io.BytesIO) else str(source))
    except av.error.FileNotFoundError:
        raise DecodeError("not found") from None
    except (av.error.FFmpegError, OSError) as exc:
        raise DecodeError(f"not a known audio format ({_reason(exc)})") from None
    if not container.streams.audio:
        container.close()
        raise DecodeError("no audio in it")
    return container


def _frames(
    container: av.container.InputContainer, form: str, layout: str, rate: int, dtype: type
) -> Iterator[np.ndarray]:
    """Decoded audio as packed ``form`` with ``layout``, ~``_BATCH`` frames at a time.
    Float stereo (or mono, for stereo) as most decoders give it is taken as it is; any
    other format or layout goes through FFmpeg's converter."""
    import av

    channels = STEREO if layout == "stereo" else 1
    converter = av.AudioResampler(format=form, layout=layout, rate=rate)
    pending: list[np.ndarray] = []  # planar: (channels, frames)
    held = 0
    try:
        for frame in container.decode(container.streams.audio[0]):
            if form == "flt" and frame.format.name == "fltp" and len(frame.layout.channels) <= 2:
                planes = frame.to_ndarray()
                pending.append(np.repeat(planes, channels, 0) if len(planes) < channels else planes)
            else:
                pending.extend(_planar(c, channels) for c in converter.resample(frame))
            held += frame.samples
            if held >= _BATCH:
                yield _packed(pending, dtype)
                pending, held = [], 0
        pending.extend(_planar(c, channels) for c in converter.resample(None))
    except (av.error.FFmpegError, OSError, ValueError) as exc:
        raise DecodeError(f"damaged or truncated ({_reason(exc)})") from None
    if pending and sum(block.shape[1] for block in pending):
        yield _packed(pending, dtype)


def _planar(frame: av.AudioFrame, channels: int) -> np.ndarray:
    """A packed frame's samples as (channels, frames)."""
    return frame.to_ndarray().reshape(-1, channels).T


def _packed(planes: list[np.ndarray], dtype: type) -> np.ndarray:
    return np.ascontiguousarray(np.concatenate(planes, axis=1).T, dtype=dtype)


def _reason(exc: Exception) -> str:
    return str(getattr(exc, "strerror", None) or exc).rstrip(".").lower()
