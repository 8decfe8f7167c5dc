"""Shared fakes: a recording engine with deterministic tones, a per-test clip cache,
a CLI wired to the fake engine, and a guard that keeps tests off the network."""

from __future__ import annotations

import array
import base64
import math
import os
import socket
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import lameenc
import pytest
from click.testing import CliRunner, Result

# audio_builder first: it quiets pydub's import-time warnings (ffmpeg, audioop).
from audio_builder.audio.cache import ClipCache
from audio_builder.audio.narrator import Narrator

if TYPE_CHECKING:
    from pydub import AudioSegment

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FAKE_RATE = 22050


def fake_ms(text: str) -> int:
    """How long the fake engine speaks ``text``: 60 ms per character plus 100 ms."""
    return 60 * len(text) + 100


class FakeEngine:
    """Records every line it is asked to speak and answers with a tone as long as the text."""

    name = "fake"
    voice = "test"

    def __init__(self) -> None:
        self.calls: list[str] = []

    @staticmethod
    def check() -> str | None:
        return None

    @staticmethod
    def voices() -> list[str]:
        return [FakeEngine.voice]

    def synthesize(self, text: str) -> AudioSegment:
        from pydub.generators import Sine

        self.calls.append(text)
        tone = Sine(440, sample_rate=FAKE_RATE, bit_depth=16)
        return tone.to_audio_segment(duration=fake_ms(text), volume=-6.0)


class VoicedEngine(FakeEngine):
    """The fake engine with a voice's crest factor: a buzz of harmonics whose peaks stand
    about 18 dB over its loudness, as speech's do, so that bringing it to -16 LUFS under
    -1 dBTP takes real limiting (a plain tone would need none)."""

    def synthesize(self, text: str) -> AudioSegment:
        import numpy as np
        from pydub import AudioSegment

        self.calls.append(text)
        t = np.arange(int(FAKE_RATE * fake_ms(text) / 1000)) / FAKE_RATE
        pitch = 110 + 5 * (len(text) % 20)
        buzz = sum(np.sin(2 * np.pi * pitch * k * t) / k**0.4 for k in range(1, 40))
        syllables = np.abs(np.sin(np.pi * 4 * t)) ** 2  # four a second, as words come
        wave = buzz * syllables / np.abs(buzz).max()
        data = np.round(wave * 16000).astype(np.int16).tobytes()
        return AudioSegment(data=data, sample_width=2, frame_rate=FAKE_RATE, channels=1)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if os.environ.get("AUDIO_BUILDER_NET") == "1":
        return
    skip = pytest.mark.skip(reason="needs the real internet; set AUDIO_BUILDER_NET=1")
    for item in items:
        if "net" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own clip cache, never the user's."""
    path = tmp_path / "cache"
    monkeypatch.setenv("AUDIO_BUILDER_CACHE_DIR", str(path))
    return path


@pytest.fixture(autouse=True)
def no_network(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail loudly instead of sending real traffic (tests marked ``net`` may go out)."""
    if request.node.get_closest_marker("net"):
        return

    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("tests must not use the network")

    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


@pytest.fixture
def fake_engine() -> FakeEngine:
    return FakeEngine()


@pytest.fixture
def narrator(fake_engine: FakeEngine, cache_dir: Path) -> Narrator:
    return Narrator(fake_engine, ClipCache(cache_dir))


@pytest.fixture
def cli_engine(fake_engine: FakeEngine, monkeypatch: pytest.MonkeyPatch) -> FakeEngine:
    """Make every CLI command speak with the fake engine."""
    monkeypatch.setattr("audio_builder.cli.choose_engine", lambda *args, **kwargs: fake_engine)
    return fake_engine


def new_runner() -> CliRunner:
    """A runner that keeps stdout and stderr apart (click 8.1 and 8.2+)."""
    try:
        return CliRunner(mix_stderr=False)  # type: ignore[call-arg]
    except TypeError:
        return CliRunner()


@pytest.fixture
def runner() -> CliRunner:
    return new_runner()


def assert_exit(result: Result, code: int) -> None:
    """The command ended with ``code`` through its own error handling. CliRunner catches
    a crash itself and reports exit 1, so exit 1 alone cannot tell a handled error from a
    crash; neither can the absence of "Traceback", which CliRunner never prints. A build
    that crashed inside a batch shows as an "internal error" line."""
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        crash = "".join(traceback.format_exception(result.exception))
        raise AssertionError(f"the command crashed:\n{crash}")
    assert "internal error" not in result.stderr, result.stderr
    assert result.exit_code == code, result.stderr


def spoken_lines(script) -> list[str]:
    """Every line the coach says, in order, repeats included."""
    return [
        cue.text
        for section in script.sections
        for segment in section.segments
        for cue in segment.cues
        if cue.kind == "speech"
    ]


def error_lines(result: Result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("error:")]


def tone_mp3(seconds: float, rate: int = 24000) -> bytes:
    """A real MP3 of a 440 Hz tone, like the clips Google sends."""
    tone = (math.sin(2 * math.pi * 440 * i / rate) for i in range(int(rate * seconds)))
    samples = array.array("h", (int(8000 * x) for x in tone))
    encoder = lameenc.Encoder()
    encoder.set_bit_rate(64)
    encoder.set_in_sample_rate(rate)
    encoder.set_channels(1)
    encoder.set_quality(2)
    return bytes(encoder.encode(samples.tobytes()) + encoder.flush())


def batchexecute_body(audio: bytes) -> str:
    """The answer format gTTS parses: a ``jQ1olc`` line with the base64 MP3 inside."""
    encoded = base64.b64encode(audio).decode("ascii")
    return f')]}}\'\n\n[["wrb.fr","jQ1olc","[\\"{encoded}\\"]",null,null,null,"generic"]]\n'


SIMPLE_DOC = """---
title: {title}
description: "A short test exercise."
---
<!-- howto -->

### Set Up
Stand tall with your feet apart.

### Raise
Raise your arms overhead.

### Lower
Lower your arms to your sides.
"""


@pytest.fixture
def write_doc(tmp_path: Path) -> Callable[..., Path]:
    """Write a markdown document (text or bytes) into tmp_path and return its path."""

    def write(name: str, content: str | bytes, folder: str = "docs") -> Path:
        path = tmp_path / folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return write


SONG_CODECS = {
    ".flac": "flac",
    ".mp3": "libmp3lame",
    ".m4a": "aac",
    ".ogg": "vorbis",
    ".opus": "libopus",
}
LAYOUTS = {1: "mono", 2: "stereo", 6: "5.1"}


def tones(seconds: float, hertz: tuple[float, ...], rate: int = 44100, level: float = 0.2):
    """One sine per channel, made here: music for tests with nothing copyrighted in it."""
    import numpy as np

    t = np.arange(round(seconds * rate)) / rate
    return np.stack([level * np.sin(2 * np.pi * f * t) for f in hertz], axis=1).astype(np.float32)


def write_song(path: Path, samples, rate: int = 44100) -> Path:
    """Encode (frames, channels) float samples as WAV, FLAC, MP3, M4A (AAC), Ogg Vorbis or
    Opus (48 kHz only), chosen by the suffix."""
    import wave

    import av
    import numpy as np

    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix == ".wav":
        with wave.open(str(path), "wb") as out:
            out.setnchannels(samples.shape[1])
            out.setsampwidth(2)
            out.setframerate(rate)
            out.writeframes(np.round(samples * 32767).astype(np.int16).tobytes())
        return path
    layout = LAYOUTS[samples.shape[1]]
    with av.open(str(path), "w") as container:
        stream = container.add_stream(SONG_CODECS[path.suffix], rate=rate, layout=layout)
        stream.codec_context.options = {"strict": "experimental"}  # ffmpeg's own Vorbis
        frame = av.AudioFrame.from_ndarray(
            np.ascontiguousarray(samples.T), format="fltp", layout=layout
        )
        frame.sample_rate = rate
        form = stream.codec_context.codec.audio_formats[0].name
        for converted in av.AudioResampler(format=form, layout=layout, rate=rate).resample(frame):
            for packet in stream.encode(converted):
                container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    return path
