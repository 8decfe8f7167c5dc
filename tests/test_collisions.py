"""Cues never collide: with a voice far too slow for its slots, every clip still plays
whole and alone, the slots grow instead, and each growth is reported (the README's
"Nothing collides" rule)."""

from __future__ import annotations

from itertools import pairwise

import numpy as np
import pytest
from conftest import SEEDS
from pydub import AudioSegment

from audio_builder.audio.cache import ClipCache
from audio_builder.audio.narrator import Narrator
from audio_builder.audio.timeline import GAP, RATE, Placed, Timeline
from audio_builder.build import Track, load, time_track
from audio_builder.catalog import catalog
from audio_builder.cli import main
from audio_builder.coaching.coach import TEN_SECONDS

ENGLISH = catalog("en")
KICKBACK = SEEDS / "band-glute-kickback.md"
PLANK = SEEDS / "forearm-plank.md"
LONG_RATE = 22050
GAP_SAMPLES = round(GAP * RATE)
COUNTS = {f"{ENGLISH.number(n).capitalize()}." for n in range(1, 13)}


class LongEngine:
    """Speaks 400 ms per character: "Kick back" alone lasts 3.6 s, longer than its 2 s
    phase, and a rest tip takes longer than the rep it is said in."""

    name = "long"
    voice = "test"

    def synthesize(self, text: str) -> AudioSegment:
        samples = round(LONG_RATE * 0.4 * len(text))
        t = np.arange(samples) / LONG_RATE
        pcm = (np.sin(2 * np.pi * 440 * t) * 16000).astype("<i2").tobytes()
        return AudioSegment(data=pcm, sample_width=2, frame_rate=LONG_RATE, channels=1)


def samples(seconds: float) -> int:
    return round(seconds * RATE)


@pytest.fixture(scope="module")
def long_narrator(tmp_path_factory) -> Narrator:
    return Narrator(LongEngine(), ClipCache(tmp_path_factory.mktemp("long-cache")))


@pytest.fixture(scope="module", params=[KICKBACK, PLANK], ids=["kickback", "plank"])
def long_track(request, long_narrator) -> tuple[Track, Timeline]:
    track = load(request.param, {})
    return track, time_track(track, long_narrator)


def overlaps(a: Placed, b: Placed) -> bool:
    return a.start < b.end and b.start < a.end


def test_the_long_narrator_really_overruns(long_track, long_narrator):
    _, timeline = long_track
    assert long_narrator.length("speech", "Kick back") > samples(2.0)
    assert timeline.stretches, "the long narrator should not fit the nominal slots"


def test_no_two_speech_cues_overlap(long_track):
    _, timeline = long_track
    speech = sorted((c for c in timeline.cues if c.kind == "speech"), key=lambda c: c.start)
    assert len(speech) > 20
    for before, after in pairwise(speech):
        assert after.start >= before.end, (before, after)


def test_no_beep_overlaps_speech_and_every_clip_plays_whole(long_track, long_narrator):
    _, timeline = long_track
    speech = [c for c in timeline.cues if c.kind == "speech"]
    beeps = [c for c in timeline.cues if c.kind == "beep"]
    assert beeps
    for b in beeps:
        assert not any(overlaps(b, s) for s in speech), b
    everything = sorted(timeline.cues, key=lambda c: c.start)
    for before, after in pairwise(everything):
        assert after.start >= before.end, (before, after)
    for cue in timeline.cues:  # the scheduler never cuts a clip short to make it fit
        assert cue.end - cue.start == long_narrator.length(cue.kind, cue.text), cue
    assert timeline.cues[-1].end <= timeline.samples


def test_each_stretch_names_its_section_segment_and_cue(long_track):
    track, timeline = long_track
    sections = {s.title: s for s in track.script.sections}
    for stretch in timeline.stretches:
        assert stretch.section in sections, stretch
        segment = next(
            (g for g in sections[stretch.section].segments if g.label == stretch.segment), None
        )
        assert segment is not None, stretch
        assert segment.seconds is not None, "only a timed slot can grow"
        assert stretch.cue in [cue.text for cue in segment.cues], stretch
        assert stretch.seconds > 0
        assert stretch.section in str(stretch) and stretch.cue in str(stretch)


def test_a_timed_section_grows_by_exactly_its_reported_stretches(long_track):
    """Chapter length = the nominal slots + what was reported, to the sample."""
    track, timeline = long_track
    checked = 0
    for section, chapter in zip(track.script.sections, timeline.chapters, strict=True):
        if any(seg.seconds is None for seg in section.segments):
            continue  # as long as its speech: nothing nominal to compare with
        nominal = sum(samples(seg.seconds) for seg in section.segments)
        grown = sum(samples(s.seconds) for s in timeline.stretches if s.section == section.title)
        assert chapter.end - chapter.start == nominal + grown, section.title
        checked += bool(grown)
    assert checked >= 2


def test_kick_back_overruns_its_phase_and_the_rep_grows_by_the_reported_amount(long_narrator):
    track = load(KICKBACK, {})
    timeline = time_track(track, long_narrator)
    part = track.script.sections[1]
    assert part.title == "Set 1 · right leg"
    rep1, rep2 = part.segments[1], part.segments[2]
    assert (rep1.label, rep2.label) == ("rep 1", "rep 2")

    (stretch,) = [s for s in timeline.stretches if (s.section, s.segment) == (part.title, "rep 1")]
    assert stretch.cue in {"Kick back", "Squeeze", "Lower"}

    chapter = timeline.chapters[1]
    inside = [c for c in timeline.cues if chapter.start <= c.start < chapter.end]
    kick = next(c for c in inside if c.text == "Kick back")
    squeeze = next(c for c in inside if c.text == "Squeeze")
    two = next(c for c in inside if c.text == "Two.")
    assert squeeze.start == kick.end + GAP_SAMPLES  # pushed back, not overlapped
    two_at = next(cue.at for cue in rep2.cues if cue.text == "Two.")
    rep2_start = two.end - samples(two_at)  # rep 2 keeps its rhythm: its count is on time
    actual = rep2_start - kick.start
    assert actual - samples(rep1.seconds) == samples(stretch.seconds)
    assert stretch.seconds > 2.0


def test_build_reports_each_stretch_on_stderr(runner, monkeypatch, tmp_path):
    engine = LongEngine()
    monkeypatch.setattr("audio_builder.cli.choose_engine", lambda *args, **kwargs: engine)
    settings = ["--sets", "1", "--reps", "2"]

    result = runner.invoke(
        main, ["build", str(KICKBACK), "-o", str(tmp_path / "out"), "--bitrate", "32", *settings]
    )

    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "out" / "band-glute-kickback.mp3").exists()
    notes = [line for line in result.stderr.splitlines() if line.startswith("note:")]
    assert "note:" not in result.stdout
    same = Narrator(engine, ClipCache(tmp_path / "again"))
    expected = time_track(load(KICKBACK, {"sets": 1, "reps": 2}), same)
    assert len(notes) == len(expected.stretches) > 0
    for line, stretch in zip(notes, expected.stretches, strict=True):
        assert line == f"note: {KICKBACK}: {stretch}"
        assert "grew by" in line
    rep1 = [line for line in notes if "Set 1 · right leg, rep 1:" in line]
    assert len(rep1) == 1
    assert any(f"'{cue}'" in rep1[0] for cue in ("Kick back", "Squeeze", "Lower"))


# -- with the normal fake voice the rhythm holds ---------------------------------------


def test_kickback_rhythm_holds_with_the_normal_voice(narrator):
    track = load(KICKBACK, {})
    timeline = time_track(track, narrator)

    coached = track.script.sections[1].title
    for stretch in timeline.stretches:
        assert stretch.section == coached and stretch.segment in ("start", "rep 1"), stretch
    for section, chapter in zip(track.script.sections, timeline.chapters, strict=True):
        if not section.title.startswith("Set "):
            continue
        counts = [
            c for c in timeline.cues if chapter.start <= c.start < chapter.end and c.text in COUNTS
        ]
        assert len(counts) == 12, section.title
        rep = samples(section.segments[1].seconds)
        gaps = [b.end - a.end for a, b in pairwise(counts)]
        assert all(abs(gap - rep) <= 1 for gap in gaps[1:]), (section.title, gaps)
        if section.title != coached:
            assert abs(gaps[0] - rep) <= 1, (section.title, gaps)


def test_timed_hold_needs_no_stretch_with_the_normal_voice(narrator):
    """A hold's set start ends with the 400 ms "go" beep; with a voice that fits easily
    nothing should grow (the slot must make room for the beep itself)."""
    timeline = time_track(load(PLANK, {}), narrator)

    assert timeline.stretches == ()


def test_hold_lasts_as_announced_between_the_go_beeps(narrator):
    """From the end of the opening "go" to the start of the closing one is the hold
    (30 s, give or take a breath); "Halfway." is in its middle and "Ten seconds left."
    10 s before the closing "go"."""
    timeline = time_track(load(PLANK, {}), narrator)

    for chapter in timeline.chapters:
        if not chapter.title.startswith("Set "):
            continue
        inside = [c for c in timeline.cues if chapter.start <= c.start < chapter.end]
        opening, closing = [c for c in inside if c.text == "go"]
        halfway = next(c for c in inside if c.text == "Halfway.")
        ten_left = next(c for c in inside if c.text == "Ten seconds left.")
        hold = (closing.start - opening.end) / RATE
        assert 30.0 <= hold <= 30.2, (chapter.title, hold)
        middle = (opening.end + closing.start) / 2
        assert abs(halfway.start - middle) <= samples(0.1), chapter.title
        assert closing.start - ten_left.start == samples(TEN_SECONDS), chapter.title
