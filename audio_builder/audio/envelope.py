"""The true-peak limiter's gain envelope, in dB, computed block by block with bounded
look-ahead.

Per sample, the envelope is the highest true peak nearby, spread as a cone: forward
over the look-ahead (so the gain ramps down before a peak, ``ATTACK_DB`` over
``LOOKAHEAD_S``) and backward at ``RELEASE_DB_PER_S`` (so it comes back up smoothly).
The gain brings the envelope, never just the peak, under the ceiling: every sample stays
under it and the gain moves at most at those two slopes. After ``RELEASE_LIMIT_S`` of
silence the envelope forgets what came before, so a clip preceded by silence is limited
the same way wherever it stands, and its result can be reused.
"""

from __future__ import annotations

import numpy as np

LOOKAHEAD_S = 0.005
ATTACK_DB = 12.0  # dB the gain can fall over the look-ahead without a step
RELEASE_DB_PER_S = 100.0
RELEASE_LIMIT_S = 0.1  # silence after which earlier peaks no longer matter
FLOOR_DB = -150.0  # the level of digital silence


class Slopes:
    """The cone's slopes and reach at one sample rate, in samples."""

    def __init__(self, rate: int) -> None:
        self.lookahead = round(LOOKAHEAD_S * rate)
        self.attack = ATTACK_DB / self.lookahead  # dB per sample
        self.release = RELEASE_DB_PER_S / rate
        self.forget = round(RELEASE_LIMIT_S * rate)


def to_db(peaks: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore"):
        return np.maximum(20 * np.log10(peaks.astype(np.float64)), FLOOR_DB)


def envelope(
    peaks_db: np.ndarray, ahead_db: np.ndarray, carried: float, slopes: Slopes
) -> np.ndarray:
    """The envelope (dB) over ``peaks_db``, given the peaks of up to ``lookahead``
    samples that follow and the envelope's value at the sample before (``FLOOR_DB``:
    none)."""
    count = len(peaks_db)
    index = np.arange(count)
    rising = np.concatenate(([carried - slopes.release], peaks_db + slopes.release * index))
    released = np.maximum.accumulate(rising)[1:] - slopes.release * index
    ahead = np.concatenate((peaks_db, ahead_db[: slopes.lookahead]))
    falling = ahead - slopes.attack * np.arange(len(ahead))
    attacked = _forward_max(falling, slopes.lookahead + 1)[:count] + slopes.attack * index
    return np.maximum(released, attacked)


def gain_db(levels: np.ndarray, gain: float, ceiling: float) -> np.ndarray:
    """Per sample, the gain (dB) that keeps ``levels`` raised by ``gain`` dB under
    ``ceiling`` dB: ``gain`` wherever that is enough."""
    return np.minimum(gain, ceiling - levels)


def _forward_max(values: np.ndarray, width: int) -> np.ndarray:
    """``out[i] = max(values[i : i + width])`` (the window shrinks at the end)."""
    out = values.copy()
    span = 1
    while span * 2 <= width:
        out[:-span] = np.maximum(out[:-span], out[span:])
        span *= 2
    rest = width - span  # two windows of ``span`` cover ``width``
    if rest:
        out[:-rest] = np.maximum(out[:-rest], out[rest:])
    return out
