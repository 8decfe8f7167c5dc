"""Clip lengths guessed from the text, for a script preview with no voice at all
(``script --estimate``): fast, offline, and in any language."""

from __future__ import annotations

from collections.abc import Callable

from pydub import AudioSegment

from audio_builder.audio.beeps import beep
from audio_builder.audio.pcm import FRAME_BYTES, RATE

# Fitted on the offline voice's clips of every seed (1,347 lines): a short onset plus a
# steady pace; a line's real length is within about 12 % of this, half the time.
ONSET_SECONDS = 0.14
CHARACTERS_PER_SECOND = 21.0


def estimated_lengths(
    sounds: dict[str, AudioSegment] | None = None,
) -> Callable[[str, str], int]:
    """A ``length(kind, text)`` for the scheduler: beeps as they really are (the
    listener's own ``sounds`` first), speech estimated from its characters."""
    sounds = sounds or {}

    def length(kind: str, text: str) -> int:
        if kind == "beep":
            sound = sounds[text] if text in sounds else beep(text)
            return len(sound.raw_data) // FRAME_BYTES
        return round((ONSET_SECONDS + len(text) / CHARACTERS_PER_SECOND) * RATE)

    return length
