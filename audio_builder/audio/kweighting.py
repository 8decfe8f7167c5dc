"""K-weighting (ITU-R BS.1770-4): the standard's two filters, a high shelf that models the
head and a high-pass, applied to a stream block by block.

The biquads are designed for any sample rate from their analog parameters (as libebur128
does); at 48 kHz they are the coefficients printed in the standard. They are applied as
their impulse response, convolved in the frequency domain with numpy, and cut where what
is left of it holds less than 1e-12 of its energy: the same output to within rounding,
with no scipy to import on the podcast path. The response still to come from past input
is carried from block to block, so any block size gives the same result.
"""

from __future__ import annotations

from functools import cache
from math import pi, tan

import numpy as np

SHELF_HZ, SHELF_DB, SHELF_Q = 1681.974450955533, 3.999843853973347, 0.7071752369554196
HIGH_PASS_HZ, HIGH_PASS_Q = 38.13547087602444, 0.5003270373238773
_TAIL_ENERGY = 1e-12  # share of the impulse response's energy left out
_GRID = 1 << 18  # points on which the response is evaluated: far longer than it rings


def biquads(rate: int) -> tuple[tuple[list[float], list[float]], ...]:
    """The two stages as (b, a) coefficients at ``rate``."""
    k = tan(pi * SHELF_HZ / rate)
    high = 10 ** (SHELF_DB / 20)
    band = high**0.4996667741545416
    a0 = 1 + k / SHELF_Q + k * k
    shelf = (
        [(high + band * k / SHELF_Q + k * k) / a0, 2 * (k * k - high) / a0,
         (high - band * k / SHELF_Q + k * k) / a0],
        [1.0, 2 * (k * k - 1) / a0, (1 - k / SHELF_Q + k * k) / a0],
    )  # fmt: skip
    k = tan(pi * HIGH_PASS_HZ / rate)
    a0 = 1 + k / HIGH_PASS_Q + k * k
    high_pass = (
        [1.0, -2.0, 1.0],
        [1.0, 2 * (k * k - 1) / a0, (1 - k / HIGH_PASS_Q + k * k) / a0],
    )
    return shelf, high_pass


@cache
def impulse_response(rate: int) -> np.ndarray:
    """Both stages' impulse response, as long as it carries energy."""
    z = np.exp(-1j * np.pi * np.arange(_GRID // 2 + 1) / (_GRID // 2))  # e^-jw on the grid
    response = np.ones_like(z)
    for b, a in biquads(rate):
        response *= np.polyval(b[::-1], z) / np.polyval(a[::-1], z)
    taps = np.fft.irfft(response, _GRID)
    remaining = np.cumsum((taps**2)[::-1])[::-1]
    return taps[: int(np.argmax(remaining < _TAIL_ENERGY * remaining[0]))]


class KWeighting:
    """The K-weighting filter over a stream of blocks of at most ``block`` frames
    (1-D mono, or frames x channels)."""

    def __init__(self, rate: int, block: int, channels: int = 1) -> None:
        self._taps = impulse_response(rate)
        self.ringing = len(self._taps) - 1  # frames the response of a block outlasts it
        self._block = block
        self._spectra: dict[int, np.ndarray] = {}  # the taps' spectrum per FFT size
        self._pending = np.zeros((self.ringing, channels))  # response still to come

    @property
    def at_rest(self) -> bool:
        """Nothing earlier rings on: the next block's output is its response alone."""
        return not self._pending.any()

    def response(self, block: np.ndarray) -> np.ndarray:
        """What ``block`` alone, from rest, makes: its length plus ``ringing`` frames."""
        frames = block.reshape(len(block), -1)
        if len(frames) > self._block:
            raise ValueError(f"blocks of at most {self._block} frames, got {len(frames)}")
        size = 1 << (len(frames) + self.ringing - 1).bit_length()
        if size not in self._spectra:
            self._spectra[size] = np.fft.rfft(self._taps, size)[:, None]
        spectrum = np.fft.rfft(frames, size, axis=0) * self._spectra[size]
        return np.fft.irfft(spectrum, size, axis=0)[: len(frames) + self.ringing]

    def filter(self, block: np.ndarray) -> np.ndarray:
        """The weighted block (float64, frames x channels)."""
        frames = block.reshape(len(block), -1)
        if frames.any():
            return self.ring(self.response(frames))
        return self.ring(np.zeros((len(frames) + self.ringing, frames.shape[1])))

    def ring(self, response: np.ndarray) -> np.ndarray:
        """The output for a block whose own ``response`` is known: that, plus what
        earlier blocks still ring with."""
        count = len(response) - self.ringing
        out = response.copy()
        out[: self.ringing] += self._pending
        self._pending = out[count:]
        return out[:count]
