"""Speech engines, registered by name; other packages add theirs through the
``audio_builder.engines`` entry-point group (see base.Engine for what they implement)."""

from __future__ import annotations

from collections.abc import Callable
from importlib.metadata import entry_points
from typing import Any

from audio_builder.audio.engines.base import Engine
from audio_builder.audio.engines.google import GoogleEngine
from audio_builder.audio.engines.piper_voice import PiperEngine
from audio_builder.errors import EngineError

__all__ = ["Engine", "choose_engine", "create_engine", "engine_classes"]

BUILTIN: dict[str, type] = {"piper": PiperEngine, "gtts": GoogleEngine}


def engine_classes() -> dict[str, type]:
    """Every known engine class by name: the built-in ones, then plugins."""
    classes = dict(BUILTIN)
    for entry in entry_points(group="audio_builder.engines"):
        classes.setdefault(entry.name, entry.load())
    return classes


def create_engine(name: str, **options: Any) -> Engine:
    """Make the engine called ``name``; an unknown name lists the known ones."""
    classes = engine_classes()
    if name not in classes:
        known = ", ".join(sorted(classes))
        raise EngineError(f"unknown engine {name!r}; known engines: {known}, auto")
    return classes[name](**options)


def choose_engine(
    name: str,
    google_options: dict[str, Any] | None = None,
    google_reachable: Callable[[], bool] = GoogleEngine.reachable,
) -> Engine:
    """Resolve the run's engine once. ``auto`` takes Google's voice when it answers a
    short probe, else the offline voice. ``google_options`` (lang, tld) go to gtts only."""
    if name == "auto":
        name = "gtts" if google_reachable() else "piper"
    return create_engine(name, **(google_options or {}) if name == "gtts" else {})
