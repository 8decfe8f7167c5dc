"""Sample-rate conversion with a proper low-pass: whole-number upsampling in numpy
(the offline voice's 22.05 kHz to 44.1 kHz, and 4x oversampling for true peaks), other
ratios through scipy's polyphase resampler (imported only then: it is slow to import)."""

from __future__ import annotations

from functools import cache
from math import gcd

import numpy as np
from pydub import AudioSegment

from audio_builder.audio.pcm import CHANNELS, RATE, SAMPLE_WIDTH

HALF_TAPS = 10  # filter taps per side, per unit of the factor (as scipy's resample_poly)


@cache
def _lowpass(factor: int) -> np.ndarray:
    """A Kaiser-windowed sinc with its cut-off at the original Nyquist frequency."""
    half = HALF_TAPS * factor
    n = np.arange(-half, half + 1)
    taps = np.sinc(n / factor) * np.kaiser(2 * half + 1, 5.0)
    return (taps * factor / taps.sum()).astype(np.float32)


def upsample(samples: np.ndarray, factor: int) -> np.ndarray:
    """``factor`` times as many samples: zeros stuffed between, then low-passed."""
    if factor == 1:
        return samples.astype(np.float32)
    stuffed = np.zeros(len(samples) * factor, dtype=np.float32)
    stuffed[::factor] = samples
    taps = _lowpass(factor)
    half = len(taps) // 2
    return np.convolve(stuffed, taps)[half : half + len(stuffed)]


def resample(samples: np.ndarray, rate: int, target: int) -> np.ndarray:
    """Float samples at ``rate`` converted to ``target``."""
    if target % rate == 0:
        return upsample(samples, target // rate)
    from scipy.signal import resample_poly

    common = gcd(rate, target)
    return resample_poly(samples, target // common, rate // common).astype(np.float32)


def to_track_rate(audio: AudioSegment) -> AudioSegment:
    """Mono 16-bit audio at the track's rate, through the low-pass above rather than
    pydub's linear interpolation, whose images above the voice's band would add hiss."""
    audio = audio.set_channels(CHANNELS).set_sample_width(SAMPLE_WIDTH)
    if audio.frame_rate == RATE:
        return audio
    samples = np.frombuffer(audio.raw_data, dtype=np.int16).astype(np.float32)
    resampled = resample(samples, audio.frame_rate, RATE)
    data = np.clip(np.round(resampled), -32768, 32767).astype(np.int16).tobytes()
    return AudioSegment(data=data, sample_width=SAMPLE_WIDTH, frame_rate=RATE, channels=CHANNELS)
