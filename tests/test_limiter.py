"""The streaming look-ahead limiter: no sample over the ceiling, nothing changed far from
a peak, the same samples out as in, whatever the block boundaries."""

from __future__ import annotations

import numpy as np

from audio_builder.audio.limiter import Limiter
from audio_builder.audio.pcm import RATE

CEILING = -1.0


def limited(signal: np.ndarray, block: int) -> np.ndarray:
    limiter = Limiter(CEILING, signal.shape[1])
    pieces = [limiter.process(signal[i : i + block]) for i in range(0, len(signal), block)]
    return np.concatenate([*pieces, limiter.flush()])


def test_peaks_are_held_under_the_ceiling_across_block_boundaries():
    t = np.arange(RATE) / RATE
    signal = np.stack([0.5 * np.sin(2 * np.pi * 220 * t), 0.5 * np.sin(2 * np.pi * 330 * t)], 1)
    for at in (1000, 4095, 4096, 30000):  # on, just before and inside a block boundary
        signal[at : at + 40, 1] = 1.6
    ceiling = 10 ** (CEILING / 20)

    for block in (4096, 1000, RATE):
        out = limited(signal.astype(np.float32), block)

        assert out.shape == signal.shape
        assert np.abs(out).max() <= ceiling + 1e-6
        far = np.ones(len(signal), bool)
        for at in (1000, 4095, 4096, 30000):
            far[at - 400 : at + 440] = False
        np.testing.assert_allclose(out[far], signal[far], atol=1e-6)
