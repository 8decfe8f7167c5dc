"""Parsing exercise documents: the seed, title precedence, odd markdown and errors."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from conftest import SEEDS

from audio_builder.coaching.coach import coach
from audio_builder.errors import DocumentError
from audio_builder.reading.document import (
    Exercise,
    _without_boilerplate,
    parse,
    parse_file,
    short_title,
)
from audio_builder.reading.spoken import speakable
from audio_builder.settings import DEFAULTS

KICKBACK = SEEDS / "band-glute-kickback.md"

STEPS = """
<!-- howto -->

### Lift the Leg
Lift one leg toward the ceiling.

### Lower
Lower it back down.
"""


def all_text(exercise: Exercise) -> str:
    """Every piece of text a listener could hear."""
    parts = [exercise.title, exercise.description, *exercise.equipment, *exercise.tips]
    for step in exercise.steps:
        parts += [step.title, step.text]
    for item in (*exercise.starting_position, *exercise.mistakes, *exercise.variations):
        parts += [item.label, item.text]
    return "\n".join(parts)


# The seed


@pytest.fixture(scope="module")
def kickback() -> Exercise:
    return parse_file(KICKBACK)


def test_seed_title_and_slug(kickback):
    assert kickback.title == "Band Glute Kickback"
    assert kickback.slug == "band-glute-kickback"
    assert kickback.source == KICKBACK


def test_seed_howto_steps(kickback):
    assert [step.title for step in kickback.steps] == [
        "Set Up",
        "Brace Your Core",
        "Kick Back",
        "Squeeze at the Top",
    ]
    assert kickback.steps[0].text.startswith("Get on all fours with hands directly under")
    assert kickback.steps[3].text.endswith("without letting it touch the ground.")


def test_seed_sections(kickback):
    assert kickback.equipment == ("Resistance band (loop band preferred)",)
    assert [item.label for item in kickback.mistakes] == [
        "Arching the back",
        "Moving too fast",
        "Using momentum",
    ]
    assert kickback.mistakes[0].text == "Maintain a neutral spine throughout the exercise."
    assert [item.label for item in kickback.variations] == ["Single band", "Add ankle weights"]
    assert kickback.tips == (
        "Ensure your hips remain squared to the ground to effectively target the glutes.",
    )
    assert kickback.video == "O5-ROTyo2dA"
    assert kickback.description.startswith("Isolate and strengthen the glutes")


# Title precedence


@pytest.mark.parametrize(
    ("front", "heading", "expected"),
    [
        (
            'title: "Front Title"\ndescription: "Work with the Described Move, slowly."\n',
            "# Heading Title\n",
            "Front Title",
        ),
        (
            'description: "Work with the Described Squat, slowly."\n',
            "# Heading Squat\n",
            "Heading Squat",
        ),
        ('description: "Work with the Described Squat, slowly."\n', "", "Described Squat"),
        ('description: "A plain description."\n', "", "Wall Sit Hold"),
        # a heading that names no exercise (a letterhead) gives way to a file name that does
        ('description: "A plain description."\n', "# RIVERSIDE CLINIC\n", "Wall Sit Hold"),
        # a file's name put in the title is said as words
        ("title: hollow-body_hold\n", "# Heading Squat\n", "Hollow Body Hold"),
    ],
    ids=["front-matter", "heading", "description", "file-name", "letterhead", "slug"],
)
def test_title_precedence(write_doc, front, heading, expected):
    path = write_doc("wall-sit_hold.md", f"---\n{front}---\n{heading}{STEPS}")

    exercise = parse_file(path)

    assert exercise.title == expected
    assert exercise.slug == expected.lower().replace(" ", "-")


# Odd markdown

ODD = """---
description: "Train with the Odd Move."
---
<!-- a comment before everything -->

# The Odd Move <!-- hidden heading note -->

### Equipment
- A [resistance band](https://example.com/band) ![a picture](band.png)

### Tip
- Keep <b>your</b> *back* `flat` <!-- secret note --> **always**.

<!-- howto -->

### Set Up <!-- title note -->
Stand tall with a [band](https://example.com) ![photo](b.png) under <span>your</span> feet.

### Lift __the__ Bar
Raise the _bar_ `slowly` to shoulder height.

<!--
a comment over
several lines -->

### Lower
Lower it back down.
"""


@pytest.fixture
def odd(write_doc) -> Exercise:
    return parse_file(write_doc("odd.md", ODD))


def test_links_are_reduced_to_their_text_and_images_dropped(odd):
    assert odd.equipment == ("A resistance band",)
    assert odd.steps[0].text == "Stand tall with a band under your feet."
    text = all_text(odd)
    assert "example.com" not in text
    assert "png" not in text
    assert "picture" not in text
    assert "photo" not in text


def test_inline_html_tags_are_stripped(odd):
    text = all_text(odd)
    assert "<" not in text
    assert ">" not in text
    assert "span" not in text


def test_html_comments_are_never_in_any_text(odd):
    text = all_text(odd)
    for word in ("comment", "hidden", "secret", "note", "several"):
        assert word not in text
    assert odd.title == "The Odd Move"
    assert [step.title for step in odd.steps] == ["Set Up", "Lift the Bar", "Lower"]


def test_emphasis_and_code_spans_are_flattened(odd):
    assert odd.tips == ("Keep your back flat always.",)
    assert odd.steps[1].text == "Raise the bar slowly to shoulder height."
    assert "*" not in all_text(odd)
    assert "`" not in all_text(odd)
    assert "_" not in all_text(odd)


def test_a_part_named_after_the_howto_steps_is_not_a_step(write_doc):
    path = write_doc(
        "row.md",
        "# Row\n\n<!-- howto -->\n\n### Set Up\nHinge over the bench.\n\n### Row\n"
        "Pull the dumbbell to your hip.\n\n### Avoid Dropping The Weight\nLower it slowly.\n\n"
        "### Common mistakes to avoid\n- Shrugging.\n\n### Coaching notes\nGo light.\n\n"
        "### Keep Your Back Flat\nThis belongs to the notes.\n",
    )

    exercise = parse_file(path)

    assert [step.title for step in exercise.steps] == ["Set Up", "Row", "Avoid Dropping The Weight"]
    assert [item.text for item in exercise.mistakes] == ["Shrugging."]
    assert "Go light." in [item.text for item in exercise.notes]


def test_a_list_led_by_a_line_that_names_the_steps_is_the_steps(write_doc):
    path = write_doc(
        "press.md",
        "Landmine Press\n\nSetup\n• Kneel on your throwing-side knee.\n"
        "• Hold the end of the bar at your shoulder.\n\nHow to press\n"
        "1. Squeeze the glute of the down knee and brace your abs.\n"
        "2. Press the bar up and forward.\n3. Bring it back down slowly.\n",
    )

    steps = parse_file(path).steps

    assert [step.title for step in steps] == [
        "Squeeze The Glute",
        "Press The Bar Up",
        "Bring It Back Down",
    ]


@pytest.mark.parametrize(
    "part",
    [
        "Common mistakes:",
        "**Common mistakes**",
        "## Common mistakes",
        "What to avoid:",
        "**Mistakes & fixes**",
        "### Variations",
        "Easier:",
    ],
)
def test_a_list_under_the_mistakes_or_variations_is_not_the_steps(write_doc, part):
    """However the part is named (a heading, a line, a bold line), its list of moving
    words ("Lifting too high") is that part's, not the steps of the exercise."""
    path = write_doc(
        "bridge.md",
        "# Glute Bridge\n\n1. Lie on your back, knees bent.\n2. Lift your hips.\n"
        f"3. Lower them.\n\n{part}\n- Lifting the hips too high\n- Dropping down fast\n"
        "- Pushing up through the toes\n",
    )

    exercise = parse_file(path)

    assert [step.text for step in exercise.steps] == [
        "Lie on your back, knees bent.",
        "Lift your hips.",
        "Lower them.",
    ]
    if "variations" not in part.lower() and part != "Easier:":
        assert [item.text for item in exercise.mistakes] == [
            "Lifting the hips too high",
            "Dropping down fast",
            "Pushing up through the toes",
        ]


def test_a_list_under_a_tips_line_is_the_steps_when_it_is_the_only_one(write_doc):
    """ "Tips:" over the only list is a coach's way to give the steps; "Tips:" over a
    list after the steps files it under the tips."""
    only = "# Dead Bug\n\nTips:\n- Lie on your back, arms up.\n- Lower one leg.\n- Bring it back.\n"
    after = "# Dead Bug\n\n1. Lie on your back, arms up.\n2. Lower one leg.\n3. Bring it back.\n\n"
    after += "Tips:\n- Keep your lower back on the floor.\n- Breathe out as the leg goes down.\n"

    steps = parse_file(write_doc("only.md", only)).steps
    exercise = parse_file(write_doc("after.md", after))

    assert [step.text for step in steps] == [
        "Lie on your back, arms up.",
        "Lower one leg.",
        "Bring it back.",
    ]
    assert [step.text for step in exercise.steps] == [step.text for step in steps]
    assert exercise.tips == (
        "Keep your lower back on the floor.",
        "Breathe out as the leg goes down.",
    )


@pytest.mark.parametrize(
    ("headings", "titles"),
    [
        (["Dosage", "Set up", "Pull"], ["Set up", "Pull"]),  # the dose, and the steps go on
        (["Set up", "Sets and reps", "Pull"], ["Set up", "Pull"]),
        (["Hold the plank", "Common mistakes"], ["Hold the plank"]),
        (["Set up", "Safety check", "Pull"], ["Set up", "Safety check", "Pull"]),
        (["Set up", "Note the angle", "Pull"], ["Set up", "Note the angle", "Pull"]),
        (["Set up", "Pull", "Make it easier or harder", "Band"], ["Set up", "Pull"]),
        (["Set up", "Pull", "How much?"], ["Set up", "Pull"]),  # a dose's other names
        (["Set up", "Home practice", "Pull"], ["Set up", "Pull"]),
        (
            ["Set up", "How much weight to use", "Pull"],
            ["Set up", "How much weight to use", "Pull"],
        ),
    ],
)
def test_the_howto_steps_end_only_at_a_heading_that_is_a_part_s_name(write_doc, headings, titles):
    assert step_titles(write_doc, headings, "Do 3 x 10 or stand and pull.") == titles


def test_the_howto_steps_end_at_a_heading_above_theirs(write_doc):
    """ "## Changelog" after the "###" steps is no step, whatever its name."""
    text = (
        "# Hip Airplane\n\n<!-- howto -->\n### Hinge on one leg\nStand on your right leg.\n\n"
        "### Open the hips\nRotate your pelvis open.\n\n"
        "## Changelog\n- 2024-01-08: dropped to 3x5\n\n"
        "### Not a step\nAdded later.\n"
    )
    steps = parse_file(write_doc("airplane.md", text)).steps
    assert [step.title for step in steps] == ["Hinge on one leg", "Open the hips"]


def test_a_heading_above_the_steps_that_moves_is_a_step(write_doc):
    text = (
        "# Turkish Get-Up\n\n<!-- howto -->\n### Roll to the elbow\nRoll onto your elbow.\n\n"
        "## Post on the hand\nPress up onto your hand.\n\n## Stand up\nStand up tall.\n\n"
        "## Reviews\nLoved this one, five stars.\n"  # the steps' own level still ends them
    )
    steps = parse_file(write_doc("getup.md", text)).steps
    assert [step.title for step in steps] == ["Roll to the elbow", "Post on the hand", "Stand up"]


def step_titles(write_doc, headings: list[str], text: str) -> list[str]:
    """The titles of the steps a howto with these headings, each over ``text``, has."""
    steps = "".join(f"### {heading}\n{text}\n\n" for heading in headings)
    path = write_doc("doc.md", f"# Exercise\n\n<!-- howto -->\n\n{steps}")
    return [step.title for step in parse_file(path).steps]


@pytest.mark.parametrize(
    ("headings", "titles"),
    [
        (["1. Set Up", "2. Squat Down", "3) Stand Up"], ["Set Up", "Squat Down", "Stand Up"]),
        (["Step 1 — Stand Tall", "Step 2: Load", "Step 3 Jump"], ["Stand Tall", "Load", "Jump"]),
        (["3-Point Stance", "1.5 Reps", "2 Pauses"], ["3-Point Stance", "1.5 Reps", "2 Pauses"]),
    ],
)
def test_a_heading_s_number_is_not_part_of_its_step(write_doc, headings, titles):
    assert step_titles(write_doc, headings, "Bend your knees and sit back.") == titles


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Lie down on the floor with your knees bent.", "Lie Down"),
        ("Stop there 1-2 seconds and squeeze.", "Stop There"),  # not the cue "Stop there 1"
        ("Squeeze shoulder blades 1 second, then return.", "Squeeze Shoulder Blades"),
        ("10 reps, slow.", "10 Reps"),
        ("lower it all the way, straight arm", "Lower It All"),  # not "Lower It All The"
        ("curl one up - keep the palm facing in", "Curl One Up"),
        ("Stage 1 — Approach the bar", "Approach The Bar"),  # a label's name, not "Stage"
        ("Slide 1: Stand tall, feet hip-width", "Stand Tall"),
        ("Hold 5, then relax.", "Hold"),  # a count, not a label
        ("Hold 3 - 5 seconds.", "Hold"),
        ("Sit down between your heels.", "Sit Down"),
    ],
)
def test_a_step_is_titled_by_its_first_words_never_ending_in_a_number(text, title):
    assert short_title(speakable(text)) == title


def test_without_howto_marker_execution_items_are_the_steps(write_doc):
    path = write_doc(
        "plain.md",
        "# Plain Move\n\n### Execution\n"
        "1. **Lift the leg:** Lift one leg up.\n"
        "2. **Lower it:** Lower the leg with control.\n",
    )

    exercise = parse_file(path)

    assert [(step.title, step.text) for step in exercise.steps] == [
        ("Lift the leg", "Lift one leg up."),
        ("Lower it", "Lower the leg with control."),
    ]


def test_a_manual_s_numbered_performing_section_holds_the_steps(write_doc):
    path = write_doc(
        "manual.md",
        "# Leg Press\n\n## 4.3.1 Adjustment\n\n1. Adjust the seat.\n2. Select the weight.\n\n"
        "## 4.3.2 Performing the exercise\n\n1. Sit with your back flat.\n"
        "2. Push the footplate away.\n3. Slowly return the footplate.\n",
    )

    steps = parse_file(path).steps

    assert [step.text for step in steps] == [
        "Sit with your back flat.",
        "Push the footplate away.",
        "Slowly return the footplate.",
    ]


def test_the_page_around_the_exercise_is_not_read(write_doc):
    """Where the document came from and what the page asks of its reader are no part of
    the exercise: not a step, a tip or a dose."""
    text = (
        "# Plank\n_Exported from StrideLog · Workout #4471_\n\n1. Get onto your forearms.\n"
        "2. Hold your body in a straight line.\n\n## Tips\n- Squeeze your glutes.\n\n"
        "*Exported from LiftLibrary.com*\n\n"
        "Try 3 x 45 sec with 15 sec rest between 🔥 Drop your time in the comments 👇\n\n"
        "Got questions? Leave a comment below.\n\n"
        "© 2024 FitStack Media · Privacy Policy\n\nSent from my iPhone\n"
    )
    exercise = parse_file(write_doc("plank.md", text))
    told = " ".join(
        [exercise.description, *exercise.tips, *(i.whole for i in exercise.programming)]
        + [step.text for step in exercise.steps]
    )
    assert exercise.tips[0] == "Squeeze your glutes."
    assert "Try 3 sets of 45 seconds with 15 seconds rest between" in told
    for chrome in ("Exported", "comment", "questions", "2024", "iPhone"):
        assert chrome not in told, chrome


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        # the page's aside or clause goes, the dose and the step stay
        (
            "3 sets of 10 reps, rest 90 seconds (© programming by Coach Dan)",
            "3 sets of 10 reps, rest 90 seconds",
        ),
        (
            "Exported from LiftLog on 3 May: Goblet Squat, 3 x 10, rest 90 s",
            "Goblet Squat, 3 x 10, rest 90 s",
        ),
        ("Do 4 sets of 8 reps and drop your time in the comments.", "Do 4 sets of 8 reps"),
        (
            "Follow me: lift your right knee to hip height.",
            "Follow me: lift your right knee to hip height.",
        ),
        (
            "Breathe out as you lower, see the comments below for a video.",
            "Breathe out as you lower",
        ),
        (
            "Email me at anna@clinic.co.uk if this hurts.",
            "Email me at anna@clinic.co.uk if this hurts.",
        ),
        ("# Wall Sit (follow me for part 2!)", "# Wall Sit"),
        ("*Got questions? Drop them in the comments and I'll answer every one.*", None),
        ("© 2024 FitStack Media · Privacy Policy", None),
        ("# Goblet Squat © 2024 StrongCo", "# Goblet Squat"),
        ("- Keep your chest up © StrongCo.", "- Keep your chest up"),
    ],
)
def test_only_the_page_s_own_words_are_left_out(line, kept):
    body = _without_boilerplate(f"{line}\n", "en").split("\n")
    assert body == ([kept, ""] if kept is not None else [""])


def test_a_paragraph_of_fields_is_filed_field_by_field(write_doc):
    """ "Equipment: ..." on the line before "Total time: ..." is the equipment alone, and
    such a paragraph under the title is no description."""
    text = (
        "# Elliptical Intervals\n**Equipment:** elliptical cross-trainer\n**Total time:** 20:00\n\n"
        "Equipment: Dumbbells · Primary: Biceps · Secondary: Forearms\n\n"
        "1. Step on and pedal easy.\n2. Drive hard for a minute.\n"
    )
    exercise = parse_file(write_doc("elliptical.md", text))
    assert exercise.equipment == ("elliptical cross-trainer", "Dumbbells")
    assert exercise.description == ""


def test_crlf_and_bom_parse_like_the_plain_file():
    raw = KICKBACK.read_bytes()
    assert b"\r" not in raw
    plain = parse(raw, KICKBACK)

    windows = parse(b"\xef\xbb\xbf" + raw.replace(b"\n", b"\r\n"), KICKBACK)

    assert windows == plain
    assert windows.video == "O5-ROTyo2dA"  # the front matter survived the BOM


# Errors


def test_invalid_yaml_names_the_file_and_line(write_doc):
    path = write_doc("broken.md", "---\ntitle: [unclosed\n---\n" + STEPS)

    with pytest.raises(DocumentError) as caught:
        parse_file(path)

    assert "broken.md" in str(caught.value)
    assert "line" in str(caught.value)


def test_invalid_yaml_reports_the_line_of_the_file(write_doc):
    # line 1 '---', line 2 'sets: 3', line 3 is the bad one
    path = write_doc("badline.md", "---\nsets: 3\nreps: : 12\n---\n" + STEPS)

    with pytest.raises(DocumentError) as caught:
        parse_file(path)

    assert "line 3" in str(caught.value)


def test_front_matter_that_is_a_list_is_an_error(write_doc):
    path = write_doc("listy.md", "---\n- sets: 3\n- reps: 5\n---\n" + STEPS)

    with pytest.raises(DocumentError, match=r"listy\.md"):
        parse_file(path)


def test_non_utf8_bytes_are_an_error(write_doc):
    path = write_doc("latin.md", "# Caf\u00e9 Squat\n".encode("latin-1") + STEPS.encode())

    with pytest.raises(DocumentError, match="UTF-8") as caught:
        parse_file(path)

    assert "latin.md" in str(caught.value)


def test_a_document_without_steps_is_an_error(write_doc):
    path = write_doc("empty.md", "---\ntitle: Nothing\n---\n# Nothing\n\nJust some words.\n")

    with pytest.raises(DocumentError, match="no steps") as caught:
        parse_file(path)

    assert "empty.md" in str(caught.value)


def test_bad_setting_in_front_matter_names_it_and_the_file(write_doc):
    path = write_doc("lots.md", '---\nreps: "lots"\n---\n' + STEPS)

    with pytest.raises(DocumentError) as caught:
        parse_file(path)

    message = str(caught.value)
    assert "'reps'" in message
    assert "lots.md" in message
    assert "lots" in message.replace("lots.md", "")


def test_good_settings_in_front_matter_are_kept(write_doc):
    path = write_doc("good.md", '---\nsets: 2\nreps: "8"\ntempo: "3-0-3"\n---\n' + STEPS)

    settings = parse_file(path).settings

    assert settings["sets"] == 2
    assert settings["reps"] == 8
    assert str(settings["tempo"]) == "3-0-3"


def test_exercise_is_frozen(kickback):
    with pytest.raises(dataclasses.FrozenInstanceError):
        kickback.title = "Other"  # type: ignore[misc]


def test_unreadable_path_is_a_document_error(tmp_path: Path):
    with pytest.raises(DocumentError, match=r"missing\.md"):
        parse_file(tmp_path / "missing.md")


def test_title_is_kept_as_written_and_spoken_naturally(write_doc):
    doc = write_doc(
        "sit-up.md",
        '---\ntitle: "3/4 Sit-Up & Twist"\n---\n<!-- howto -->\n### Sit Up\nRaise your torso.\n',
    )
    exercise = parse_file(doc)
    spoken = coach(exercise, DEFAULTS).phrases()

    assert exercise.title == "3/4 Sit-Up & Twist"  # for tags, feeds and pages
    assert exercise.slug == "3-4-sit-up-twist"
    assert spoken[0] == "three quarters Sit-Up and Twist."
    assert "Nice work — that's the three quarters Sit-Up and Twist done." in spoken


@pytest.mark.parametrize(
    ("text", "first_step"),
    [
        (  # an opening paragraph that says what to do is the set-up, said in the intro
            "# Plank\n\nGet onto your forearms and toes, body in a straight line.\n\n"
            "Hold for 30 seconds, rest 15 seconds, repeat 4 times.\n",
            "Get onto your forearms and toes, body in a straight line.",
        ),
        (  # a plural name or a name and its verb is no command: "Squats are ..."
            "# Squat\n\nSquats are the foundation of leg day.\n\n"
            "Stand with your feet apart. Sit down between your heels, then stand up.\n",
            "Stand with your feet apart. Sit down between your heels, then stand up.",
        ),
        (  # one that tells about it describes; a heading's line ("Sat 14 Sept") is none
            "# Plank\n\nThe plank builds a strong trunk.\n\n"
            "Get onto your forearms and toes. Hold for 30 seconds.\n",
            "Get onto your forearms and toes. Hold for 30 seconds.",
        ),
    ],
)
def test_an_opening_paragraph_that_acts_is_a_step(write_doc, text, first_step):
    assert parse_file(write_doc("p.md", text)).steps[0].text == first_step


def test_a_spoken_paragraph_is_cut_where_it_says_then(write_doc):
    memo = (
        "Voice memo - lunges for Saturday\n\n"
        "Hey guys, so for Saturday's warm up I want walking lunges. Start standing tall, "
        "hands on your hips. Then take a big step forward and drop your back knee down. "
        "Then push through that front heel and step through into the next lunge.\n"
    )

    steps = parse_file(write_doc("memo.md", memo)).steps

    assert [step.text.split(".")[0] for step in steps] == [
        "Then take a big step forward and drop your back knee down",
        "Then push through that front heel and step through into the next lunge",
    ]
