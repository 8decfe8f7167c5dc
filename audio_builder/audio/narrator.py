"""Spoken clips for a run (the narrator): one engine, the cache in front of it, every clip in the
track's format (mono, 16-bit, 44.1 kHz, silence trimmed, peak-safe)."""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TypeVar

from pydub import AudioSegment
from pydub.silence import detect_leading_silence

from audio_builder.audio.beeps import beep
from audio_builder.audio.cache import ClipCache
from audio_builder.audio.engines import Engine
from audio_builder.audio.pcm import CHANNELS, FRAME_BYTES, RATE, SAMPLE_WIDTH
from audio_builder.errors import EngineError, VoiceMismatchError
from audio_builder.languages import name_of, primary

PEAK_DBFS = -1.5
SILENCE_DBFS = -45.0
KEEP_MS = 15


MEMORY_BYTES = 64 * 1024 * 1024  # clips kept in memory between tracks of a batch


class Narrator:
    """Speaks with one engine, never another: a failing engine raises, and the run
    decides (see ``with_fallback``). Each track first says its language
    (``use_language``); ``sounds`` replace built-in beeps by name.
    """

    def __init__(
        self,
        engine: Engine,
        cache: ClipCache,
        sounds: dict[str, AudioSegment] | None = None,
        allow_mismatch: bool = False,
    ) -> None:
        self.chosen = self.engine = engine
        self.cache = cache
        self.sounds = sounds or {}
        self.allow_mismatch = allow_mismatch
        self.synthesized = 0
        self.cache_failures = 0
        self._clips: OrderedDict[str, AudioSegment] = OrderedDict()
        self._held = 0

    @property
    def voice(self) -> str:
        """The voice speaking now, as records name it (e.g. ``gtts en/com``)."""
        return f"{self.engine.name} {self.engine.voice}"

    def use_language(self, language: str, source: Path) -> None:
        """Speak text in ``language`` from now on: a multilingual engine switches to it;
        a voice of another language is refused before any synthesis (unless allowed),
        so English text never reaches a French voice by accident."""
        switch = getattr(self.chosen, "for_language", None)
        self.engine = switch(language) if switch else self.chosen
        spoken = getattr(self.engine, "language", None)  # None: an engine trusted with any text
        if spoken and primary(spoken) != primary(language) and not self.allow_mismatch:
            raise VoiceMismatchError(
                f"{source}: the text is in {name_of(language)} but the voice "
                f"{self.engine.name} {self.engine.voice} speaks {name_of(spoken)}; choose a "
                "voice that speaks it (--voice NAME or path/to/model.onnx, see "
                "'audio-builder engines', or --engine gtts), or pass --allow-mismatch"
            )

    def sound(self, kind: str, text: str) -> AudioSegment:
        """The audio of one cue: a beep by name (the listener's own, if given), or a
        spoken line."""
        if kind == "beep":
            return self.sounds[text] if text in self.sounds else beep(text)
        return self.clip(text)

    def length(self, kind: str, text: str) -> int:
        """A cue's length in samples, for the scheduler."""
        return len(self.sound(kind, text).raw_data) // FRAME_BYTES

    def clip(self, text: str) -> AudioSegment:
        """The clip for ``text``: from memory, else the disk cache, else the engine."""
        key = ClipCache.key(self.engine.name, self.engine.voice, text)
        if key in self._clips:
            self._clips.move_to_end(key)
            return self._clips[key]
        pcm = self.cache.get(key)
        if pcm is None:
            pcm = self._synthesize(text)
            self.synthesized += 1
            try:
                self.cache.put(key, pcm)
            except OSError:  # a cache we cannot write costs speed, not the build
                self.cache_failures += 1
        clip = AudioSegment(data=pcm, sample_width=SAMPLE_WIDTH, frame_rate=RATE, channels=CHANNELS)
        self._remember(key, clip)
        return clip

    def _remember(self, key: str, clip: AudioSegment) -> None:
        self._clips[key] = clip
        self._held += len(clip.raw_data)
        while self._held > MEMORY_BYTES and len(self._clips) > 1:
            _, oldest = self._clips.popitem(last=False)
            self._held -= len(oldest.raw_data)

    def _synthesize(self, text: str) -> bytes:
        from audio_builder.audio.resample import to_track_rate  # numpy: a warm build never loads it

        audio = self.engine.synthesize(text)
        if len(audio.raw_data) == 0:
            raise EngineError(f"the {self.engine.name} narrator returned no audio for {text!r}")
        return _tidy(to_track_rate(audio)).raw_data


def _tidy(audio: AudioSegment) -> AudioSegment:
    """Trim leading and trailing silence and bring the peak to a safe level."""
    start = max(detect_leading_silence(audio, SILENCE_DBFS) - KEEP_MS, 0)
    end = max(detect_leading_silence(audio.reverse(), SILENCE_DBFS) - KEEP_MS, 0)
    trimmed = audio[start : len(audio) - end] if start + end < len(audio) else audio
    if trimmed.max == 0:
        return trimmed
    return trimmed.apply_gain(PEAK_DBFS - trimmed.max_dBFS)


@dataclass(frozen=True)
class VoiceChoice:
    """The run's voice, decided once: how to make its narrator in this process or in a
    worker, and (``--engine auto``) the voice the whole run turns to if it fails."""

    engine: Engine
    cache_dir: Path
    fallback: Engine | None = None
    sounds: dict[str, AudioSegment] = field(default_factory=dict)
    allow_mismatch: bool = False
    switched: str = ""  # once the run has left its first voice: why

    def narrator(self) -> Narrator:
        return Narrator(self.engine, ClipCache(self.cache_dir), self.sounds, self.allow_mismatch)

    def fingerprint(self) -> tuple:
        """Everything here that changes how a track sounds."""
        sounds = sorted(
            (name, hashlib.sha256(sound.raw_data).hexdigest())
            for name, sound in self.sounds.items()
        )
        return (self.engine.name, self.engine.voice, sounds)

    def fall_back(self, reason: EngineError) -> VoiceChoice | None:
        """The run's voice after this one failed: the fallback, or None if there is none."""
        if self.fallback is None:
            return None
        why = f"{self.engine.name} failed ({reason}); now using {self.fallback.name} for the run"
        return replace(self, engine=self.fallback, fallback=None, switched=why)


T = TypeVar("T")


def with_fallback(choice: VoiceChoice, attempt: Callable[[VoiceChoice], T]) -> T:
    """Do ``attempt`` with the run's voice; if that voice fails and the run may fall
    back, do all of it again with the fallback voice, so whatever it makes speaks with
    one voice. The one place a run changes its voice: `build` and `script` alike."""
    try:
        return attempt(choice)
    except EngineError as exc:
        fallback = choice.fall_back(exc)
        if fallback is None:
            raise
        return attempt(fallback)
