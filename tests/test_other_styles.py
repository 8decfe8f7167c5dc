"""Documents written in other styles than the seeds, as in the issue: how each is
coached (tests/reading_labels/documents)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import spoken_lines

from audio_builder.build import load
from audio_builder.errors import DocumentError
from audio_builder.reading.document import parse_file
from audio_builder.reading.movement import analyse
from audio_builder.reading.spoken import speakable

DOCUMENTS = Path(__file__).resolve().parent / "reading_labels" / "documents"


def _sets(track) -> list[str]:
    return [s.title for s in track.script.sections if s.title.startswith("Set")]


def test_goblet_squat_holding_the_bell_is_squatted_ten_times_in_three_sets():
    track = load(DOCUMENTS / "goblet-squat-3x10.md", {})
    spoken = spoken_lines(track.script)
    assert track.title == "Goblet Squat"  # from "The Goblet Squat builds..."
    assert _sets(track) == ["Set 1", "Set 2", "Set 3"]
    assert spoken.count("Ten.") == 3 and "Eleven." not in spoken
    assert "Squat down" in spoken and "Stand up" in spoken
    assert "You'll need one kettlebell." in spoken
    assert not any(line.startswith("Hold for") for line in spoken)


def test_side_plank_holds_twenty_seconds_each_side_in_two_sets():
    track = load(DOCUMENTS / "side-plank.md", {})
    spoken = spoken_lines(track.script)
    assert _sets(track) == [
        "Set 1 · right side",
        "Set 1 · left side",
        "Set 2 · right side",
        "Set 2 · left side",
    ]
    assert spoken.count("Hold for 20 seconds.") == 2  # at each set, then the switch
    assert spoken.count("Switch sides — left side.") == 2
    assert "One." not in spoken
    assert track.script.planned_seconds() < 4 * 60


def test_hip_stretch_is_held_a_minute_per_side_not_counted():
    track = load(DOCUMENTS / "pigeon-stretch.md", {})
    spoken = spoken_lines(track.script)
    assert track.title == "Pigeon Stretch"  # from "Pigeon Stretch to open..."
    assert "One." not in spoken
    assert spoken.count("Hold for 1 minute.") == 3  # at each set, then the switch
    assert spoken.count("Switch sides — left leg.") == 3


def test_a_title_in_two_languages_is_said_in_one_and_kept_whole():
    track = load(DOCUMENTS / "wall-sit.md", {})
    assert track.title == "Wall Sit 🧱 / Chaise au mur"  # tags keep it whole
    assert spoken_lines(track.script)[0] == "Wall Sit."
    steps = parse_file(DOCUMENTS / "wall-sit.md").steps
    assert "about 45 centimeters" in steps[0].text and "~" not in steps[0].text


def test_shorthand_is_read_as_a_coach_says_it():
    assert speakable("Do 3 x 10 reps @ RPE 7.") == "Do 3 sets of 10 reps at effort 7 out of 10."
    assert speakable("10-12 reps, x3") == "10 to 12 reps, 3 times"
    assert (
        speakable("2× per side / 50% & breathe 💪🏽") == "2 times per side, 50 percent and breathe"
    )


EXECUTION_ONLY = """# Reverse Lunge

Legs and balance. Programme: 3 x 10, 60 s rest.

### Execution
1. Stand tall with your hands on your hips.
2. Step one foot back and lower your back knee toward the floor.
3. Push through your front heel to return to standing.
"""
LOOSE_PARAGRAPHS = """Band Row — seated, band around the feet.

- Sit tall with your legs straight and the band looped around your feet.
- Pull the handles to your ribs, squeezing your shoulder blades together.
- Slowly let the band pull your arms forward again.

**Do 3 x 10.** Keep your chest up the whole time.
"""


@pytest.mark.parametrize("style", ["execution-only", "loose-paragraphs", "goblet"])
def test_three_by_ten_is_ten_counted_three_times_and_said_once(write_doc, style):
    if style == "goblet":
        path = DOCUMENTS / "goblet-squat-3x10.md"
    else:
        text = EXECUTION_ONLY if style == "execution-only" else LOOSE_PARAGRAPHS
        path = write_doc(f"{style}.md", text)
    track = load(path, {})
    spoken = spoken_lines(track.script)
    sides = 2 if "Switch sides" in " ".join(spoken) else 1  # a lunge: ten on each side
    assert spoken.count("Ten.") == 3 * sides and "Eleven." not in spoken
    said = [line for line in spoken if "3 sets of 10" in line]
    assert len(said) == 1 and said[0].startswith("3 sets of 10 reps")


def test_a_note_of_one_paragraph_is_its_own_steps(write_doc):
    """A group message with no list and nothing after its opening paragraph."""
    text = (
        "**Standing quad stretch** — after every run, no excuses\n"
        "Grab your right ankle behind you, knees together, hips pushed slightly forward. "
        "Hold 30 sec, then left.\n"
        "Use a lamppost for balance if you need it.\n"
    )
    exercise = parse_file(write_doc("quad.md", text))
    assert exercise.steps and "Grab your right ankle" in exercise.steps[0].text


def test_a_jotting_s_posture_line_is_its_set_up_and_its_dose_line_no_step(write_doc):
    """A notes-app jotting: a cue line that only names the start, and a dose block."""
    text = (
        "Hammer curls\n\nthurs arm day, after the chins\n\n"
        "standing, db's at sides, palms facing in (thumbs fwd)\n"
        "curl one up - keep the palm facing in the whole time, elbow pinned\n"
        "squeeze at top\nlower it all the way, straight arm\n"
        "then the other arm. keep swapping\n\n"
        "3x10 each arm (alternating), 14kg\n60s rest\n"
        "last wk 12kg was easy - 16 next time if all clean\n"
    )
    path = write_doc("curls.md", text)
    steps = parse_file(path).steps
    assert [step.text.split()[0] for step in steps] == [
        "standing,",
        "curl",
        "squeeze",
        "lower",
        "then",
    ]
    spoken = spoken_lines(load(path, {}).script)
    assert not any("last wk" in line or "(alternating)" in line for line in spoken)
    assert "3 sets of 10 reps." in spoken


def test_a_caption_s_how_to_line_heads_its_cue_lines(write_doc):
    text = (
        "single arm cable rear delt fly > every other rear delt exercise 😤\n\n"
        "how to 👇\nstand side on to the cable, pulley at shoulder height\n"
        "grab the handle with the FAR hand so it crosses your body\n"
        "arm slightly bent, sweep it out and back til your hand's in line w/ your shoulder\n"
        "control it back across ur body, don't let the stack slam\n\n"
        "2-3 sets of 15-20 each arm, short rest like 30-45 sec.\n"
    )
    movement = analyse(parse_file(write_doc("fly.md", text)))
    assert movement.roles == ("setup", "setup", "up", "down")


def test_a_post_that_acts_after_a_preamble_gives_a_step_per_acting_sentence(write_doc):
    text = (
        "Patients keep asking what I do for my own shoulders after a long day. Honestly? "
        "A dead hang. Grab a pull-up bar with both hands about shoulder width. Lift your "
        "feet off the floor and just hang with straight arms. Breathe. When your grip "
        "starts to go, step down.\n\nNot medical advice for YOUR shoulder, obviously\n"
    )
    steps = parse_file(write_doc("hang.md", text)).steps
    assert [step.text.split()[0] for step in steps] == ["Grab", "Lift", "When"]
    assert steps[1].text.endswith("Breathe.")  # a sentence that does not act goes with it


def test_one_sentence_that_acts_after_prose_is_no_walk_through(write_doc):
    text = "An essay on training. It is about why we train. Lift it until it is boring.\n"
    with pytest.raises(DocumentError, match="no steps"):
        parse_file(write_doc("essay.md", text))
