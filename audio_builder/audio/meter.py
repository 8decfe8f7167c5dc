"""Integrated loudness (ITU-R BS.1770-4, EBU R 128) of a stream, in memory that does not
grow with its length.

K-weighted energy is summed per 100 ms hop; every four hops make a 400 ms gating block
(75 % overlap). Blocks are not kept: each is counted in a histogram of 0.01 LU bins that
holds the blocks' number and summed energy, which is all the two gates (-70 LUFS
absolute, -10 LU relative) and the final mean need. Only the relative gate's own bin is
judged as a whole, so the reading differs from one that keeps every block by far less
than 0.01 LU.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Sequence

import numpy as np

from audio_builder.audio.kweighting import KWeighting

ABSOLUTE_GATE = -70.0  # LUFS
RELATIVE_GATE = -10.0  # LU below the loudness of the blocks over the absolute gate
OFFSET = -0.691  # dB: a 997 Hz sine at full scale in one channel reads -3.01 LUFS
LOWEST = -150.0  # LUFS: the histogram's range (quieter blocks count as silence) ...
HIGHEST = 20.0  # ... and its top (louder blocks share the last bin)
BIN = 0.01  # LU
BLOCK = 1 << 14  # frames the K-weighting filters at a time


class LoudnessMeter:
    """Feed it float samples with ``add`` (mono, or frames x channels with BS.1770
    channel ``weights``), then read ``integrated()``."""

    def __init__(self, rate: int, channels: int = 1, weights: Sequence[float] | None = None):
        self.rate = rate
        self._weights = np.asarray(weights if weights is not None else [1.0] * channels)
        self._filter = KWeighting(rate, BLOCK, channels)
        self._hop_ends = _HopEnds(rate)
        self._hop_energy = 0.0  # weighted energy of the hop being filled
        self._hops: deque[tuple[float, int]] = deque(maxlen=4)  # (energy, frames)
        self._frames = 0
        bins = round((HIGHEST - LOWEST) / BIN)
        self._counts = np.zeros(bins)
        self._sums = np.zeros(bins)

    def add(self, samples: np.ndarray) -> None:
        """Count ``samples`` (float, full scale 1.0)."""
        for start in range(0, len(samples), BLOCK):
            weighted = self._filter.filter(samples[start : start + BLOCK])
            self.add_energy((weighted**2) @ self._weights)

    def add_energy(self, energy: np.ndarray) -> None:
        """Count frames already K-weighted: each one's channel-weighted energy."""
        self.add_totals(np.concatenate(([0.0], np.cumsum(energy))))

    def add_totals(self, totals: np.ndarray) -> None:
        """Count frames given as the running sum of their weighted energy (from 0)."""
        self._count(len(totals) - 1, totals)

    def add_silence(self, frames: int) -> None:
        self._count(frames, None)

    def integrated(self, gain_db: float = 0.0) -> float:
        """Gated loudness in LUFS of what was added, as if raised by ``gain_db`` first
        (a gain moves blocks across the absolute gate, never across the relative one)."""
        energy, blocks = self.gated(gain_db)
        return _lufs(energy / blocks) + gain_db if blocks else float("-inf")

    def gated(self, gain_db: float = 0.0, lost: float = 0.0) -> tuple[float, float]:
        """The summed mean-square energy of the blocks both gates keep, and their number
        (energy before ``gain_db``). ``lost`` is energy a limiter takes out of the
        loudest blocks: it lowers the relative gate with them."""
        loudness = LOWEST + BIN * (np.arange(len(self._sums)) + 0.5) + gain_db
        audible = (loudness > ABSOLUTE_GATE) & (self._counts > 0)
        if not audible.any():
            return 0.0, 0.0
        mean = (self._sums[audible].sum() - lost) / self._counts[audible].sum()
        kept = audible & (loudness > _lufs(mean) + gain_db + RELATIVE_GATE)
        return float(self._sums[kept].sum() - lost), float(self._counts[kept].sum())

    def _count(self, frames: int, totals: np.ndarray | None) -> None:
        """Close every hop that ends within the next ``frames`` frames (their energy
        summed in ``totals``; None: silence); each closed hop closes a block."""
        start = 0
        while True:
            end = self._hop_ends.next_end - self._frames
            if end > frames:
                if totals is not None:
                    self._hop_energy += totals[frames] - totals[start]
                self._frames += frames
                return
            if totals is not None:
                self._hop_energy += totals[end] - totals[start]
            self._hops.append((self._hop_energy, self._hop_ends.frames_in_hop))
            self._hop_energy, start = 0.0, end
            self._hop_ends.advance()
            if len(self._hops) == 4:
                self._bin(sum(e for e, _ in self._hops) / sum(n for _, n in self._hops))

    def _bin(self, mean_square: float) -> None:
        loudness = _lufs(mean_square)
        if loudness <= LOWEST:
            return
        index = min(int((loudness - LOWEST) / BIN), len(self._sums) - 1)
        self._counts[index] += 1
        self._sums[index] += mean_square


class _HopEnds:
    """Where each 100 ms hop ends, in frames from the start (rounded for rates that are
    not a multiple of 10 Hz)."""

    def __init__(self, rate: int) -> None:
        self._rate = rate
        self._hop = 1
        self.next_end = round(rate / 10)
        self.frames_in_hop = self.next_end

    def advance(self) -> None:
        self._hop += 1
        end = round(self._hop * self._rate / 10)
        self.frames_in_hop, self.next_end = end - self.next_end, end


def _lufs(mean_square: float) -> float:
    return OFFSET + 10 * math.log10(mean_square) if mean_square > 0 else float("-inf")


def integrated_loudness(
    samples: np.ndarray, rate: int, channels: int = 1, weights: Sequence[float] | None = None
) -> float:
    """The integrated loudness of a whole signal (float, full scale 1.0)."""
    meter = LoudnessMeter(rate, channels, weights)
    meter.add(samples)
    return meter.integrated()
