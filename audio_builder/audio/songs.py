"""Which songs a ``--music`` path or a plan's ``music:`` names, and a digest of their
content: paths and bytes only, so that a build without music never loads the audio
libraries that play them (``music``)."""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from audio_builder.errors import MusicError

AUDIO_SUFFIXES = (".mp3", ".flac", ".ogg", ".oga", ".wav", ".m4a", ".aac", ".mp4", ".opus")
PLAYLIST_SUFFIXES = (".m3u", ".m3u8")


def find_songs(path: Path) -> tuple[Path, ...]:
    """The audio files ``path`` names: itself, a folder's audio files in name order, or
    a playlist's entries (relative ones resolved from the playlist's folder)."""
    if not path.exists():
        raise MusicError(f"{path}: music not found")
    if path.is_dir():
        songs = tuple(
            sorted(
                (p for p in path.iterdir() if p.suffix.lower() in AUDIO_SUFFIXES and p.is_file()),
                key=lambda p: p.name.lower(),
            )
        )
        if not songs:
            listed = ", ".join(AUDIO_SUFFIXES)
            raise MusicError(f"{path}: no audio files in this music folder (looked for {listed})")
        return songs
    if path.suffix.lower() in PLAYLIST_SUFFIXES:
        return _playlist_entries(path)
    return (path,)


def _playlist_entries(path: Path) -> tuple[Path, ...]:
    try:
        text = path.read_text(encoding="utf-8-sig", errors="replace")
    except OSError as exc:
        raise MusicError(f"{path}: cannot read the playlist: {exc.strerror or exc}") from None
    lines = [line.strip() for line in text.splitlines()]
    entries = tuple(path.parent / line for line in lines if line and not line.startswith("#"))
    if not entries:
        raise MusicError(f"{path}: the playlist lists no songs")
    return entries


def music_digest(songs: tuple[Path, ...]) -> str:
    """A hash of the songs' names and content: a changed song makes a different track."""
    digest = hashlib.sha256()
    for song in songs:
        digest.update(song.name.encode() + b"\0" + file_digest(song).encode())
    return digest.hexdigest()


def file_digest(path: Path) -> str:
    try:
        stat = path.stat()
    except OSError:
        return "<missing>"
    return _content_digest(path, stat.st_size, stat.st_mtime_ns)


@cache
def _content_digest(path: Path, size: int, mtime: int) -> str:
    """Read once per run for the same file, however many tracks use it."""
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
    except OSError:
        return "<unreadable>"
    return digest.hexdigest()
