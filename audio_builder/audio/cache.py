"""Content-addressed clip cache: each distinct phrase is synthesized once per machine.

An entry is the clip's PCM (mono, 16-bit, 44.1 kHz) behind a small header holding its
length and checksum, written atomically; a damaged entry reads as a miss.
"""

from __future__ import annotations

import hashlib
import os
import struct
from pathlib import Path

import platformdirs

from audio_builder.atomic import write_atomic

FORMAT_VERSION = 2  # bump when the stored audio changes (rate, trimming, levels)
_HEADER = struct.Struct("<4sQ32s")
_MAGIC = b"ABC1"


def default_cache_dir() -> Path:
    """``AUDIO_BUILDER_CACHE_DIR``, else the user cache dir (e.g. ~/.cache/audio_builder)."""
    configured = os.environ.get("AUDIO_BUILDER_CACHE_DIR")
    return Path(configured) if configured else Path(platformdirs.user_cache_dir("audio_builder"))


class ClipCache:
    def __init__(self, root: Path) -> None:
        self.root = root

    @staticmethod
    def key(engine: str, voice: str, text: str) -> str:
        identity = f"{FORMAT_VERSION}\0{engine}\0{voice}\0{text}"
        return hashlib.sha256(identity.encode()).hexdigest()

    def path(self, key: str) -> Path:
        return self.root / "clips" / key[:2] / f"{key}.pcm"

    def get(self, key: str) -> bytes | None:
        """The stored PCM, or None when missing, truncated or corrupt."""
        try:
            data = self.path(key).read_bytes()
        except OSError:
            return None
        if len(data) < _HEADER.size:
            return None
        magic, size, digest = _HEADER.unpack_from(data)
        pcm = data[_HEADER.size :]
        if magic != _MAGIC or size != len(pcm) or hashlib.sha256(pcm).digest() != digest:
            return None
        return pcm

    def put(self, key: str, pcm: bytes) -> None:
        """Store atomically: readers see the old entry, nothing, or the whole new one."""
        header = _HEADER.pack(_MAGIC, len(pcm), hashlib.sha256(pcm).digest())
        write_atomic(self.path(key), header + pcm)
