"""A look-ahead peak limiter: the gain falls smoothly just before a peak that would pass
the ceiling and rises just after it, so the sum of voice, beeps and music never clips.

Streaming: each block leaves one block late, once the samples after it are known.
"""

from __future__ import annotations

import numpy as np

from audio_builder.audio.pcm import RATE

LOOKAHEAD = 0.002  # seconds the gain may start falling before a peak (and recover after)


def smooth_gain(needed: np.ndarray, width: int) -> np.ndarray:
    """A gain never above ``needed`` at any sample, without steps: a moving minimum over
    ``4 * width + 1`` samples, then a moving average over ``2 * width + 1`` (an average of
    minima over the wider window never exceeds what a peak needs)."""
    from scipy.ndimage import minimum_filter1d, uniform_filter1d

    return uniform_filter1d(minimum_filter1d(needed, 4 * width + 1), 2 * width + 1)


class Limiter:
    """Holds sample peaks (any channel) to ``ceiling`` dBFS, block by block."""

    def __init__(self, ceiling: float, channels: int) -> None:
        self.ceiling = 10 ** (ceiling / 20)
        self.width = max(1, round(LOOKAHEAD * RATE))
        self._context = 3 * self.width  # reach of smooth_gain on either side
        empty = np.zeros((0, channels), np.float32)
        self._before = empty  # the end of the last block given out, as it came in
        self._pending = empty  # the block waiting for what follows it

    def process(self, block: np.ndarray) -> np.ndarray:
        """Take ``block`` (frames, channels) and give out the one before it, limited."""
        out = self._limited(self._pending, block[: self._context])
        self._before = np.concatenate((self._before, self._pending))[-self._context :]
        self._pending = block
        return out

    def flush(self) -> np.ndarray:
        """The last block, limited."""
        out = self._limited(self._pending, self._pending[:0])
        self._pending = self._pending[:0]
        return out

    def _limited(self, block: np.ndarray, after: np.ndarray) -> np.ndarray:
        around = np.concatenate((self._before, block, after))
        if not len(around) or max(around.max(), -around.min()) <= self.ceiling:
            return block
        peaks = np.abs(around).max(axis=1)
        needed = np.minimum(1.0, self.ceiling / np.maximum(peaks, 1e-9)).astype(np.float32)
        gain = smooth_gain(needed, self.width)
        start = len(self._before)
        return block * gain[start : start + len(block), None]
