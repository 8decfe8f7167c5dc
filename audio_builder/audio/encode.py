"""Encode a track to MP3 in-process with lameenc, tag it, and write it into a temporary
file that is renamed into place only when complete."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import lameenc

from audio_builder.atomic import atomic_file
from audio_builder.audio.pcm import CHANNELS, RATE
from audio_builder.audio.tags import Tags, write_tags
from audio_builder.errors import OutputError

BITRATES = (32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320)
DEFAULT_BITRATE = 96


def write_mp3(path: Path, pcm: Iterable[bytes], tags: Tags, bitrate: int = DEFAULT_BITRATE) -> None:
    """Encode ``pcm`` (the track's format, see ``pcm``) to ``path``, tagged.

    Nothing appears at ``path`` unless the whole file was written.
    """
    try:
        with atomic_file(path) as handle:
            encoder = _encoder(bitrate)
            for piece in pcm:
                handle.write(encoder.encode(piece))
            handle.write(encoder.flush())
            write_tags(handle, tags)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write: {exc.strerror or exc}") from None


def _encoder(bitrate: int) -> lameenc.Encoder:
    encoder = lameenc.Encoder()
    encoder.set_bit_rate(bitrate)
    encoder.set_in_sample_rate(RATE)
    encoder.set_channels(CHANNELS)
    encoder.set_quality(2)
    return encoder
