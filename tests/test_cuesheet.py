"""A timeline written out: JSON in seconds, a WebVTT cue sheet of the spoken lines, the
podcast namespace's JSON chapters and the text view, from a hand-made timeline."""

from __future__ import annotations

import json

from audio_builder.audio.timeline import Chapter, Placed, Stretch, Timeline
from audio_builder.publish.cuesheet import (
    ESTIMATED,
    as_chapters_json,
    as_json,
    as_text,
    as_vtt,
    clock,
)

RATE = 1000  # one sample a millisecond keeps the expected times readable
HOUR = 3600 * RATE
TIMELINE = Timeline(
    "Arm & Raise",
    (
        Placed(0, 1500, "speech", "Arm <Raise> & hold."),
        Placed(2000, 2100, "beep", "go"),
        Placed(HOUR + 61_234, HOUR + 62_000, "speech", "Done."),
    ),
    (Chapter(0, 2000, "Intro"), Chapter(2000, HOUR + 63_000, "Set 1 · right arm")),
    HOUR + 63_000,
    (Stretch("Set 1", "rep 1", "Arm <Raise> & hold.", 0.5),),
    rate=RATE,
)


def test_clock_is_minutes_seconds_and_milliseconds():
    assert clock(0, RATE) == "0:00.000"
    assert clock(61_234, RATE) == "1:01.234"
    assert clock(HOUR + 5, RATE) == "60:00.005"


def test_json_gives_every_cue_and_chapter_in_seconds():
    data = json.loads(as_json(TIMELINE))

    assert data["title"] == "Arm & Raise"
    assert data["duration"] == 3663.0
    assert data["cues"] == [
        {"start": 0.0, "end": 1.5, "kind": "speech", "text": "Arm <Raise> & hold."},
        {"start": 2.0, "end": 2.1, "kind": "beep", "text": "go"},
        {"start": 3661.234, "end": 3662.0, "kind": "speech", "text": "Done."},
    ]
    assert [c["title"] for c in data["chapters"]] == ["Intro", "Set 1 · right arm"]
    assert "estimated" not in data
    assert json.loads(as_json(TIMELINE, estimated=True))["estimated"] is True


def test_vtt_lists_the_spoken_lines_escaped_with_hours():
    vtt = as_vtt(TIMELINE, language="de")

    blocks = vtt.rstrip("\n").split("\n\n")
    assert blocks == [
        "WEBVTT\nLanguage: de",
        "1\n00:00:00.000 --> 00:00:01.500\nArm &lt;Raise&gt; &amp; hold.",
        "2\n01:01:01.234 --> 01:01:02.000\nDone.",
    ]
    assert f"NOTE {ESTIMATED}" in as_vtt(TIMELINE, estimated=True)


def test_chapters_json_in_the_podcast_namespace_format():
    data = json.loads(as_chapters_json(TIMELINE))

    assert data == {
        "version": "1.2.0",
        "chapters": [
            {"startTime": 0.0, "title": "Intro"},
            {"startTime": 2.0, "title": "Set 1 · right arm"},
        ],
    }


def test_text_shows_the_steps_then_each_cue_under_its_chapter():
    lines = as_text(TIMELINE, ["Raise: up 2 s"]).splitlines()

    assert lines[0] == "Arm & Raise — 61:03.000"
    assert lines[1:4] == ["", "Steps:", "  Raise: up 2 s"]
    intro, first_set = lines.index("[0:00.000] Intro"), lines.index("[0:02.000] Set 1 · right arm")
    assert lines[intro + 1] == "  0:00.000  Arm <Raise> & hold."
    assert lines[first_set + 1 : first_set + 3] == ["  0:02.000  <go beep>", "  61:01.234  Done."]
    assert lines[-1] == "note: " + str(TIMELINE.stretches[0])
    assert ESTIMATED in as_text(TIMELINE, [], estimated=True)
