"""Podcast loudness: bring a track to a target integrated loudness (ITU-R BS.1770-4) as
heard from its MP3, with its true peak under a ceiling, in one measuring pass.

The track's PCM is read twice, as a stream: once to measure, once to write. Measuring
gives the loudness and a histogram of K-weighted energy by limiter level, from which the
loudness after any gain and limiting follows without another pass. A short excerpt is
then encoded and decoded to learn what the MP3 loses in loudness and how far its peaks
overshoot; the gain and the ceiling make up for both. Writing applies gain and limiter.

A spoken track repeats its clips, with silence around them. A clip that stands alone
(silence on both sides, longer than any filter reaches) is measured and limited the same
way wherever it stands, so its results are computed once and reused: the cost follows
the distinct audio, not the length, and memory stays bounded.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

import numpy as np

from audio_builder.audio import envelope as gain_envelope
from audio_builder.audio.decode import decode_samples
from audio_builder.audio.encode import DEFAULT_BITRATE, encode_pcm
from audio_builder.audio.kweighting import KWeighting
from audio_builder.audio.meter import OFFSET, LoudnessMeter, integrated_loudness
from audio_builder.audio.pcm import CHANNELS, RATE, SAMPLE_WIDTH, TARGET_LUFS
from audio_builder.audio.truepeak import CONTEXT, sample_peaks, true_peak

CEILING_DBTP = -1.0
MARGIN_DB = 0.1  # kept under the ceiling for the gain curve's effect on reconstruction
CODEC_MARGIN_DB = 0.5  # and for peaks the encoder raises higher than in the excerpt
EXCERPT_S = 20.0  # seconds of the track encoded to learn what the MP3 does to it
CHUNK = 1 << 17  # the most frames measured or limited at once
MAX_GAIN_DB = 60.0  # the most the limiter is asked to make up for
LEVEL_BIN = 0.05  # dB: resolution of the energy-by-level histogram
LEVEL_TOP = 20.0  # dBFS: the histogram's top
MEMORY_BYTES = 32 * 1024 * 1024  # results kept for clips that come back

Source = Callable[[], Iterable[bytes]]
Codec = Callable[[bytes], tuple[np.ndarray, int]]  # PCM encoded and decoded: samples, rate


def normalize(
    source: Source,
    bitrate: int = DEFAULT_BITRATE,
    channels: int = CHANNELS,
    target: float = TARGET_LUFS,
    ceiling: float = CEILING_DBTP,
) -> Iterator[bytes]:
    """The PCM ``source()`` yields, brought to ``target`` LUFS and under ``ceiling`` dBTP
    as heard from an MP3 at ``bitrate``. ``source`` is called twice and must give the
    same PCM both times."""
    return normalize_for(source, _mp3(bitrate, channels), channels, target, ceiling)


def normalize_for(
    source: Source,
    codec: Codec,
    channels: int = CHANNELS,
    target: float = TARGET_LUFS,
    ceiling: float = CEILING_DBTP,
) -> Iterator[bytes]:
    """``normalize`` for the given codec."""
    measured = _measure(source(), channels)
    if not np.isfinite(measured.meter.integrated()):  # silence: nothing to bring up
        yield from source()
        return
    limit = ceiling - MARGIN_DB
    gain = measured.gain_for(target, limit)
    loss, overshoot = _codec_effect(measured.excerpt, gain, limit, codec)
    limit -= max(overshoot, 0.0) + CODEC_MARGIN_DB
    gain = measured.gain_for(target + loss, limit)
    yield from _limit(source(), gain, limit, channels)


# -- the stream as chunks -----------------------------------------------------------------


@dataclass(frozen=True)
class _Chunk:
    """A run of sound (``data``, at most ``CHUNK`` frames) or of digital silence."""

    frames: int
    channels: int
    data: bytes | None = None

    def samples(self) -> np.ndarray:
        """As float, shape (frames, channels)."""
        return _from_pcm(self.data or b"", self.channels)


def _chunks(
    pcm: Iterable[bytes], channels: int
) -> Iterator[tuple[_Chunk | None, _Chunk, _Chunk | None]]:
    """Each chunk with the ones before and after it: silences merged, sound cut into
    pieces of at most ``CHUNK`` frames."""
    previous = current = None
    for chunk in _split(pcm, channels):
        if current is not None:
            yield previous, current, chunk
        previous, current = current, chunk
    if current is not None:
        yield previous, current, None


def _split(pcm: Iterable[bytes], channels: int) -> Iterator[_Chunk]:
    frame_bytes = SAMPLE_WIDTH * channels
    silence = 0
    for piece in pcm:
        frames = len(piece) // frame_bytes
        if not np.frombuffer(piece, dtype=np.uint8).any():
            silence += frames
            continue
        if silence:
            yield _Chunk(silence, channels)
            silence = 0
        parts = -(-frames // CHUNK)
        for part in range(parts):
            start, end = part * frames // parts, (part + 1) * frames // parts
            data = piece if parts == 1 else piece[start * frame_bytes : end * frame_bytes]
            yield _Chunk(end - start, channels, data)
    if silence:
        yield _Chunk(silence, channels)


class _Levels:
    """The limiter's envelope (dB) chunk by chunk, with what it needs from around each:
    the samples next to it (for oversampling), the peaks ahead (for the look-ahead) and
    the envelope just before (for the release)."""

    def __init__(self, rate: int, ringing: int = 0) -> None:
        self.slopes = gain_envelope.Slopes(rate)
        self._ahead = self.slopes.lookahead + CONTEXT
        self.reach = max(self.slopes.forget, self._ahead + CONTEXT, ringing)
        self.carried = gain_envelope.FLOOR_DB

    def alone(self, before: _Chunk | None, after: _Chunk | None) -> bool:
        """Silence (or the track's edge) on both sides, longer than anything reaches."""
        return all(
            side is None or (side.data is None and side.frames >= self.reach)
            for side in (before, after)
        )

    def silence(self, frames: int) -> None:
        if frames >= self.slopes.forget:
            self.carried = gain_envelope.FLOOR_DB
        else:
            self.carried -= self.slopes.release * frames

    def envelope(self, before: _Chunk | None, chunk: _Chunk, after: _Chunk | None) -> np.ndarray:
        samples = chunk.samples()
        edge = np.zeros((CONTEXT, chunk.channels), dtype=np.float32)
        head = before.samples()[-CONTEXT:] if before is not None else edge[:0]
        head = np.concatenate((edge[len(head) :], head))
        ahead = after.samples()[: self._ahead + CONTEXT] if after is not None else edge[:0]
        ahead = np.concatenate((ahead, edge, edge))
        last = np.concatenate((edge, samples))[-CONTEXT:]
        peaks = gain_envelope.to_db(_peaks(samples, head, ahead[:CONTEXT]))
        lookahead = self.slopes.lookahead
        following = _peaks(ahead[:lookahead], last, ahead[lookahead:][:CONTEXT])
        ahead_db = gain_envelope.to_db(following)
        levels = gain_envelope.envelope(peaks, ahead_db, self.carried, self.slopes)
        self.carried = float(levels[-1])
        return levels


def _peaks(samples: np.ndarray, before: np.ndarray, after: np.ndarray) -> np.ndarray:
    """Per frame, the highest true peak of its channels."""
    channels = range(samples.shape[1])
    return np.max([sample_peaks(samples[:, c], before[:, c], after[:, c]) for c in channels], 0)


class _Memo(OrderedDict):
    """Results for chunks that come back; the least recently used go past a budget."""

    def __init__(self, budget: int = MEMORY_BYTES) -> None:
        super().__init__()
        self._budget, self._held = budget, 0

    def recall(self, key: bytes) -> tuple | None:
        if key in self:
            self.move_to_end(key)
            return self[key]
        return None

    def keep(self, key: bytes, *value: object) -> None:
        self[key] = value
        self._held += _size(value)
        while self._held > self._budget and len(self) > 1:
            _, old = self.popitem(last=False)
            self._held -= _size(old)


def _size(value: tuple) -> int:
    return sum(getattr(part, "nbytes", None) or len(part) for part in value if part is not None)


# -- measuring ----------------------------------------------------------------------------


@dataclass
class _Measured:
    meter: LoudnessMeter
    by_level: np.ndarray  # K-weighted energy summed per bin of limiter envelope
    excerpt: np.ndarray  # the first seconds of sound, for the codec

    def loudness_after(self, gain: float, ceiling: float) -> float:
        """Integrated loudness once raised by ``gain`` dB and limited under ``ceiling``.

        Limiting scales each sample's K-weighted energy by its gain squared (the gain
        moves slowly against the filter's response); the samples it touches lie in loud
        blocks, which the gates keep, and each sample counts in four blocks.
        """
        levels = gain_envelope.FLOOR_DB + LEVEL_BIN * (np.arange(len(self.by_level)) + 0.5)
        cut = np.maximum(levels + gain - ceiling, 0.0)
        lost = float(self.by_level @ (1 - 10 ** (-cut / 10)))
        block_frames = 4 * self.meter.rate / 10
        energy, blocks = self.meter.gated(gain, 4 * lost / block_frames)
        if not blocks or energy <= 0:
            return float("-inf")
        return float(OFFSET + 10 * np.log10(energy / blocks) + gain)

    def gain_for(self, target: float, ceiling: float) -> float:
        """The gain (dB) at which the limited track reads ``target``: loudness rises with
        gain, so step up to it, then halve the step."""
        low = target - self.meter.integrated() - 1.0
        most = low + MAX_GAIN_DB
        high = low + 1.0
        while self.loudness_after(high, ceiling) < target and high < most:
            low, high = high, high + 1.0
        for _ in range(30):
            middle = (low + high) / 2
            if self.loudness_after(middle, ceiling) < target:
                low = middle
            else:
                high = middle
        return (low + high) / 2


def _measure(pcm: Iterable[bytes], channels: int, rate: int = RATE) -> _Measured:
    meter = LoudnessMeter(rate, channels)
    weighting = KWeighting(rate, CHUNK, channels)
    levels = _Levels(rate, weighting.ringing)
    by_level = np.zeros(round((LEVEL_TOP - gain_envelope.FLOOR_DB) / LEVEL_BIN))
    memo = _Memo()
    excerpt = _Excerpt(round(EXCERPT_S * rate), channels)
    for before, chunk, after in _chunks(pcm, channels):
        if chunk.data is None:
            quiet = np.zeros((min(chunk.frames, weighting.ringing), channels))
            ringing = (weighting.filter(quiet) ** 2).sum(axis=1)
            meter.add_energy(ringing)
            meter.add_silence(chunk.frames - len(ringing))
            by_level[0] += ringing.sum()
            levels.silence(chunk.frames)
            excerpt.add_silence(chunk.frames)
            continue
        excerpt.add(chunk)
        alone = levels.alone(before, after)
        known = memo.recall(chunk.data) if alone else None
        if known is None:
            response = weighting.response(chunk.samples())
            energy = (weighting.ring(response) ** 2).sum(axis=1)
            envelope = levels.envelope(before, chunk, after)
            bins = ((envelope - gain_envelope.FLOOR_DB) / LEVEL_BIN).astype(int)
            bins = np.clip(bins, 0, len(by_level) - 1)
            histogram = np.bincount(bins, weights=energy, minlength=len(by_level))
            totals = np.concatenate(([0.0], np.cumsum(energy))).astype(np.float32)
            if alone:  # kept: what it adds, and how it rings on into the silence after
                memo.keep(chunk.data, totals, histogram, response[chunk.frames :])
        else:
            totals, histogram, ringing = known
            weighting.ring(ringing)  # from rest, the chunk leaves only its ringing behind
        meter.add_totals(totals)
        by_level += histogram
    return _Measured(meter, by_level, excerpt.samples())


class _Excerpt:
    """The first ``frames`` of the track from its first sound on."""

    def __init__(self, frames: int, channels: int) -> None:
        self._wanted = frames
        self._parts: list[np.ndarray] = [np.zeros((0, channels), dtype=np.float32)]

    def add(self, chunk: _Chunk) -> None:
        self._take(chunk.samples())

    def add_silence(self, frames: int) -> None:
        if len(self._parts) > 1:
            self._take(np.zeros((min(frames, self._wanted), self._parts[0].shape[1]), np.float32))

    def _take(self, samples: np.ndarray) -> None:
        if self._wanted > 0:
            self._parts.append(samples[: self._wanted])
            self._wanted -= len(self._parts[-1])

    def samples(self) -> np.ndarray:
        return np.concatenate(self._parts)


def _codec_effect(
    excerpt: np.ndarray, gain: float, ceiling: float, codec: Codec
) -> tuple[float, float]:
    """What the codec does to the excerpt, limited: the loudness it loses (LU) and how far
    its true peak rises over ``ceiling`` (dB)."""
    channels = excerpt.shape[1]
    limited = b"".join(_limit([_to_pcm(excerpt)], gain, ceiling, channels))
    decoded, rate = codec(limited)
    before = integrated_loudness(_from_pcm(limited, channels), RATE, channels)
    after = integrated_loudness(decoded, rate, channels)
    if not (np.isfinite(before) and np.isfinite(after)):
        return 0.0, 0.0
    peak = max(true_peak(decoded[:, channel]) for channel in range(channels))
    return before - after, gain_envelope.to_db(np.array([peak]))[0] - ceiling


# -- writing ------------------------------------------------------------------------------


def _limit(
    pcm: Iterable[bytes], gain: float, ceiling: float, channels: int, rate: int = RATE
) -> Iterator[bytes]:
    """The stream raised by ``gain`` dB with its envelope held under ``ceiling`` dB."""
    levels = _Levels(rate)
    memo = _Memo()
    for before, chunk, after in _chunks(pcm, channels):
        if chunk.data is None:
            levels.silence(chunk.frames)
            for start in range(0, chunk.frames, CHUNK):
                yield bytes(SAMPLE_WIDTH * channels * min(CHUNK, chunk.frames - start))
            continue
        alone = levels.alone(before, after)
        known = memo.recall(chunk.data) if alone else None
        if known is None:
            envelope = levels.envelope(before, chunk, after)
            gains = 10 ** (gain_envelope.gain_db(envelope, gain, ceiling) / 20)
            known = (_to_pcm(chunk.samples() * gains[:, None]),)
            if alone:
                memo.keep(chunk.data, *known)
        yield known[0]


def _mp3(bitrate: int, channels: int) -> Codec:
    def codec(pcm: bytes) -> tuple[np.ndarray, int]:
        return decode_samples(encode_pcm(pcm, bitrate, channels), channels)

    return codec


def _to_pcm(samples: np.ndarray) -> bytes:
    return np.clip(np.round(samples * 32768), -32768, 32767).astype(np.int16).tobytes()


def _from_pcm(data: bytes, channels: int) -> np.ndarray:
    samples = np.frombuffer(data, dtype=np.int16).astype(np.float32) / 32768
    return samples.reshape(-1, channels)
