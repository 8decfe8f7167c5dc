"""ID3v2.4 tags with mutagen: title, label, cover and chapters (CHAP and CTOC)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import BinaryIO

from mutagen.id3 import (
    APIC,
    CHAP,
    COMM,
    CTOC,
    ID3,
    TALB,
    TCON,
    TIT2,
    TLAN,
    TPE1,
    TRCK,
    TXXX,
    CTOCFlags,
    PictureType,
)

from audio_builder.audio.pcm import RATE
from audio_builder.audio.timeline import Chapter
from audio_builder.catalog import catalog
from audio_builder.languages import DEFAULT_LANGUAGE, LANGUAGES


@dataclass(frozen=True)
class Label:
    """What every track of a run is filed under; a podcast sets its own."""

    artist: str = "audio_builder"
    album: str = "audio_builder"
    genre: str = "Fitness"
    cover: bytes = b""  # PNG or JPEG, embedded as the front cover


@dataclass(frozen=True)
class Tags:
    title: str
    comment: str
    chapters: tuple[Chapter, ...]
    groups: tuple[Chapter, ...] = ()
    label: Label = Label()
    number: int = 0  # track number; 0: none
    language: str = DEFAULT_LANGUAGE  # what is spoken (ISO 639-1)

    @property
    def contents(self) -> str:
        """The table of contents' title, in the track's language."""
        return catalog(self.language).say("chapters.contents")


def write_tags(handle: BinaryIO, tags: Tags) -> None:
    id3 = ID3()
    id3.add(TIT2(encoding=3, text=tags.title))
    id3.add(TPE1(encoding=3, text=tags.label.artist))
    id3.add(TALB(encoding=3, text=tags.label.album))
    id3.add(TCON(encoding=3, text=tags.label.genre))
    spoken = LANGUAGES[tags.language].iso639_2  # ID3 wants ISO 639-2: "spa"
    id3.add(TLAN(encoding=3, text=spoken))
    id3.add(COMM(encoding=3, lang=spoken, desc="", text=tags.comment))
    if tags.number:
        id3.add(TRCK(encoding=3, text=str(tags.number)))
    if tags.label.cover:
        mime = "image/png" if tags.label.cover.startswith(b"\x89PNG") else "image/jpeg"
        id3.add(
            APIC(
                encoding=3,
                mime=mime,
                type=PictureType.COVER_FRONT,
                desc="Cover",
                data=tags.label.cover,
            )
        )
    for frame in chapter_frames(tags.chapters, tags.groups, tags.contents):
        id3.add(frame)
    handle.seek(0)
    id3.save(handle, v2_version=4)


def chapter_frames(
    chapters: tuple[Chapter, ...], groups: tuple[Chapter, ...], contents: str
) -> list[CHAP | CTOC]:
    """One CHAP per chapter, and a top-level CTOC (titled ``contents``) listing them in
    time order.

    With ``groups`` (the exercises of a plan), each group's chapters are listed by a
    nested CTOC titled with its name instead. mutagen writes frames sorted by size, so
    every CHAP is padded to the same size (a TXXX sub-frame) to keep file order equal to
    time order for readers like ffprobe.
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
                _padding(longest - len(chapter.title.encode())),
            ],
        )
        for element_id, chapter in zip(ids, chapters, strict=True)
    ]
    top: list[str] = []
    for element_id, chapter in zip(ids, chapters, strict=True):
        group = next((g for g in groups if g.start <= chapter.start < g.end), None)
        if group is None:
            top.append(element_id)
            continue
        toc_id = f"toc{groups.index(group):03d}"
        if toc_id not in top:
            top.append(toc_id)
            members = [
                i for i, c in zip(ids, chapters, strict=True) if group.start <= c.start < group.end
            ]
            frames.append(_toc(toc_id, group.title, members, top_level=False))
    frames.append(_toc("toc", contents, top, top_level=True))
    return frames


def _padding(size: int) -> TXXX:
    return TXXX(encoding=3, desc="pad", text="." * (1 + size))


def _toc(element_id: str, title: str, children: list[str], top_level: bool) -> CTOC:
    flags = CTOCFlags.ORDERED | (CTOCFlags.TOP_LEVEL if top_level else 0)
    return CTOC(
        element_id=element_id,
        flags=flags,
        child_element_ids=children,
        sub_frames=[TIT2(encoding=3, text=title)],
    )
