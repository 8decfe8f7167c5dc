"""Timing truth on real audio: the beeps in the decoded MP3 sound where `script` says,
and the track is silent where the script has silence.

The fake voice speaks a 440 Hz tone; the beeps are 880 Hz ("tick") and 1320 Hz ("go"),
so every beep can be found in the decoded audio by its pitch alone.

Measured here (lameenc 96 kbps, decoded with miniaudio, which cannot skip the encoder
delay because lameenc writes no Xing/LAME header): every beep is detected ~28 ms after
its script time (25 ms encoder delay plus ~2.5 ms from the beep's 5 ms fade-in at the
detector's half-amplitude threshold), with a spread of under 1 ms.
"""

from __future__ import annotations

import json
from itertools import pairwise
from pathlib import Path

import miniaudio
import numpy as np
import pytest
from click.testing import CliRunner
from conftest import SEEDS

from audio_builder.audio.beeps import BEEPS
from audio_builder.audio.timeline import RATE
from audio_builder.cli import main

PLANK = SEEDS / "forearm-plank.md"
SETTINGS = ["--sets", "2"]
WINDOW = 441  # 10 ms
HOP = 220  # 5 ms
SPEECH_HZ = 440
TOLERANCE = 0.030
TRIM = 0.050
QUIET_DBFS = -60.0


def build_and_script(folder: Path, source: Path, *args: str) -> tuple[np.ndarray, dict]:
    """``source`` built through the CLI with the fake voice, decoded, and its script as
    JSON (same cache, so the same clips)."""
    from conftest import FakeEngine

    engine = FakeEngine()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("AUDIO_BUILDER_CACHE_DIR", str(folder / "cache"))
        patch.setattr("audio_builder.cli.choose_engine", lambda *args, **kwargs: engine)
        runner = CliRunner()
        out = folder / "out"
        build = runner.invoke(main, ["build", str(source), "-o", str(out), "--jobs", "1", *args])
        assert build.exit_code == 0, build.output
        script = runner.invoke(main, ["script", str(source), "--format", "json", *args])
        assert script.exit_code == 0, script.output
    (mp3,) = out.glob("*.mp3")
    decoded = miniaudio.mp3_read_file_s16(str(mp3))
    assert (decoded.nchannels, decoded.sample_rate) == (1, RATE)
    audio = np.frombuffer(decoded.samples, dtype=np.int16).astype(np.float32) / 32768
    return audio, json.loads(script.stdout)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The plank, built and scripted."""
    return build_and_script(tmp_path_factory.mktemp("beeps"), PLANK, *SETTINGS)


def magnitudes(audio: np.ndarray, hertz: list[float]) -> np.ndarray:
    """Amplitude (0-1) of each frequency in Hann windows of 10 ms every 5 ms."""
    window = np.hanning(WINDOW).astype(np.float32)
    frames = np.lib.stride_tricks.sliding_window_view(audio, WINDOW)[::HOP] * window
    n = np.arange(WINDOW)
    basis = np.exp(-2j * np.pi * np.outer(n, hertz) / RATE).astype(np.complex64)
    return np.abs(frames @ basis) * 2 / window.sum()


def detect_beeps(audio: np.ndarray) -> list[tuple[float, str, float]]:
    """(onset seconds, kind, seconds sounding) of every beep found by its pitch.

    A beep sounds where its tone is above half its nominal amplitude and louder than the
    speech tone; its onset is where the window centre crosses that half, interpolated.
    """
    kinds = list(BEEPS)
    mags = magnitudes(audio, [SPEECH_HZ, *(BEEPS[k][0] for k in kinds)])
    found = []
    for column, kind in enumerate(kinds, 1):
        half = 10 ** (BEEPS[kind][2] / 20) / 2
        tone = mags[:, column]
        on = ((tone > half) & (tone > 3 * mags[:, 0])).astype(int)
        rises = np.flatnonzero(np.diff(on) == 1) + 1
        falls = np.flatnonzero(np.diff(on) == -1) + 1
        assert on[0] == 0 and on[-1] == 0
        for rise, fall in zip(rises, falls, strict=True):
            before, after = tone[rise - 1], tone[rise]
            frame = rise - 1 + (half - before) / (after - before)
            found.append(((frame * HOP + WINDOW / 2) / RATE, kind, (fall - rise) * HOP / RATE))
    return sorted(found)


def match_beeps(audio: np.ndarray, script: dict):
    """The script's beeps, those found in the audio (one for one), and the codec delay."""
    expected = [(c["start"], c["text"]) for c in script["cues"] if c["kind"] == "beep"]
    detected = detect_beeps(audio)
    assert len(detected) == len(expected), (detected, expected)
    delay = float(np.median([d[0] - e[0] for d, e in zip(detected, expected, strict=True)]))
    print(f"codec delay: {delay * 1000:.1f} ms")
    return expected, detected, delay


@pytest.fixture(scope="module")
def measured(built):
    return match_beeps(*built)


def test_codec_delay_is_small_and_positive(measured):
    _, _, delay = measured
    assert 0.0 <= delay <= 0.060


def test_every_scripted_beep_sounds_on_time(measured):
    expected, detected, delay = measured
    assert len(expected) == 2 * 8  # per set: 3-2-1-go into the hold and out of it
    for (at, kind), (heard, heard_kind, sounding) in zip(expected, detected, strict=True):
        assert heard_kind == kind, (at, kind, heard, heard_kind)
        assert abs(heard - (at + delay)) <= TOLERANCE, (at, kind, heard)
        assert abs(sounding - BEEPS[kind][1] / 1000) <= 0.025, (at, kind, sounding)


def test_no_beep_the_script_does_not_have(measured):
    expected, detected, delay = measured
    for heard, kind, _ in detected:
        assert any(k == kind and abs(heard - (at + delay)) <= TOLERANCE for at, k in expected), (
            heard,
            kind,
        )


def test_silence_where_the_script_has_silence(built, measured):
    audio, script = built
    *_, delay = measured
    cues = sorted(script["cues"], key=lambda c: c["start"])
    gaps = [(a["end"], b["start"]) for a, b in pairwise(cues)]
    gaps.append((cues[-1]["end"], script["duration"]))
    checked = 0
    for start, end in gaps:
        if end - start <= 0.3:
            continue
        lo = round((start + TRIM + delay) * RATE)
        hi = round((end - TRIM + delay) * RATE)
        middle = audio[lo:hi].astype(np.float64)
        rms = 20 * np.log10(np.sqrt(np.mean(middle**2)) + 1e-12)
        assert rms < QUIET_DBFS, (start, end, rms)
        checked += 1
    assert checked >= 20
    assert len(audio) / RATE == pytest.approx(script["duration"], abs=0.06)
