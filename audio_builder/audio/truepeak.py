"""True peaks: the magnitude a signal reaches between its samples once reconstructed,
found on 4x oversampled audio (ITU-R BS.1770-4, Annex 2) with the interpolating filter
of ``resample.upsample``.

A peak between samples lies next to a local maximum of the samples' magnitude, so the
oversampled values are computed only around those maxima (and only for the ones within
``SPAN_DB`` of the loudest sample in sight); everywhere else a sample's own magnitude
stands for its peak. That keeps the cost at a small fraction of oversampling it all.
"""

from __future__ import annotations

from functools import cache

import numpy as np

from audio_builder.audio.resample import HALF_TAPS, _lowpass

OVERSAMPLE = 4
CONTEXT = HALF_TAPS + 1  # samples the filter reaches on each side of a sample
SPAN_DB = 20.0  # maxima this far under the loudest sample are not oversampled


@cache
def _between() -> np.ndarray:
    """Weights giving, from the samples n-CONTEXT..n+CONTEXT, the oversampled values at
    n + k/4 for k = -3..3 except 0 (which is sample n itself)."""
    taps = _lowpass(OVERSAMPLE).astype(np.float64)
    half = len(taps) // 2
    offsets = [k for k in range(1 - OVERSAMPLE, OVERSAMPLE) if k]
    weights = np.zeros((2 * CONTEXT + 1, len(offsets)))
    for column, k in enumerate(offsets):
        for row in range(2 * CONTEXT + 1):
            index = OVERSAMPLE * (CONTEXT - row) + k + half  # tap for sample n - CONTEXT + row
            if 0 <= index < len(taps):
                weights[row, column] = taps[index]
    return weights.astype(np.float32)


def sample_peaks(samples: np.ndarray, before: np.ndarray, after: np.ndarray) -> np.ndarray:
    """Per sample of ``samples``, the largest oversampled magnitude within one sample of
    it; ``before`` and ``after`` are the ``CONTEXT`` samples around (zeros for silence)."""
    padded = np.concatenate((before, samples, after)).astype(np.float32)
    magnitude = np.abs(padded)
    peaks = magnitude[CONTEXT : CONTEXT + len(samples)].copy()
    loudest = float(peaks.max(initial=0.0))
    if loudest == 0.0:
        return peaks
    left = magnitude[CONTEXT - 1 : -CONTEXT - 1]
    right = magnitude[CONTEXT + 1 : len(padded) - CONTEXT + 1]
    candidates = (peaks >= 10 ** (-SPAN_DB / 20) * loudest) & (peaks >= left) & (peaks >= right)
    index = np.flatnonzero(candidates)
    if len(index):
        windows = np.lib.stride_tricks.sliding_window_view(padded, 2 * CONTEXT + 1)[index]
        between = np.abs(windows @ _between()).max(axis=1)
        peaks[index] = np.maximum(peaks[index], between)
    return peaks


def true_peak(samples: np.ndarray) -> float:
    """The largest 4x oversampled magnitude of a whole signal (linear)."""
    zeros = np.zeros(CONTEXT, dtype=np.float32)
    return float(sample_peaks(samples, zeros, zeros).max(initial=0.0))
