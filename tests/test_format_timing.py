"""Timing truth of the workout formats on decoded audio: the shipped example plans are
built with the fake voice, decoded, and their beeps found by pitch (see
test_beep_timing.py): a Tabata's work and rest periods, an EMOM's minute beeps, a
circuit's rounds, a pyramid's counts, and every example plan against its script."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import numpy as np
import pytest
from test_beep_timing import SPEECH_HZ, build_and_script, detect_beeps, magnitudes, match_beeps

from audio_builder.audio.timeline import RATE

WORKOUTS = Path(__file__).resolve().parent.parent / "seeds" / "workouts"
EXAMPLES = sorted(WORKOUTS.glob("*.yaml"))
TOLERANCE = 0.030  # a fixed period on the decoded MP3
AGREEMENT = 0.060  # any beep, and the length, of an MP3 against its script


@pytest.fixture(scope="module")
def example(tmp_path_factory, request):
    path = WORKOUTS / request.param
    return build_and_script(tmp_path_factory.mktemp(path.stem), path)


def beeps_heard(audio: np.ndarray, kind: str) -> list[float]:
    return [at for at, heard, _ in detect_beeps(audio) if heard == kind]


def spoken(script: dict) -> list[dict]:
    return [c for c in script["cues"] if c["kind"] == "speech"]


def heard_speaking(audio: np.ndarray, start: float, end: float) -> bool:
    """Is the fake voice's tone sounding through the middle of this span?"""
    lo, hi = round((start + 0.05) * RATE), round((end - 0.02) * RATE)
    return bool(np.median(magnitudes(audio[lo:hi], [SPEECH_HZ])[:, 0]) > 0.2)


@pytest.mark.parametrize("example", ["tabata.yaml"], indirect=True)
def test_a_tabata_is_eight_rounds_of_20_s_work_and_10_s_rest(example):
    audio, _ = example
    gos, stops = beeps_heard(audio, "go"), beeps_heard(audio, "stop")
    assert len(gos) == 8 and len(stops) == 8
    works = [stop - go for go, stop in zip(gos, stops, strict=True)]
    rests = [go - stop for stop, go in zip(stops, gos[1:], strict=False)]
    print(f"work {min(works):.4f}-{max(works):.4f} s, rest {min(rests):.4f}-{max(rests):.4f} s")
    assert all(abs(w - 20) <= TOLERANCE for w in works), works
    assert all(abs(r - 10) <= TOLERANCE for r in rests), rests
    # from the first go to the last stop: 8 × (20 + 10) s less the last round's rest
    assert abs(stops[-1] - gos[0] - (8 * 30 - 10)) <= TOLERANCE


@pytest.mark.parametrize("example", ["emom.yaml"], indirect=True)
def test_emom_minute_beeps_sit_on_exact_minutes(example):
    audio, script = example
    gos = beeps_heard(audio, "go")
    (stop,) = beeps_heard(audio, "stop")
    marks = [*gos, stop]
    assert len(gos) == 8
    errors = [mark - gos[0] - 60 * n for n, mark in enumerate(marks)]
    print(f"largest minute error: {max(map(abs, errors)) * 1000:.1f} ms")
    assert max(map(abs, errors)) <= TOLERANCE, errors
    said = [c["text"] for c in spoken(script)]
    assert [line for line in said if line.startswith("Minute ")] == [
        f"Minute {n} of 8: {'8 push-ups' if n % 2 else '10 bodyweight squats'}."
        for n in range(1, 9)
    ]


@pytest.mark.parametrize("example", ["amrap.yaml"], indirect=True)
def test_an_amrap_ends_its_minutes_after_its_go(example):
    audio, script = example
    (go,), (stop,) = beeps_heard(audio, "go"), beeps_heard(audio, "stop")
    assert abs(stop - go - 10 * 60) <= TOLERANCE
    (time_up,) = [c for c in spoken(script) if c["text"] == "Time!"]
    assert 0 < time_up["start"] + 0.028 - stop < 1.0  # said as the stop beep ends


@pytest.mark.parametrize("example", ["quick-core.yaml"], indirect=True)
def test_a_circuit_announces_its_rounds_in_order(example):
    audio, script = example
    rounds = [
        c for c in spoken(script) if c["text"] in ("Round 1 of 3.", "Round 2 of 3.", "Last round.")
    ]
    assert [c["text"] for c in rounds] == ["Round 1 of 3.", "Round 2 of 3.", "Last round."]
    chapters = {c["title"]: c for c in script["chapters"]}
    for number, cue in enumerate(rounds, 1):
        chapter = chapters[f"Circuit: Round {number}"]
        assert chapter["start"] <= cue["start"] < chapter["end"]
        assert heard_speaking(audio, cue["start"], cue["end"])
    match_beeps(audio, script)


@pytest.mark.parametrize("example", ["pyramid.yaml"], indirect=True)
def test_a_pyramid_counts_12_then_10_then_8(example):
    audio, script = example
    finals = []
    for number in (1, 2, 3):
        (chapter,) = [
            c for c in script["chapters"] if c["title"] == f"Bodyweight Squat: Set {number}"
        ]
        counts = [
            c
            for c in spoken(script)
            if chapter["start"] <= c["start"] < chapter["end"]
            and c["text"].endswith(".")
            and c["text"][:-1].lower() in COUNT_WORDS
        ]
        assert all(heard_speaking(audio, c["start"], c["end"]) for c in counts)
        finals.append([c["text"] for c in counts])
    assert [len(counts) for counts in finals] == [12, 10, 8]
    assert [counts[-1] for counts in finals] == ["Twelve.", "Ten.", "Eight."]


COUNT_WORDS = {
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve",
}  # fmt: skip


@pytest.mark.parametrize("example", [p.name for p in EXAMPLES], indirect=True)
def test_every_example_plan_agrees_with_its_mp3(example):
    audio, script = example
    assert abs(len(audio) / RATE - script["duration"]) <= AGREEMENT
    expected, detected, _ = match_beeps(audio, script)
    worst = max(abs(heard - at) for (at, _), (heard, _, _) in zip(expected, detected, strict=True))
    print(
        f"{script['title']}: {script['duration']:.1f} s, {len(script['chapters'])} chapters, "
        f"{len(script['cues'])} cues, worst beep {worst * 1000:.1f} ms"
    )
    for (at, kind), (heard, heard_kind, _) in zip(expected, detected, strict=True):
        assert heard_kind == kind and abs(heard - at) <= AGREEMENT, (at, kind, heard)
    cues = sorted(script["cues"], key=lambda c: c["start"])
    assert all(a["end"] <= b["start"] for a, b in pairwise(cues))
