"""Podcast loudness: the fast meter reads what pyloudnorm reads, and ``normalize`` lands
on the target with true peaks under the ceiling — by limiting, never by clipping —
whether the input is loud, very quiet, or silent."""

from __future__ import annotations

import numpy as np
import pyloudnorm
import pytest
from conftest import SEEDS
from scipy.signal import resample_poly

from audio_builder.audio.cache import ClipCache
from audio_builder.audio.loudness import integrated_loudness, normalize
from audio_builder.audio.narrator import Narrator
from audio_builder.audio.render import render
from audio_builder.audio.timeline import RATE
from audio_builder.build import load, time_track

CEILING = 10 ** (-1.0 / 20)  # -1 dBTP, linear


def bursts(peak_db: float, seconds: float = 12.0, seed: int = 4) -> np.ndarray:
    """Speech-like float audio: harmonic tone bursts of uneven length and level, with
    silence between, the loudest burst peaking at ``peak_db`` dBFS."""
    rng = np.random.default_rng(seed)
    out = np.zeros(int(seconds * RATE), dtype=np.float64)
    at = int(0.3 * RATE)
    while at < len(out) - RATE:
        length = int(rng.uniform(0.15, 0.6) * RATE)
        t = np.arange(length) / RATE
        pitch = rng.uniform(100, 220)
        # a buzzy voice: in-phase harmonics make peaks ~20 dB over the loudness, so
        # reaching -16 LUFS under -1 dBTP takes limiting, as with real speech
        tone = sum(np.sin(2 * np.pi * pitch * k * t) / k**0.4 for k in range(1, 40))
        envelope = np.sin(np.pi * np.arange(length) / length) ** 0.5
        out[at : at + length] = tone * envelope * rng.uniform(0.3, 1.0)
        at += length + int(rng.uniform(0.05, 0.4) * RATE)
    return out / np.abs(out).max() * 10 ** (peak_db / 20)


def to_pcm(samples: np.ndarray) -> list[bytes]:
    """16-bit PCM in a few pieces, as the mixer yields it."""
    data = np.clip(np.round(samples * 32768), -32768, 32767).astype(np.int16).tobytes()
    size = 2 * 40_000
    return [data[i : i + size] for i in range(0, len(data), size)]


def from_pcm(pieces) -> np.ndarray:
    return np.frombuffer(b"".join(pieces), dtype=np.int16)


def lufs(samples: np.ndarray) -> float:
    return pyloudnorm.Meter(RATE).integrated_loudness(samples.astype(np.float64))


def true_peak_db(samples: np.ndarray) -> float:
    return 20 * np.log10(np.abs(resample_poly(samples.astype(np.float64), 4, 1)).max())


def longest_clipped_run(ints: np.ndarray) -> int:
    clipped = (ints >= 32767) | (ints <= -32767)
    longest = run = 0
    for flag in clipped:
        run = run + 1 if flag else 0
        longest = max(longest, run)
    return longest


@pytest.fixture(scope="module")
def fake_track(tmp_path_factory) -> np.ndarray:
    """The mix of a real exercise document, spoken by the fake voice (no MP3)."""
    from conftest import FakeEngine

    narrator = Narrator(FakeEngine(), ClipCache(tmp_path_factory.mktemp("cache")))
    track = load(SEEDS / "forearm-plank.md", {"sets": 1, "hold": 10})
    pcm = b"".join(render(time_track(track, narrator), narrator.sound))
    return np.frombuffer(pcm, dtype=np.int16).astype(np.float64) / 32768


@pytest.mark.parametrize("peak_db", [-1.0, -20.0, -40.0])
def test_integrated_loudness_equals_pyloudnorm_on_bursts(peak_db):
    samples = bursts(peak_db)
    assert integrated_loudness(samples) == pytest.approx(lufs(samples), abs=0.01)


def test_integrated_loudness_equals_pyloudnorm_on_a_mixed_track(fake_track):
    assert len(fake_track) > 20 * RATE
    assert integrated_loudness(fake_track) == pytest.approx(lufs(fake_track), abs=0.01)


@pytest.mark.parametrize(
    "peak_db", [pytest.param(-0.1, id="loud"), pytest.param(-12.0, id="moderate")]
)
def test_normalize_reaches_minus_16_under_the_ceiling(peak_db):
    samples = bursts(peak_db)
    out = from_pcm(normalize(to_pcm(samples)))
    assert len(out) == len(samples)
    result = out.astype(np.float64) / 32768
    assert lufs(result) == pytest.approx(-16.0, abs=0.2)
    assert true_peak_db(result) <= -1.0


def test_normalize_a_mixed_track(fake_track):
    out = from_pcm(normalize(to_pcm(fake_track))).astype(np.float64) / 32768
    assert lufs(out) == pytest.approx(-16.0, abs=0.2)
    assert true_peak_db(out) <= -1.0


def test_a_very_quiet_input_is_limited_not_clipped():
    samples = bursts(-40.0)
    assert lufs(samples) < -40  # it needs well over 20 dB of gain
    ints = from_pcm(normalize(to_pcm(samples)))
    result = ints.astype(np.float64) / 32768
    assert lufs(result) == pytest.approx(-16.0, abs=0.2)
    assert true_peak_db(result) <= -1.0
    assert longest_clipped_run(ints) < 3
    assert np.abs(result).max() <= CEILING


def test_another_target():
    samples = bursts(-6.0)
    result = from_pcm(normalize(to_pcm(samples), target=-19.0)).astype(np.float64) / 32768
    assert lufs(result) == pytest.approx(-19.0, abs=0.2)
    assert true_peak_db(result) <= -1.0


def test_silence_stays_silence():
    silence = [bytes(2 * RATE), bytes(2 * RATE)]
    out = b"".join(normalize(silence))
    assert out == b"".join(silence)
