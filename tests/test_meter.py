"""The loudness meter: the standard's K-weighting, block-size independent streaming,
agreement with pyloudnorm, and the EBU conformance signals (Tech 3341 for integrated
loudness and true peak, Tech 3342's level steps read as integrated loudness), generated
here from the levels the documents state."""

from __future__ import annotations

import numpy as np
import pyloudnorm
import pytest
from scipy.signal import lfilter

from audio_builder.audio.kweighting import KWeighting, biquads
from audio_builder.audio.meter import LoudnessMeter, integrated_loudness
from audio_builder.audio.truepeak import true_peak

SURROUND = (1.0, 1.0, 1.0, 1.41, 1.41)  # BS.1770 channel weights: L, R, C, Ls, Rs


def sine(level_dbfs: float, seconds: float, rate: int, hz: float = 1000.0) -> np.ndarray:
    """A sine whose peak is ``level_dbfs`` (0 dBFS: a full-scale sine)."""
    t = np.arange(round(seconds * rate)) / rate
    return 10 ** (level_dbfs / 20) * np.sin(2 * np.pi * hz * t)


def stereo(*steps: tuple[float, float], rate: int = 48000) -> np.ndarray:
    """The same 1 kHz steps (dBFS, seconds) in both channels."""
    mono = np.concatenate([sine(level, seconds, rate) for level, seconds in steps])
    return np.stack([mono, mono], axis=1)


def speechlike(peak_db: float, seconds: float = 12.0, rate: int = 44100, seed: int = 4):
    """Harmonic bursts of uneven length and level with silence between: peaks about as
    far over the loudness as a voice's, so reaching -16 LUFS under -1 dBTP takes
    limiting."""
    rng = np.random.default_rng(seed)
    out = np.zeros(int(seconds * rate))
    at = int(0.3 * rate)
    while at < len(out) - rate:
        length = int(rng.uniform(0.15, 0.6) * rate)
        t = np.arange(length) / rate
        pitch = rng.uniform(100, 220)
        phases = rng.uniform(0, 2 * np.pi, 40)
        tone = sum(np.sin(2 * np.pi * pitch * k * t + phases[k]) / k**0.7 for k in range(1, 40))
        out[at : at + length] = tone * np.sin(np.pi * np.arange(length) / length) ** 0.5
        out[at : at + length] *= rng.uniform(0.3, 1.0)
        at += length + int(rng.uniform(0.05, 0.4) * rate)
    return out / np.abs(out).max() * 10 ** (peak_db / 20)


# -- K-weighting --------------------------------------------------------------------------


def test_coefficients_at_48_khz_are_the_standards():
    (shelf_b, shelf_a), (pass_b, pass_a) = biquads(48000)
    assert shelf_b == pytest.approx([1.53512485958697, -2.69169618940638, 1.19839281085285])
    assert shelf_a == pytest.approx([1.0, -1.69065929318241, 0.73248077421585])
    assert pass_b == pytest.approx([1.0, -2.0, 1.0])
    assert pass_a == pytest.approx([1.0, -1.99004745483398, 0.99007225036621])


@pytest.mark.parametrize("rate", [44100, 48000, 22050])
@pytest.mark.parametrize("block", [1000, 4096, 30000])
def test_streaming_filter_equals_the_biquads(rate, block):
    signal = np.random.default_rng(1).normal(0, 0.1, 3 * rate)
    expected = signal
    for b, a in biquads(rate):
        expected = lfilter(b, a, expected)
    weighting = KWeighting(rate, block)
    pieces = [weighting.filter(signal[i : i + block]) for i in range(0, len(signal), block)]
    error = np.concatenate(pieces)[:, 0] - expected
    assert np.abs(error).max() < 1e-6  # the response is cut where 1e-12 of its energy is left
    assert np.sum(error**2) < 1e-12 * np.sum(expected**2)


# -- integrated loudness -------------------------------------------------------------------


@pytest.mark.parametrize("peak_db", [-1.0, -20.0, -40.0])
def test_agrees_with_pyloudnorm(peak_db):
    samples = speechlike(peak_db)
    ours = integrated_loudness(samples, 44100)
    theirs = pyloudnorm.Meter(44100).integrated_loudness(samples)
    assert ours == pytest.approx(theirs, abs=0.1)


def test_block_sizes_do_not_change_the_reading():
    samples = speechlike(-6.0)
    whole = integrated_loudness(samples, 44100)
    meter = LoudnessMeter(44100)
    rng = np.random.default_rng(3)
    start = 0
    while start < len(samples):
        size = int(rng.integers(1, 20000))
        meter.add(samples[start : start + size])
        start += size
    assert meter.integrated() == pytest.approx(whole, abs=1e-6)


def test_silence_reads_minus_infinity():
    assert integrated_loudness(np.zeros(44100 * 3), 44100) == float("-inf")


@pytest.mark.parametrize("rate", [48000, 44100])
@pytest.mark.parametrize(
    "steps",
    [
        pytest.param([(-23, 20)], id="3341-1"),
        pytest.param([(-33, 20)], id="3341-2"),
        pytest.param([(-36, 10), (-23, 60), (-36, 10)], id="3341-3"),
        pytest.param([(-72, 10), (-36, 10), (-23, 60), (-36, 10), (-72, 10)], id="3341-4"),
        pytest.param([(-26, 20), (-20, 20.1), (-26, 20)], id="3341-5"),
    ],
)
def test_tech_3341_integrated_loudness(rate, steps):
    """Each case must read -23.0 LUFS (the second -33.0) within 0.1 LU."""
    expected = -33.0 if steps == [(-33, 20)] else -23.0
    measured = integrated_loudness(stereo(*steps, rate=rate), rate, channels=2)
    assert measured == pytest.approx(expected, abs=0.1)


def test_tech_3341_case_6_five_channels():
    """L and R at -28 dBFS, C at -24 dBFS, Ls and Rs at -30 dBFS: -23.0 LUFS."""
    levels = (-28.0, -28.0, -24.0, -30.0, -30.0)
    signal = np.stack([sine(level, 20, 48000) for level in levels], axis=1)
    measured = integrated_loudness(signal, 48000, channels=5, weights=SURROUND)
    assert measured == pytest.approx(-23.0, abs=0.1)


def gated_mean(steps: list[tuple[float, float]]) -> float:
    """BS.1770's gating applied to ideal steps (each a level held for some seconds)."""
    levels = np.array([level for level, _ in steps])
    time = np.array([seconds for _, seconds in steps])
    power = 10 ** (levels / 10)
    audible = levels > -70
    relative = 10 * np.log10((power * time)[audible].sum() / time[audible].sum()) - 10
    kept = audible & (levels > relative)
    return 10 * np.log10((power * time)[kept].sum() / time[kept].sum())


@pytest.mark.parametrize(
    "steps",
    [
        pytest.param([(-20, 20), (-30, 20)], id="3342-1"),
        pytest.param([(-20, 20), (-15, 20)], id="3342-2"),
        pytest.param([(-40, 20), (-20, 20)], id="3342-3"),
        pytest.param([(-50, 20), (-35, 20), (-20, 20), (-35, 20), (-50, 20)], id="3342-4"),
    ],
)
def test_tech_3342_level_steps(steps):
    """Tech 3342's signals are built for loudness range; their integrated loudness
    follows from the stated levels and the gates."""
    measured = integrated_loudness(stereo(*steps), 48000, channels=2)
    assert measured == pytest.approx(gated_mean(steps), abs=0.1)


# -- true peak -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amplitude", "phase", "expected"),
    [
        pytest.param(0.5, 0.0, -6.0, id="3341-15"),
        pytest.param(0.5, 45.0, -6.0, id="3341-16"),
        pytest.param(0.5, 60.0, -6.0, id="3341-17"),
        pytest.param(0.5, 67.5, -6.0, id="3341-18"),
        pytest.param(1.41, 45.0, 3.0, id="3341-19"),
    ],
)
def test_tech_3341_true_peak(amplitude, phase, expected):
    """A sine at a quarter of the rate, sampled at awkward phases: the reading must lie
    within +0.2 / -0.4 dB of the true peak."""
    t = np.arange(48000) / 48000
    signal = amplitude * np.sin(2 * np.pi * 12000 * t + np.radians(phase))
    measured = 20 * np.log10(true_peak(signal.astype(np.float32)))
    assert expected - 0.4 <= measured <= expected + 0.2
