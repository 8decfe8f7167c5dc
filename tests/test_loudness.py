"""Podcast loudness: ``normalize`` lands on the target with true peaks under the ceiling
— by limiting, never by clipping — reading the track twice and measuring it once, in
memory that does not grow with its length; as an MP3 it reads the target once decoded."""

from __future__ import annotations

import tracemalloc

import numpy as np
import pyloudnorm
import pytest
from scipy.signal import resample_poly
from test_meter import speechlike

from audio_builder.audio import envelope as gain_envelope
from audio_builder.audio.loudness import normalize, normalize_for
from audio_builder.audio.meter import integrated_loudness
from audio_builder.audio.pcm import RATE

CEILING_DB = -1.0


def to_pcm(samples: np.ndarray, size: int = 40_000) -> list[bytes]:
    """16-bit PCM in pieces, as a mixer yields it."""
    data = np.clip(np.round(samples * 32768), -32768, 32767).astype(np.int16).tobytes()
    return [data[i : i + 2 * size] for i in range(0, len(data), 2 * size)]


def from_pcm(pieces) -> np.ndarray:
    return np.frombuffer(b"".join(pieces), dtype=np.int16).astype(np.float64) / 32768


def lossless(pcm: bytes) -> tuple[np.ndarray, int]:
    """A codec that changes nothing: what the limiter alone does."""
    return from_pcm([pcm])[:, None], RATE


def lufs(samples: np.ndarray) -> float:
    return pyloudnorm.Meter(RATE).integrated_loudness(samples)


def true_peak_db(samples: np.ndarray) -> float:
    return 20 * np.log10(np.abs(resample_poly(samples, 4, 1)).max())


def clip_track(clip: np.ndarray, repeats: int, gap: float = 0.5) -> list[bytes]:
    """A clip said ``repeats`` times with silence between, in pieces as ``render`` gives
    them: each clip one piece, silences one piece each."""
    sound = to_pcm(clip, len(clip))[0]
    silence = bytes(2 * int(gap * RATE))
    return [piece for _ in range(repeats) for piece in (silence, sound)] + [silence]


@pytest.mark.parametrize("peak_db", [pytest.param(-0.1, id="loud"), pytest.param(-12.0, id="low")])
def test_reaches_the_target_under_the_ceiling(peak_db):
    samples = speechlike(peak_db)
    gain_db = -16.0 - integrated_loudness(samples, RATE)
    assert 20 * np.log10(np.abs(samples).max()) + gain_db > CEILING_DB + 2  # must limit
    out = from_pcm(normalize_for(lambda: to_pcm(samples), lossless))
    assert len(out) == len(samples)
    assert integrated_loudness(out, RATE) == pytest.approx(-16.0, abs=0.1)
    assert lufs(out) == pytest.approx(-16.0, abs=0.15)
    assert true_peak_db(out) <= CEILING_DB


def test_the_decoded_mp3_reads_the_target():
    """The encoder's loss is made up: decoded, the MP3 reads the target."""
    from audio_builder.audio.decode import decode_mono
    from audio_builder.audio.encode import encode_pcm

    samples = speechlike(-0.5, seconds=30.0)
    pcm = b"".join(normalize(lambda: to_pcm(samples), bitrate=64))
    decoded = from_pcm([decode_mono(encode_pcm(pcm, 64)).raw_data])
    assert lufs(decoded) == pytest.approx(-16.0, abs=0.3)
    assert integrated_loudness(decoded, RATE) == pytest.approx(-16.0, abs=0.2)
    assert true_peak_db(decoded) <= CEILING_DB


def test_the_track_is_read_twice_and_measured_once():
    samples = speechlike(-3.0)
    reads = []

    def source():
        reads.append(1)
        return iter(to_pcm(samples))

    out = from_pcm(normalize_for(source, lossless))
    assert len(reads) == 2
    assert len(out) == len(samples)


def test_a_very_quiet_input_is_limited_not_clipped():
    samples = speechlike(-40.0)
    assert lufs(samples) < -40  # it needs well over 20 dB of gain
    out = from_pcm(normalize_for(lambda: to_pcm(samples), lossless))
    assert lufs(out) == pytest.approx(-16.0, abs=0.15)
    assert true_peak_db(out) <= CEILING_DB
    assert np.abs(out).max() <= 10 ** (CEILING_DB / 20)


def test_another_target():
    samples = speechlike(-6.0)
    out = from_pcm(normalize_for(lambda: to_pcm(samples), lossless, target=-19.0))
    assert lufs(out) == pytest.approx(-19.0, abs=0.15)
    assert true_peak_db(out) <= CEILING_DB


def test_silence_stays_silence():
    silence = [bytes(2 * RATE), bytes(2 * RATE)]
    assert b"".join(normalize_for(lambda: silence, lossless)) == b"".join(silence)


def test_a_clip_is_limited_the_same_wherever_it_stands():
    clip = speechlike(-1.0, seconds=2.5)
    track = clip_track(clip, 5)
    out = from_pcm(normalize_for(lambda: track, lossless))
    starts = [int((0.5 * (i + 1) + i * len(clip) / RATE) * RATE) for i in range(5)]
    copies = [out[start : start + len(clip)] for start in starts]
    assert all(np.array_equal(copies[0], copy) for copy in copies[1:])
    assert np.abs(copies[0]).max() > 0.5
    assert true_peak_db(out) <= CEILING_DB


def test_memory_does_not_grow_with_length():
    clip = speechlike(-1.0, seconds=2.5)

    def peak(repeats: int) -> int:
        tracemalloc.start()
        for _ in normalize_for(lambda: clip_track(clip, repeats), lossless):
            pass
        _, highest = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        return highest

    peak(2)  # caches warmed
    short, long = peak(20), peak(400)  # 1 minute, 20 minutes
    assert long - short < 200_000


def test_the_envelope_ramps_down_before_a_peak_and_releases_slowly():
    slopes = gain_envelope.Slopes(RATE)
    peaks = np.full(4000, gain_envelope.FLOOR_DB)
    peaks[1000] = 0.0
    levels = gain_envelope.envelope(peaks, np.zeros(0), gain_envelope.FLOOR_DB, slopes)
    before = np.arange(1, slopes.lookahead + 1)
    assert levels[1000 - before] == pytest.approx(-slopes.attack * before)
    assert levels[1000 - slopes.lookahead - 1] == gain_envelope.FLOOR_DB  # no further ahead
    after = np.arange(1, 2000)
    assert levels[1000 + after] == pytest.approx(-slopes.release * after)


def test_the_envelope_looks_ahead_into_the_next_block():
    slopes = gain_envelope.Slopes(RATE)
    here = np.full(1000, gain_envelope.FLOOR_DB)
    ahead = np.full(slopes.lookahead, gain_envelope.FLOOR_DB)
    ahead[9] = 0.0  # ten samples after this block ends
    levels = gain_envelope.envelope(here, ahead, gain_envelope.FLOOR_DB, slopes)
    assert levels[-1] == pytest.approx(-slopes.attack * 10)
