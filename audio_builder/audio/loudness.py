"""Podcast loudness: bring a track to a target integrated loudness (ITU-R BS.1770-4 with
pyloudnorm's K-weighting) and keep its true peak under a ceiling with a look-ahead
limiter (peaks found on 4x oversampled audio), never by clipping.

scipy and pyloudnorm take a while to import, so they are imported only when used.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import numpy as np

from audio_builder.audio.limiter import LOOKAHEAD, smooth_gain
from audio_builder.audio.pcm import CHANNELS, RATE
from audio_builder.audio.resample import upsample

TARGET_LUFS = -16.0
CEILING_DBTP = -1.0
OVERSAMPLE = 4
HEADROOM = 12.0  # dB the gain may rise above the first guess while limiting
ROUNDS = 8
_CHUNK = 4096  # samples oversampled at a time, and only where peaks can be near the ceiling
_MARGIN = 64  # context on each side of a chunk for the resampling filter
_OUT = RATE * 10
_FLOOR = 1e-12


def integrated_loudness(samples: np.ndarray, rate: int = RATE) -> float:
    """BS.1770-4 gated loudness in LUFS: pyloudnorm's filters and gating, vectorized.
    ``samples``: (frames,) mono, or (frames, channels).

    Gives the same figure as ``pyloudnorm.Meter(rate).integrated_loudness`` in a
    fraction of the time (it loops over blocks in Python).
    """
    import pyloudnorm

    # A -240 dB signal at Nyquist keeps the filters out of denormal numbers, which digital
    # silence drives them into (15x slower); it changes no reading.
    channels = samples.reshape(len(samples), -1).T.astype(np.float64)  # one row per channel
    weighted = channels + _FLOOR * (1 - 2 * (np.arange(len(samples)) % 2))
    for stage in pyloudnorm.Meter(rate)._filters.values():
        weighted = stage.apply_filter(weighted)
    weighted = np.sqrt(np.square(weighted).sum(axis=0))  # channels' powers summed
    seconds = len(weighted) / rate
    blocks = int(np.round((seconds - 0.4) / 0.1)) + 1
    if blocks < 1:
        return float("-inf")
    index = np.arange(blocks)
    lower = (0.4 * (index * 0.25) * rate).astype(int)
    upper = (0.4 * (index * 0.25 + 1) * rate).astype(int)
    energy = np.concatenate(([0.0], np.cumsum(weighted**2)))
    power = (energy[np.minimum(upper, len(weighted))] - energy[lower]) / (0.4 * rate)
    with np.errstate(divide="ignore"):
        block_lufs = -0.691 + 10 * np.log10(power)
    gated = power[block_lufs >= -70.0]
    if not len(gated):
        return float("-inf")
    relative = -0.691 + 10 * np.log10(gated.mean()) - 10.0
    kept = power[(block_lufs > relative) & (block_lufs > -70.0)]
    with np.errstate(divide="ignore"):
        return float(-0.691 + 10 * np.log10(kept.mean())) if len(kept) else float("-inf")


def true_peak(samples: np.ndarray) -> float:
    """The largest magnitude of the 4x oversampled signal (linear), any channel."""
    floor = float(np.abs(samples).max(initial=0.0)) / 2
    return float(_peak_envelope(samples, floor).max(initial=0.0))


def normalize(
    pcm: Iterable[bytes],
    target: float = TARGET_LUFS,
    ceiling: float = CEILING_DBTP,
    channels: int = CHANNELS,
) -> Iterator[bytes]:
    """16-bit PCM brought to ``target`` LUFS with true peak <= ``ceiling`` dBTP.

    Limiting lowers loudness, more so the harder it works, so the gain is found by the
    secant method until the result measures within 0.05 LU of the target. True peaks
    scale with the gain, so they are found once, on the input.
    """
    samples = np.frombuffer(b"".join(pcm), dtype=np.int16).astype(np.float32) / 32768
    samples = samples.reshape(-1, channels) if channels > 1 else samples
    loudness = integrated_loudness(samples)
    if not np.isfinite(loudness):  # silence: nothing to bring up
        yield from _to_pcm(samples)
        return
    ceiling_linear = 10 ** ((ceiling - 0.1) / 20)  # a hair under, for reconstruction
    first = target - loudness
    # Peaks that could reach the ceiling with up to HEADROOM more gain than the first guess.
    envelope = _peak_envelope(samples, ceiling_linear / 10 ** ((first + HEADROOM) / 20) / 2)

    def error(gain_db: float) -> tuple[float, np.ndarray]:
        gain = np.float32(10 ** (gain_db / 20))
        result = _limit(samples * gain, envelope * gain, ceiling_linear)
        return target - integrated_loudness(result), result

    previous, (previous_error, result) = first, error(first)
    gain_db = first + previous_error
    for _ in range(ROUNDS):
        miss, result = error(gain_db)
        if abs(miss) <= 0.05 or miss == previous_error:
            break
        slope = (previous_error - miss) / (gain_db - previous)
        step = miss / slope if slope > 0 else miss
        previous, previous_error = gain_db, miss
        gain_db = min(gain_db + step, first + HEADROOM)
    overshoot = true_peak(result) / ceiling_linear
    yield from _to_pcm(result / overshoot if overshoot > 1 else result)


def _limit(samples: np.ndarray, peaks: np.ndarray, ceiling: float) -> np.ndarray:
    """Lower the gain smoothly around every stretch whose true peak tops ``ceiling``."""
    if peaks.max(initial=0.0) <= ceiling:
        return samples
    needed = np.minimum(1.0, ceiling / np.maximum(peaks, 1e-9)).astype(np.float32)
    width = max(1, round(LOOKAHEAD * RATE))
    gain = smooth_gain(needed, width)
    return samples * (gain if samples.ndim == 1 else gain[:, None])


def _peak_envelope(samples: np.ndarray, floor: float) -> np.ndarray:
    """Per sample, the largest oversampled magnitude around it. Only chunks that reach
    ``floor`` are oversampled (an inter-sample peak stays within 6 dB of its samples);
    elsewhere the samples' own magnitude stands. Several channels: the largest of them."""
    if samples.ndim > 1:
        return np.max([_peak_envelope(channel, floor) for channel in samples.T], axis=0)
    envelope = np.abs(samples)
    for start in range(0, len(samples), _CHUNK):
        end = min(start + _CHUNK, len(samples))
        if envelope[start:end].max(initial=0.0) < floor:
            continue
        lo, hi = max(start - _MARGIN, 0), min(end + _MARGIN, len(samples))
        upsampled = np.abs(upsample(samples[lo:hi], OVERSAMPLE))
        per_sample = upsampled[: (hi - lo) * OVERSAMPLE].reshape(-1, OVERSAMPLE).max(axis=1)
        envelope[start:end] = np.maximum(envelope[start:end], per_sample[start - lo : end - lo])
    return envelope


def _to_pcm(samples: np.ndarray) -> Iterator[bytes]:
    for start in range(0, len(samples), _OUT):
        chunk = np.clip(np.round(samples[start : start + _OUT] * 32768), -32768, 32767).ravel()
        yield chunk.astype(np.int16).tobytes()
