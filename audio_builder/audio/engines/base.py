"""What every speech engine offers: a name, a voice and one synthesize call."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from pydub import AudioSegment


@runtime_checkable
class Engine(Protocol):
    """Turns one line of text into speech.

    ``name`` and ``voice`` (with any option that changes the sound, e.g. ``"en/co.uk"``)
    identify the sound of a clip, so they are part of the clip cache key.
    """

    name: str
    voice: str

    def synthesize(self, text: str) -> AudioSegment:
        """Return the spoken text as mono 16-bit audio at the engine's own rate."""
        ...
