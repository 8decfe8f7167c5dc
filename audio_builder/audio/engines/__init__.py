"""Speech engines, registered by name; other packages add theirs through the
``audio_builder.engines`` entry-point group (see base.Engine for what they implement)."""

from __future__ import annotations

import importlib
from typing import Any

from audio_builder.audio.engines.base import Engine
from audio_builder.errors import EngineError

__all__ = ["Engine", "choose_engine", "create_engine", "engine_classes"]

BUILTIN: dict[str, str] = {"piper": "piper_voice:PiperEngine", "gtts": "google:GoogleEngine"}
ENGINE_OPTIONS = {"piper": ("voice", "speed"), "gtts": ("lang", "tld", "speed")}


def builtin_class(name: str) -> type:
    """A built-in engine's class, imported when first asked for: a build on one voice
    never loads the other's modules."""
    module, _, attribute = BUILTIN[name].partition(":")
    return getattr(importlib.import_module(f"{__name__}.{module}"), attribute)


def engine_classes() -> dict[str, type]:
    """Every known engine class by name: the built-in ones, then plugins."""
    from importlib.metadata import entry_points  # 5 ms: only when plugins are looked for

    classes = {name: builtin_class(name) for name in BUILTIN}
    for entry in entry_points(group="audio_builder.engines"):
        classes.setdefault(entry.name, entry.load())
    return classes


def create_engine(name: str, **options: Any) -> Engine:
    """Make the engine called ``name``; an unknown name lists the known ones."""
    if name in BUILTIN:  # plugins never shadow these
        return builtin_class(name)(**options)
    classes = engine_classes()
    if name not in classes:
        known = ", ".join(sorted(classes))
        raise EngineError(f"unknown engine {name!r}; known engines: {known}, auto")
    return classes[name](**options)


def choose_engine(name: str, options: dict[str, Any] | None = None) -> Engine:
    """Resolve the run's engine once. ``auto`` takes Google's voice when it answers a
    short probe, else the offline voice; a named ``voice`` is a Piper voice, so it means
    piper. ``options`` (voice, lang, tld, speed) go to the engine that takes them."""
    options = {key: value for key, value in (options or {}).items() if value is not None}
    if name == "auto":
        google_answers = "voice" not in options and builtin_class("gtts").reachable()
        name = "gtts" if google_answers else "piper"
    if name == "gtts" and "voice" in options:
        raise EngineError(
            "Google's voice is chosen by language and accent: use --lang and --tld, not --voice"
        )
    taken = ENGINE_OPTIONS.get(name, ())  # plugins take none of them
    return create_engine(name, **{key: value for key, value in options.items() if key in taken})
