"""What every speech engine offers: a name, a voice, its language, one synthesize call,
and what `audio-builder engines` asks of each before any is made: can it run here, and
with which voices."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from pydub import AudioSegment


@runtime_checkable
class Engine(Protocol):
    """Turns one line of text into speech.

    ``name`` and ``voice`` (with every option that changes the sound: the language,
    accent, model and speed, e.g. ``"en/co.uk/slow"``) identify the sound of a clip, so
    they are the clip cache key. ``check`` and ``voices`` are static: they are asked of
    the class, without making an engine.

    Two members are optional, so a minimal plugin still works: ``language`` (ISO 639-1),
    what the voice speaks — an engine without one is trusted with any text; and
    ``for_language(code)``, the engine for text in that language — a multilingual
    engine returns a voice of that language, a one-language voice returns itself.
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
