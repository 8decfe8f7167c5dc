"""Music under the coach, measured on the decoded MP3: the music's own level (a pure
tone's FFT bin) in every cue window, between cues and after the fade; stereo kept; the
track as long as without music; the manifest following the songs' content."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import numpy as np
import pyloudnorm
import pytest
from conftest import SIMPLE_DOC, tones, write_song
from scipy.signal import resample_poly

from audio_builder.audio.decode import read_stereo
from audio_builder.audio.ducking import BEEP_DIP, FADE_OUT, SPEECH_ATTACK, SPEECH_RELEASE
from audio_builder.audio.mixer import Mixer
from audio_builder.audio.music import open_playlist
from audio_builder.audio.pcm import STEREO
from audio_builder.build import load, time_track
from audio_builder.cli import main
from audio_builder.settings import MIX

RATE = 44100
LEFT, RIGHT = 3000.0, 5000.0  # the music's tone on each side (the fake voice is 440 Hz)
VOICE = 440.0
FAST = ["--sets", "1", "--reps", "3", "--jobs", "1"]
EDGE = 0.04  # seconds trimmed off each window: the MP3's encoder delay is ~25 ms


def level(samples: np.ndarray, start: float, end: float, hertz: float) -> float:
    """dBFS of the sine at ``hertz`` in [start, end) seconds of one channel."""
    piece = samples[round(start * RATE) : round(end * RATE)]
    window = np.hanning(len(piece))
    spectrum = np.abs(np.fft.rfft(piece * window)) / (window.sum() / 2)
    bins = np.fft.rfftfreq(len(piece), 1 / RATE)
    nearest = int(np.argmin(np.abs(bins - hertz)))
    return 20 * float(np.log10(spectrum[nearest - 2 : nearest + 3].max() + 1e-12))


def decoded(path: Path) -> np.ndarray:
    return np.concatenate(list(read_stereo(path)))


@pytest.fixture
def built(runner, cli_engine, write_doc, tmp_path):
    """The simple document built with a 2-minute stereo tone song, and its cue script."""
    doc = write_doc("arm-raise.md", SIMPLE_DOC.format(title="Arm Raise"))
    song = write_song(tmp_path / "music" / "song.flac", tones(120, (LEFT, RIGHT)))
    out = tmp_path / "out"
    result = runner.invoke(main, ["build", str(doc), "-o", str(out), "--music", str(song), *FAST])
    assert result.exit_code == 0, result.stderr
    script = runner.invoke(main, ["script", str(doc), "--format", "json", *FAST[:-2]])
    return decoded(out / "arm-raise.mp3"), json.loads(script.stdout), doc, song, out


def quiet_spans(cues: list[dict], duration: float) -> list[tuple[float, float]]:
    """Stretches between cues where the music is back at its level."""
    spans = []
    for before, after in itertools.pairwise(cues):
        start, end = before["end"] + SPEECH_RELEASE + 0.2, after["start"] - SPEECH_ATTACK - 0.1
        if end - start > 0.5 and end < duration - FADE_OUT:
            spans.append((start, end))
    return spans


def test_music_is_ducked_by_the_depth_in_every_cue_window(built):
    samples, script, *_ = built
    left = samples[:, 0]
    between = [level(left, start, end, LEFT) for start, end in quiet_spans(script["cues"], 1e9)]
    assert len(between) >= 3
    reference = float(np.median(between))
    assert max(between) - min(between) < 1.0  # a steady bed between cues
    depths = {"speech": [], "beep": []}
    for cue in script["cues"]:
        start, end = cue["start"] + EDGE, cue["end"] - EDGE
        if end - start < 0.05 or cue["end"] > script["duration"] - FADE_OUT:
            continue
        depths[cue["kind"]].append(reference - level(left, start, end, LEFT))
    assert len(depths["speech"]) >= 10 and len(depths["beep"]) >= 4
    assert all(abs(depth - MIX.duck) <= 2 for depth in depths["speech"]), depths["speech"]
    assert all(abs(depth - BEEP_DIP) <= 2 for depth in depths["beep"]), depths["beep"]


def test_speech_stands_at_least_15_db_over_the_music_in_every_cue_window(built):
    samples, script, *_ = built
    left = samples[:, 0]
    ratios = [
        level(left, cue["start"] + EDGE, cue["end"] - EDGE, VOICE)
        - level(left, cue["start"] + EDGE, cue["end"] - EDGE, LEFT)
        for cue in script["cues"]
        if cue["kind"] == "speech"
    ]
    assert min(ratios) >= 15, sorted(ratios)[:5]


def test_stereo_is_kept_and_the_voice_is_centred(built):
    samples, script, *_ = built
    assert samples.shape[1] == 2
    start, end = quiet_spans(script["cues"], 1e9)[0]
    left, right = samples[:, 0], samples[:, 1]
    assert level(left, start, end, LEFT) - level(left, start, end, RIGHT) > 30
    assert level(right, start, end, RIGHT) - level(right, start, end, LEFT) > 30
    speech = next(cue for cue in script["cues"] if cue["kind"] == "speech")
    window = (speech["start"] + EDGE, speech["end"] - EDGE)
    assert abs(level(left, *window, VOICE) - level(right, *window, VOICE)) < 0.5


def test_the_track_lasts_as_long_as_without_music_and_fades_to_nothing(built):
    samples, script, *_ = built
    duration = script["duration"]
    assert abs(len(samples) / RATE - duration) < 0.06  # encoder delay and padding only
    left = samples[:, 0]
    start, end = quiet_spans(script["cues"], duration)[-1]
    bed = level(left, start, end, LEFT)
    assert level(left, duration - FADE_OUT - 0.5, duration - FADE_OUT, LEFT) > bed - 3
    assert level(left, duration - 0.35, duration - 0.05, LEFT) < bed - 30  # faded away


def test_a_changed_song_rebuilds_the_track_and_the_same_song_reuses_it(built, runner, cli_engine):
    _, _, doc, song, out = built
    args = ["build", str(doc), "-o", str(out), "--music", str(song), *FAST]

    again = runner.invoke(main, args)
    assert "0 built, 1 up to date" in again.stderr

    write_song(song, tones(120, (LEFT + 500, RIGHT)))  # same name, other content
    changed = runner.invoke(main, args)
    assert "1 built, 0 up to date" in changed.stderr


def test_a_podcast_episode_with_music_meets_loudness_and_true_peak(
    runner, cli_engine, write_doc, tmp_path
):
    doc = write_doc("arm-raise.md", SIMPLE_DOC.format(title="Arm Raise"))
    song = write_song(tmp_path / "song.mp3", tones(60, (LEFT, RIGHT), level=0.7))
    out = tmp_path / "pod"

    publish = ["podcast", str(doc), "-o", str(out), "--base-url", "https://example.com/"]

    result = runner.invoke(main, [*publish, "--music", str(song), *FAST])

    assert result.exit_code == 0, result.stderr
    samples = decoded(out / "episodes" / "arm-raise.mp3").astype(np.float64)
    assert samples.shape[1] == 2
    assert pyloudnorm.Meter(RATE).integrated_loudness(samples) == pytest.approx(-16.0, abs=1.0)
    peak = np.abs(resample_poly(samples, 4, 1, axis=0)).max()
    assert 20 * np.log10(peak) <= -1.0


def test_the_mix_plays_the_same_each_time_and_lasts_the_track(narrator, write_doc, tmp_path):
    doc = write_doc("arm-raise.md", SIMPLE_DOC.format(title="Arm Raise"))
    track = load(doc, {"sets": 1, "reps": 2})
    timeline = time_track(track, narrator)
    song = write_song(tmp_path / "short.wav", tones(5, (300, 400)))  # loops several times
    mixer = Mixer(timeline, track.script, narrator.sound, open_playlist((song,), "short"), MIX)

    first, second = b"".join(mixer.pcm()), b"".join(mixer.pcm())

    assert first == second  # measured once and written once, a podcast gets the same mix
    assert len(first) == timeline.samples * STEREO * 2
