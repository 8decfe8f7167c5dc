"""Write a track: MP3 encoded in-process with lameenc, ID3v2.4 tags and chapters with
mutagen, all into a temporary file that is renamed into place only when complete."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import lameenc
from mutagen.id3 import CHAP, COMM, CTOC, ID3, TALB, TCON, TIT2, TPE1, TXXX, CTOCFlags

from audio_builder.errors import ExportError
from audio_builder.timeline import RATE, Chapter

BITRATES = (32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320)
DEFAULT_BITRATE = 96


@dataclass(frozen=True)
class Tags:
    title: str
    comment: str
    chapters: tuple[Chapter, ...]
    artist: str = "audio_builder"
    album: str = "audio_builder"
    genre: str = "Fitness"


def write_mp3(path: Path, pcm: Iterable[bytes], tags: Tags, bitrate: int = DEFAULT_BITRATE) -> int:
    """Encode ``pcm`` (mono, 16-bit, 44.1 kHz) to ``path``; return the file size.

    Nothing appears at ``path`` unless the whole file was written.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            encoder = _encoder(bitrate)
            for piece in pcm:
                handle.write(encoder.encode(piece))
            handle.write(encoder.flush())
        _tag(temp, tags)
        with open(temp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except OSError as exc:
        raise ExportError(f"{path}: cannot write: {exc.strerror or exc}") from None
    finally:
        temp.unlink(missing_ok=True)
    return path.stat().st_size


def _encoder(bitrate: int) -> lameenc.Encoder:
    encoder = lameenc.Encoder()
    encoder.set_bit_rate(bitrate)
    encoder.set_in_sample_rate(RATE)
    encoder.set_channels(1)
    encoder.set_quality(2)
    return encoder


def _tag(path: Path, tags: Tags) -> None:
    id3 = ID3()
    id3.add(TIT2(encoding=3, text=tags.title))
    id3.add(TPE1(encoding=3, text=tags.artist))
    id3.add(TALB(encoding=3, text=tags.album))
    id3.add(TCON(encoding=3, text=tags.genre))
    id3.add(COMM(encoding=3, lang="eng", desc="", text=tags.comment))
    for frame in chapter_frames(tags.chapters):
        id3.add(frame)
    id3.save(path, v2_version=4)


def chapter_frames(chapters: tuple[Chapter, ...]) -> list[CHAP | CTOC]:
    """CHAP frames plus a CTOC listing them in time order.

    mutagen writes frames sorted by size, so every CHAP is padded to the same size
    (a TXXX sub-frame) to keep file order equal to time order for readers like ffprobe.
    """
    ids = [f"ch{index:03d}" for index in range(len(chapters))]
    longest = max((len(c.title.encode()) for c in chapters), default=0)
    frames: list[CHAP | CTOC] = [
        CHAP(
            element_id=element_id,
            start_time=round(chapter.start * 1000 / RATE),
            end_time=round(chapter.end * 1000 / RATE),
            sub_frames=[
                TIT2(encoding=3, text=chapter.title),
                TXXX(
                    encoding=3, desc="pad", text="." * (1 + longest - len(chapter.title.encode()))
                ),
            ],
        )
        for element_id, chapter in zip(ids, chapters, strict=True)
    ]
    frames.append(
        CTOC(
            element_id="toc",
            flags=CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED,
            child_element_ids=ids,
            sub_frames=[TIT2(encoding=3, text="Chapters")],
        )
    )
    return frames
