"""What every speech engine offers: a name, a voice, one synthesize call, and what
`audio-builder engines` asks of each before any is made: can it run here, and with
which voices."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from pydub import AudioSegment


@runtime_checkable
class Engine(Protocol):
    """Turns one line of text into speech.

    ``name`` and ``voice`` (with any option that changes the sound, e.g. ``"en/co.uk"``)
    identify the sound of a clip, so they are part of the clip cache key. ``check`` and
    ``voices`` are static: they are asked of the class, without making an engine.
    """

    name: str
    voice: str

    @staticmethod
    def check() -> str | None:
        """Why the engine cannot run here (missing model, no network), or None."""
        ...

    @staticmethod
    def voices() -> list[str]:
        """The voices it offers, as a person would choose among them."""
        ...

    def synthesize(self, text: str) -> AudioSegment:
        """Return the spoken text as mono 16-bit audio at the engine's own rate."""
        ...
