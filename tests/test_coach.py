"""The coaching rules as data: structure and order of the cues, not exact transcripts.

A set may be split into parts (one per side, e.g. "Set 1 · right leg"); the rules below
hold for every part, so a section is matched by the chapter name it starts with.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

import pytest
from conftest import SEEDS

from audio_builder.catalog import catalog
from audio_builder.coaching.coach import TEN_SECONDS, coach, intro, prepare
from audio_builder.reading.document import parse_file
from audio_builder.reading.movement import analyse
from audio_builder.reading.spoken import sentences
from audio_builder.settings import DEFAULTS, Settings

ENGLISH = catalog("en")
COUNTS = {f"{ENGLISH.number(n).capitalize()}.": n for n in range(1, 101)}


@pytest.fixture(scope="module")
def kickback():
    return parse_file(SEEDS / "band-glute-kickback.md")


@pytest.fixture(scope="module")
def script(kickback):
    return coach(kickback, DEFAULTS)


BASE = re.compile(r"^(Intro|Outro|Set \d+|Rest \d+)\b")


def base(title):
    """ "Set 1 · right leg" -> "Set 1"."""
    match = BASE.match(title)
    assert match, f"unexpected section title {title!r}"
    return match.group(1)


def order(script):
    """Section names in order, the parts of one set counted once."""
    names = [base(s.title) for s in script.sections]
    return [name for i, name in enumerate(names) if i == 0 or names[i - 1] != name]


def parts(script, title):
    found = [s for s in script.sections if base(s.title) == title]
    assert found, f"no section {title!r} in {[s.title for s in script.sections]}"
    return found


def section(script, title):
    """The first (or only) part of a section."""
    return parts(script, title)[0]


def spoken(sec):
    return [cue.text for seg in sec.segments for cue in seg.cues if cue.kind == "speech"]


def counts(sec):
    return [COUNTS[text] for text in spoken(sec) if text in COUNTS]


def test_intro_opens_with_the_title_and_equipment(script):
    intro = script.sections[0]
    assert intro.title == "Intro"
    lines = spoken(intro)
    assert lines[0] == "Band Glute Kickback."
    assert "You'll need a resistance band." in lines
    assert lines.index("You'll need a resistance band.") < lines.index(
        "Get on all fours with hands directly under shoulders and knees hip-width apart."
    )


def test_intro_speaks_the_set_up_steps_in_full_and_in_order(script, kickback):
    lines = spoken(script.sections[0])
    setup = [line for step in analyse(kickback).setup for line in sentences(step.text)]
    assert len(setup) == 3
    positions = [lines.index(line) for line in setup]
    assert positions == sorted(positions)


def test_intro_says_every_step_once_in_order_when_a_set_up_step_follows_a_move(kickback):
    """A set-up step after a moving one ("You should feel a stretch") is said in its
    place in the movement; no step is left out and none is said twice."""
    part = prepare(kickback, DEFAULTS)
    steps = kickback.steps
    later_setup = replace(part.movement, setup=(steps[0], steps[2]))
    lines = spoken(intro(replace(part, movement=later_setup)))

    said = [line for step in steps for line in sentences(step.text)]
    assert [line for line in lines if line in said] == said
    assert lines.index("The movement:") == lines.index(sentences(steps[1].text)[0]) - 1


def test_sections_in_order(script):
    assert order(script) == [
        "Intro",
        "Set 1",
        "Rest 1",
        "Set 2",
        "Rest 2",
        "Set 3",
        "Outro",
    ]


def set_parts(script):
    return [s for s in script.sections if base(s.title).startswith("Set ")]


def test_each_set_counts_twelve_reps_in_order(script):
    assert len(set_parts(script)) >= 3
    for part in set_parts(script):
        assert counts(part) == list(range(1, 13)), part.title


def test_halfway_and_last_one_come_before_their_rep_count(script):
    for part in set_parts(script):
        lines = spoken(part)
        assert lines.count("Halfway.") == 1, part.title
        assert lines.count("Last one.") == 1, part.title
        assert lines.index("Six.") < lines.index("Halfway.") < lines.index("Seven.")
        assert lines.index("Eleven.") < lines.index("Last one.") < lines.index("Twelve.")


def test_each_set_is_announced(script):
    assert spoken(section(script, "Set 1"))[0] == "Set 1 of 3."
    assert spoken(section(script, "Set 2"))[0] == "Set 2 of 3."
    assert "Get ready." in spoken(section(script, "Set 1"))


def test_first_rep_is_coached_with_phase_cues_at_the_tempo(script):
    rep = next(
        seg
        for seg in section(script, "Set 1").segments
        if any(cue.text == "One." for cue in seg.cues)
    )
    timed = {cue.text: cue.at for cue in rep.cues if cue.kind == "speech"}
    assert timed["Kick back"] == pytest.approx(0.0)
    assert timed["Squeeze"] == pytest.approx(2.0)
    assert timed["Lower"] == pytest.approx(3.0)
    assert rep.seconds == pytest.approx(5.0)
    one = next(cue for cue in rep.cues if cue.text == "One.")
    assert one.anchor == "end"
    assert 3.0 < one.at <= 5.0  # the count lands as the rep completes


def test_phase_cues_only_on_the_first_rep_of_the_first_set(script):
    squeezes = [part.title for part in set_parts(script) if "Squeeze" in spoken(part)]
    assert squeezes == [set_parts(script)[0].title]
    assert spoken(set_parts(script)[0]).count("Squeeze") == 1


def test_each_set_starts_with_a_countdown_into_go(script):
    for part in set_parts(script):
        start = part.segments[0]
        beeps = [cue for cue in start.cues if cue.kind == "beep"]
        assert [cue.text for cue in beeps] == ["tick", "tick", "tick", "go"], part.title
        times = [cue.at for cue in beeps]
        assert [b - a for a, b in pairwise(times)] == pytest.approx([1, 1, 1])
        assert start.seconds is not None and start.seconds >= times[-1]
        assert not any(c.text in COUNTS for c in start.cues)  # counting starts after "go"


@pytest.mark.parametrize("title", ["Rest 1", "Rest 2"])
def test_rests_announce_length_tip_and_ten_seconds(script, kickback, title):
    lines = spoken(section(script, title))
    assert lines[0] == "Rest for 30 seconds."
    assert "Ten seconds." in lines
    advice = " ".join(
        item.text for item in (*kickback.mistakes, *kickback.starting_position)
    ) + " ".join(kickback.tips)
    tips = [line for line in lines[1:] if line != "Ten seconds."]
    assert tips
    assert all(tip in advice for tip in tips)


def test_rest_and_next_set_start_add_up_to_the_rest(script):
    rest = section(script, "Rest 1").segments[0]
    start = section(script, "Set 2").segments[0]
    go = next(cue.at for cue in start.cues if cue.text == "go")
    assert rest.seconds + go == pytest.approx(DEFAULTS.rest)


def test_outro(script):
    outro = script.sections[-1]
    assert outro.title == "Outro"
    assert spoken(outro)[0] == "Nice work — that's the Band Glute Kickback done."


def test_fewer_sets_and_reps(kickback):
    script = coach(kickback, Settings(sets=2, reps=5))

    assert order(script) == ["Intro", "Set 1", "Rest 1", "Set 2", "Outro"]
    for part in set_parts(script):
        assert counts(part) == [1, 2, 3, 4, 5], part.title
    assert all("Halfway." not in spoken(s) for s in script.sections)
    assert spoken(section(script, "Set 2"))[0] == "Final set."


def test_no_rest_section_without_rest(kickback):
    script = coach(kickback, Settings(rest=0))

    assert order(script) == ["Intro", "Set 1", "Set 2", "Set 3", "Outro"]


def test_timed_hold_cues():
    plank = parse_file(SEEDS / "forearm-plank.md")
    settings = DEFAULTS.override(plank.settings)
    hold = settings.hold
    script = coach(plank, settings)

    set1 = section(script, "Set 1")
    assert "Hold for 30 seconds." in spoken(set1)
    assert not counts(set1)
    work = next(seg for seg in set1.segments if any(c.text == "Halfway." for c in seg.cues))
    at = {cue.text: cue.at for cue in work.cues if cue.kind == "speech"}
    assert at["Halfway."] == pytest.approx(hold / 2)
    assert at["Ten seconds left."] == pytest.approx(hold - TEN_SECONDS)
    beeps = [(cue.text, cue.at) for cue in work.cues if cue.kind == "beep"]
    assert beeps[-1] == ("go", pytest.approx(hold))
    assert "And rest." in spoken(set1)
