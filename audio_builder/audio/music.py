"""The listener's music (the songs ``songs`` finds) as one endless stereo stream at the
track's rate — each song levelled, crossfaded into the next, the list looped — read block
by block, so memory stays flat however long the track and however many songs."""

from __future__ import annotations

import contextlib
import hashlib
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import soxr

from audio_builder.audio.cache import ClipCache
from audio_builder.audio.decode import DecodeError, probe, read_stereo
from audio_builder.audio.pcm import RATE, RESAMPLE_QUALITY, STEREO
from audio_builder.audio.songs import file_digest
from audio_builder.errors import MusicError

CROSSFADE = 3.0  # seconds one song fades into the next
GATE_BLOCK = 0.4  # seconds per block when measuring a song's level (as BS.1770)
ABSOLUTE_GATE = -70.0  # dBFS: blocks quieter than this are silence, not music
RELATIVE_GATE = -10.0  # dB under the ungated mean: fades and breaks do not count
MAX_BOOST = 24.0  # dB a quiet song may be raised, so a near-silent file is not blown up
_LEVEL = struct.Struct("<d")
TRUNCATED = 0.97  # a song that decodes to less of its stated length is damaged


@dataclass(frozen=True)
class Song:
    path: Path
    rate: int
    channels: int
    seconds: float | None  # as the header gives it


@dataclass(frozen=True)
class Playlist:
    songs: tuple[Song, ...]
    notes: tuple[str, ...]  # songs skipped, and why
    cache: ClipCache | None = None  # where songs' levels are kept between runs


def open_playlist(paths: tuple[Path, ...], where: str, cache: ClipCache | None = None) -> Playlist:
    """Check that every song opens and decodes, and measure songs until one plays right
    through; skip (and note) those that cannot, and fail only when none can. ``where``
    names the music as given, for the messages."""
    songs: list[Song] = []
    notes: list[str] = []
    skipped: list[tuple[Path, str]] = []
    for path in paths:
        if not path.is_file():
            skipped.append((path, "not found"))
            continue
        try:
            info = probe(path)
        except DecodeError as exc:
            skipped.append((path, str(exc)))
            continue
        if info.channels > STEREO:
            notes.append(f"music: {path}: {info.channels} channels, mixed down to stereo")
        songs.append(Song(path, info.rate, info.channels, info.seconds))
    while songs:
        try:
            song_level(songs[0], cache)
            break
        except DecodeError as exc:
            skipped.append((songs.pop(0).path, str(exc)))
    if not songs and len(paths) == 1:
        raise MusicError(f"{paths[0]}: {skipped[0][1]}")
    if not songs:
        reasons = "; ".join(f"{path.name}: {why}" for path, why in skipped)
        raise MusicError(f"{where}: no usable song ({reasons})")
    notes.extend(f"music: {path}: {why}; skipped" for path, why in skipped)
    return Playlist(tuple(songs), tuple(notes), cache)


class MusicStream:
    """The playlist as one continuous stereo signal at the track's rate, every song at
    ``level`` dBFS (gated RMS), read ``frames`` at a time. A song found damaged while
    playing is noted and left out from then on; if none plays, the rest is silence."""

    def __init__(self, playlist: Playlist, level: float) -> None:
        self.notes: list[str] = []
        self._decoded = 0  # frames decoded so far, all songs and rounds
        self._level = level
        self._songs = list(playlist.songs)
        self._cache = playlist.cache
        self._source = self._joined()
        self._held = np.zeros((0, STEREO), np.float32)

    def read(self, frames: int) -> np.ndarray:
        pieces, have = [self._held], len(self._held)
        while have < frames:
            block = next(self._source, None)
            if block is None:
                pieces.append(np.zeros((frames - have, STEREO), np.float32))
                break
            pieces.append(block)
            have += len(block)
        joined = np.concatenate(pieces)
        self._held = joined[frames:]
        return joined[:frames]

    def _joined(self) -> Iterator[np.ndarray]:
        """Songs one after another, looping, each crossfading into the next: the last
        ``CROSSFADE`` seconds of a song are held back until the next one starts."""
        fade = round(CROSSFADE * RATE)
        tail = np.zeros((0, STEREO), np.float32)
        while self._songs:
            before = self._decoded
            for song in tuple(self._songs):
                body = self._levelled(song)
                head = _take(body, len(tail))
                overlap = min(len(head), len(tail))
                yield tail[: len(tail) - overlap]
                if overlap:
                    out, into = _crossfade(overlap)
                    yield tail[len(tail) - overlap :] * out + head[:overlap] * into
                held = head[overlap:]
                self._decoded += len(head)
                for block in body:
                    self._decoded += len(block)
                    held = np.concatenate((held, block))
                    if len(held) > fade:
                        yield held[:-fade]
                        held = held[-fade:]
                tail = held
            if self._decoded == before:
                break
        yield tail
        self.notes.append("music: no song left that plays; the rest of the track has none")

    def _levelled(self, song: Song) -> Iterator[np.ndarray]:
        """One song at the track's rate and the stream's level; a damaged song ends where
        it broke, and is left out of later rounds."""
        try:
            boost = min(self._level - song_level(song, self._cache), MAX_BOOST)
            gain = np.float32(10 ** (boost / 20))
            if song.rate == RATE:
                for block in read_stereo(song.path):
                    yield block * gain
                return
            resampler = soxr.ResampleStream(song.rate, RATE, STEREO, "float32", RESAMPLE_QUALITY)
            for block in read_stereo(song.path):
                yield resampler.resample_chunk(block) * gain
            yield resampler.resample_chunk(np.zeros((0, STEREO), np.float32), last=True) * gain
        except DecodeError as exc:
            self.notes.append(f"music: {song.path}: {exc}; skipped")
            self._songs.remove(song)


def song_level(song: Song, cache: ClipCache | None = None) -> float:
    """The song's gated RMS in dBFS: its 400 ms blocks without silence and without those
    10 dB under the rest. Measured by decoding the song once, then kept by its content
    in ``cache``; a song that decodes to much less than its header says is truncated
    (``DecodeError``)."""
    key = hashlib.sha256(f"music-level\0{file_digest(song.path)}".encode()).hexdigest()
    stored = cache.get(key) if cache else None
    if stored is not None and len(stored) == _LEVEL.size:
        return _LEVEL.unpack(stored)[0]
    try:
        stat = song.path.stat()
    except OSError as exc:
        raise DecodeError(f"cannot read: {exc.strerror or exc}") from None
    level = _song_level(song, stat.st_size, stat.st_mtime_ns)
    if cache:
        with contextlib.suppress(OSError):  # a cache we cannot write costs time only
            cache.put(key, _LEVEL.pack(level))
    return level


@cache
def _song_level(song: Song, size: int, mtime: int) -> float:
    block = round(GATE_BLOCK * song.rate)
    powers: list[np.ndarray] = []
    carry = np.zeros((0, STEREO), np.float32)
    frames = 0
    for decoded in read_stereo(song.path):
        frames += len(decoded)
        joined = np.concatenate((carry, decoded))
        whole = len(joined) // block * block
        squares = np.square(joined[:whole], dtype=np.float64).reshape(-1, block * STEREO)
        powers.append(squares.mean(axis=1))
        carry = joined[whole:]
    if song.seconds and frames / song.rate < song.seconds * TRUNCATED:
        raise DecodeError(
            f"truncated: it decodes to {frames / song.rate:.1f} s of the "
            f"{song.seconds:.1f} s its header gives"
        )
    power = np.concatenate(powers) if powers else np.zeros(0)
    loud = power[power > 10 ** (ABSOLUTE_GATE / 10)]
    if not len(loud):
        return float("-inf")  # silence: no boost brings it up
    kept = loud[loud >= loud.mean() * 10 ** (RELATIVE_GATE / 10)]
    return 10 * float(np.log10(kept.mean()))


def _take(blocks: Iterator[np.ndarray], frames: int) -> np.ndarray:
    """At least ``frames`` from the front of ``blocks`` (whole blocks), or all there is."""
    pieces, have = [], 0
    while have < frames:
        block = next(blocks, None)
        if block is None:
            break
        pieces.append(block)
        have += len(block)
    return np.concatenate(pieces) if pieces else np.zeros((0, STEREO), np.float32)


def _crossfade(frames: int) -> tuple[np.ndarray, np.ndarray]:
    """Fade-out and fade-in gains with constant total power, so the join does not dip
    (two songs are uncorrelated)."""
    angle = np.linspace(0, np.pi / 2, frames, dtype=np.float32)[:, None]
    return np.cos(angle), np.sin(angle)
