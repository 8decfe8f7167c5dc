"""One real build of the seed with the offline voice: the MP3 decodes, lasts as the cue
script says, and carries its title and chapters."""

from __future__ import annotations

import json

import miniaudio
import numpy as np
import pytest
from conftest import SEEDS
from mutagen.id3 import ID3

from audio_builder.cli import main

SEED = SEEDS / "band-glute-kickback.md"
CHAPTERS = ["Intro", "Set 1", "Rest 1", "Set 2", "Rest 2", "Set 3", "Outro"]


def chapter_name(title: str) -> str:
    """ "Set 1 · right leg" -> "Set 1": a set may be split into one part per side."""
    return title.split(" · ")[0]


def window(samples: np.ndarray, rate: int, start: float, end: float) -> np.ndarray:
    return samples[round(start * rate) : round(end * rate)]


def rms(part: np.ndarray) -> float:
    return float(np.sqrt(np.mean(part**2)))


def tone_share(part: np.ndarray) -> float:
    """How much of the energy one frequency holds: near 1 for a beep, low for a voice."""
    power = np.abs(np.fft.rfft(part)) ** 2
    return float(power.max() / power.sum())


def assert_spoken_where_scripted(samples: np.ndarray, rate: int, cues: list[dict]) -> None:
    """Every spoken cue's window holds a voice (loud, and not one tone like the beeps);
    between the cues the track is silent."""
    for cue in cues:
        if cue["kind"] == "speech":
            part = window(samples, rate, cue["start"], cue["end"])
            assert rms(part) > 1000, cue  # Piper speaks at about 2000-7000 RMS
            assert tone_share(part) < 0.5, cue  # a beep holds over 0.8
    ends = [0.0]
    for cue in sorted(cues, key=lambda c: c["start"]):
        if cue["start"] - ends[-1] > 0.3:
            assert rms(window(samples, rate, ends[-1] + 0.05, cue["start"] - 0.05)) < 50, cue
        ends.append(max(ends[-1], cue["end"]))
    assert len(ends) > 100  # the whole script was checked, not a part of it


def test_seed_with_the_offline_voice(runner, tmp_path, cache_dir):
    pytest.importorskip("piper")
    out = tmp_path / "out"

    built = runner.invoke(main, ["build", str(SEED), "-o", str(out), "--engine", "piper"])
    assert built.exit_code == 0, built.stderr + repr(built.exception)
    mp3 = out / "band-glute-kickback.mp3"
    assert mp3.is_file()
    assert any(cache_dir.rglob("*.pcm"))  # the per-test cache was used, not the user's

    scripted = runner.invoke(main, ["script", str(SEED), "--format", "json", "--engine", "piper"])
    assert scripted.exit_code == 0, scripted.stderr
    data = json.loads(scripted.stdout)

    decoded = miniaudio.mp3_read_file_s16(str(mp3))
    assert decoded.nchannels == 1
    assert decoded.sample_rate == 44100
    seconds = decoded.num_frames / decoded.sample_rate
    assert seconds == pytest.approx(data["duration"], abs=0.06)
    assert seconds > 3 * 12 * 5  # three sets of twelve five-second reps at least

    samples = np.frombuffer(decoded.samples, dtype=np.int16).astype(np.float64)
    assert_spoken_where_scripted(samples, decoded.sample_rate, data["cues"])

    tags = ID3(mp3)
    assert str(tags["TIT2"]) == "Band Glute Kickback"
    toc = tags.getall("CTOC")[0]
    by_id = {chap.element_id: chap for chap in tags.getall("CHAP")}
    ordered = [by_id[i] for i in toc.child_element_ids]
    assert len(ordered) == len(by_id)
    titles = [str(chap.sub_frames["TIT2"]) for chap in ordered]
    names = [chapter_name(t) for t in titles]
    assert [n for i, n in enumerate(names) if i == 0 or names[i - 1] != n] == CHAPTERS
    starts = [chap.start_time for chap in ordered]
    assert starts == sorted(starts)
    assert [chap.start_time for chap in tags.getall("CHAP")] == sorted(starts)  # file order
    assert ordered[-1].end_time == pytest.approx(data["duration"] * 1000, abs=2)
    assert titles == [c["title"] for c in data["chapters"]]
