"""Scheduling a cue script onto samples with a fixed clip-length function."""

from __future__ import annotations

from itertools import pairwise

import pytest

from audio_builder.audio.timeline import GAP, RATE, Stretch, schedule
from audio_builder.coaching.script import CueScript, Section, Segment, beep, say

GAP_SAMPLES = round(GAP * RATE)

SECONDS = {
    "Hello there.": 1.0,
    "Welcome.": 0.5,
    "Up": 0.5,
    "Hold": 0.5,
    "One.": 0.5,
    "Two.": 0.5,
    "Done.": 1.0,
    "tick": 0.2,
    "go": 0.4,
}


def samples(seconds: float) -> int:
    return round(seconds * RATE)


def fixed_length(table: dict[str, float]):
    def length(kind: str, text: str) -> int:
        return samples(table[text])

    return length


def make_script() -> CueScript:
    intro = Section("Intro", (Segment("intro", (say("Hello there."), say("Welcome."))),))
    work = Section(
        "Set 1",
        (
            Segment("start", (beep("tick", 1.0), beep("go", 2.0)), 3.0),
            Segment("rep 1", (say("Up", 0), say("Hold", 2.0), say("One.", 4.7, "end")), 5.0),
            Segment("rep 2", (say("Two.", 4.7, "end"),), 5.0),
        ),
    )
    outro = Section("Outro", (Segment("outro", (say("Done."),)), Segment("end", (), 1.5)))
    return CueScript("Test", (intro, work, outro))


def placed(timeline, text):
    return next(cue for cue in timeline.cues if cue.text == text)


def test_untimed_cues_follow_each_other_after_a_gap():
    timeline = schedule(make_script(), fixed_length(SECONDS))

    hello, welcome = placed(timeline, "Hello there."), placed(timeline, "Welcome.")
    assert hello.start == 0
    assert hello.end == samples(1.0)
    assert welcome.start == hello.end + GAP_SAMPLES


def test_cues_never_overlap():
    long = dict(SECONDS, **{"Up": 2.8, "Hello there.": 3.0, "One.": 1.9})
    for table in (SECONDS, long):
        timeline = schedule(make_script(), fixed_length(table))
        for before, after in pairwise(timeline.cues):
            assert after.start >= before.end, (before, after)
        assert all(cue.end - cue.start == samples(table[cue.text]) for cue in timeline.cues)


def test_timed_cues_land_on_their_nominal_sample():
    timeline = schedule(make_script(), fixed_length(SECONDS))

    set_start = timeline.chapters[1].start
    assert set_start == samples(1.0) + GAP_SAMPLES + samples(0.5) + GAP_SAMPLES
    assert placed(timeline, "tick").start == set_start + samples(1.0)
    assert placed(timeline, "go").start == set_start + samples(2.0)
    rep1 = set_start + samples(3.0)
    assert placed(timeline, "Up").start == rep1
    assert placed(timeline, "Hold").start == rep1 + samples(2.0)


def test_end_anchored_cue_ends_at_its_time():
    timeline = schedule(make_script(), fixed_length(SECONDS))

    rep1 = timeline.chapters[1].start + samples(3.0)
    assert placed(timeline, "One.").end == rep1 + samples(4.7)
    assert placed(timeline, "Two.").end == rep1 + samples(5.0) + samples(4.7)


def test_no_stretch_when_everything_fits():
    timeline = schedule(make_script(), fixed_length(SECONDS))

    assert timeline.stretches == ()
    assert timeline.chapters[1].end - timeline.chapters[1].start == samples(3.0 + 5.0 + 5.0)


def test_a_clip_too_long_for_its_slot_pushes_the_rest_of_its_segment():
    fits = schedule(make_script(), fixed_length(SECONDS))
    table = dict(SECONDS, Up=2.5)  # "Hold" is due 2.0 s in: 0.75 s too late with the gap
    overflow = samples(2.5) + GAP_SAMPLES - samples(2.0)

    timeline = schedule(make_script(), fixed_length(table))

    up, hold, one = placed(timeline, "Up"), placed(timeline, "Hold"), placed(timeline, "One.")
    assert hold.start == up.end + GAP_SAMPLES
    assert hold.start == placed(fits, "Hold").start + overflow
    assert one.end == placed(fits, "One.").end + overflow
    # the next rep keeps its rhythm, just later
    assert placed(timeline, "Two.").end == placed(fits, "Two.").end + overflow
    set1, fits_set1 = timeline.chapters[1], fits.chapters[1]
    assert (set1.end - set1.start) - (fits_set1.end - fits_set1.start) == overflow
    assert timeline.samples - fits.samples == overflow
    assert timeline.stretches == (Stretch("Set 1", "rep 1", "Hold", overflow / RATE),)
    assert timeline.stretches[0].seconds == pytest.approx(0.75)


def test_chapters_tile_the_timeline():
    for table in (SECONDS, dict(SECONDS, Up=2.5, Welcome=4.0)):
        timeline = schedule(make_script(), fixed_length(table))

        chapters = timeline.chapters
        assert [c.title for c in chapters] == ["Intro", "Set 1", "Outro"]
        assert chapters[0].start == 0
        for before, after in pairwise(chapters):
            assert after.start == before.end
        assert all(c.end > c.start for c in chapters)
        assert timeline.samples == chapters[-1].end
        assert all(
            chapters[0].start <= cue.start and cue.end <= timeline.samples for cue in timeline.cues
        )


def test_each_cue_lies_in_its_chapter():
    timeline = schedule(make_script(), fixed_length(SECONDS))

    intro, work, outro = timeline.chapters
    assert intro.start <= placed(timeline, "Welcome.").end <= intro.end
    assert work.start <= placed(timeline, "Two.").start < placed(timeline, "Two.").end <= work.end
    assert outro.start <= placed(timeline, "Done.").start


def test_total_length():
    timeline = schedule(make_script(), fixed_length(SECONDS))

    outro_start = timeline.chapters[2].start
    done = placed(timeline, "Done.")
    assert done.start == outro_start + GAP_SAMPLES or done.start == outro_start
    assert timeline.samples == done.end + GAP_SAMPLES + samples(1.5)
    assert timeline.seconds == pytest.approx(timeline.samples / RATE)
    assert timeline.title == "Test"
