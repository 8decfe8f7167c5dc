"""A track is called by the exercise its document names, wherever the document names
it: not by an email's "Subject" label, a club's letterhead or a program's other rows."""

from __future__ import annotations

import pytest

from audio_builder.reading.document import parse_file

STEPS = "1. Stand tall.\n2. Lift the weight.\n3. Lower it slowly.\n"


@pytest.mark.parametrize(
    ("head", "title"),
    [
        ("Subject: Re: goblet squats\n\nHi Sam,\n\n", "goblet squats"),
        ("# RIVERSIDE PHYSIOTHERAPY\n\nSIDE-LYING CLAMSHELL\n\n", "SIDE-LYING CLAMSHELL"),
        ("# HYROX PREP — Session B\n\nFinisher: Farmers Carry\n\n", "Farmers Carry"),
        ("Lateral raises (the pink 3 lb dumbbells, not dad's)\n\n", "Lateral raises"),
        (
            "# Side Plank — Frequently Asked Questions\n\n",
            "Side Plank — Frequently Asked Questions",
        ),
        ("# WOD\n\nMOVE OF THE MONTH: The Single-Leg Deadlift\n\n", "The Single-Leg Deadlift"),
        ("**Re: RDLs — am I doing them wrong?**\n\n", "RDLs"),
        ("# LEGS B\n\nA) Bulgarian Split Squat\n\n", "Bulgarian Split Squat"),
        # a club's letterhead whose name holds an exercise's word ("sprint", "fly")
        ("# JUNIOR SPRINT GROUP\n\nBOX JUMP\n\n", "BOX JUMP"),
        ("# FLY WELL PHYSIO\n\nKnee to Chest Stretch\n\n", "Knee to Chest Stretch"),
        ("# Bird Dog for Low Back Pain\n\nBird dog\n\n", "Bird Dog for Low Back Pain"),
        (  # "Team" does not end it: no letterhead
            "# Nordic Curl Protocol for Team Sports\n\nPair with: Copenhagen Plank\n\n",
            "Nordic Curl Protocol for Team Sports",
        ),
        (  # no letterhead: the heading stands before another exercise's name
            "# Hip Thrust Technique\n\nThe Glute Bridge is the easier version.\n\n",
            "Hip Thrust Technique",
        ),
        ("# RIVERSIDE PHYSIOTHERAPY\n\nBRIDGING\n\n", "BRIDGING"),
        ("The Goblet Squat teaches you to sit tall.\n\n", "Goblet Squat"),
        ("The classic Push-Up for chest and arms.\n\n", "Push-Up"),
        ("Power Clean develops explosive hips.\n\n", "Power Clean"),
        ("The Pallof press trains your core.\n\n", "Pallof press"),
        ("SINGLE ARM DB ROW 🔥💪 save this for your next back day!!\n\n", "SINGLE ARM DB ROW"),
        ("The wall squat (also called wall sit) is an isometric exercise.\n\n", "Wall Squat"),
        ("Roll Up\n\nLie on your back on the mat.\n\n", "Roll Up"),
        ("# Tuesday Strength & Balance Class\n\nARM CURLS\n\n", "ARM CURLS"),  # a class, no balance
        (  # a web page pasted whole: its screen readers' link and a guide's title
            "Skip to content\nHOME   WORKOUTS   SHOP\n\n"
            "How to Do a Kettlebell Swing (Without Wrecking Your Back)\n\n",
            "Kettlebell Swing",
        ),
    ],
)
def test_the_title_is_the_exercise_the_document_names(write_doc, head, title):
    assert parse_file(write_doc("note.md", head + STEPS)).title == title


@pytest.mark.parametrize(
    "head",
    [
        "# TRAINING LOG\n\nB   Nordic curl (band) — 3 x 5    done\n\n",  # one row of several
        "# Morning Session\n\nWarm-up: jumping jacks\n\n",  # what comes before it
        "# Welcome\n\nStretch of the Month\n\n",  # a column's name
        "# Welcome\n\nHow to execute each sprint:\n\n",
        "# Welcome\n\nwalk me through it\n\n",
    ],
)
def test_a_line_that_is_not_this_exercises_name_is_not_its_title(write_doc, head):
    heading = head.splitlines()[0].removeprefix("# ")

    assert parse_file(write_doc("note.md", head + STEPS)).title == heading


def test_a_file_name_is_read_without_its_order_number(write_doc):
    doc = write_doc("19-pullup-negatives.md", "Stage 2\n\n" + STEPS)
    assert parse_file(doc).title == "Pullup Negatives"


def test_two_emailed_exercises_get_two_tracks(write_doc):
    squat = write_doc("a.md", "Subject: goblet squats\n\nHi,\n\n" + STEPS)
    row = write_doc("b.md", "Subject: one-arm rows\n\nHi,\n\n" + STEPS)

    assert parse_file(squat).slug != parse_file(row).slug


def test_an_email_s_header_labels_do_not_name_the_exercise(write_doc):
    head = "From: Claire Hendry <claire@example.com>\nTo: Tom\nSubject: as promised\n\nHi Tom,\n\n"
    assert parse_file(write_doc("heel-drop.md", head + STEPS)).title == "Heel Drop"


def test_a_guide_s_title_names_the_exercise_only_by_its_name(write_doc):
    head = "# Desk Breaks\n\nHow to perform the stretch\n\n"
    assert (
        parse_file(write_doc("doorway-pec-stretch.md", head + STEPS)).title == "Doorway Pec Stretch"
    )


def test_a_french_name_begins_with_the_exercise_it_names(write_doc):
    """ "Gainage ventral": the head comes first, so the heading is no letterhead."""
    text = "# Gainage ventral\n\n1. Place tes avant-bras au sol.\n2. Garde la position.\n"
    assert parse_file(write_doc("gainage.md", "---\nlang: fr\n---\n" + text)).title == (
        "Gainage ventral"
    )


@pytest.mark.parametrize("key", ["name", "display_name", "exercise"])
def test_an_apps_export_names_the_exercise_in_its_own_front_matter_key(write_doc, key):
    text = f"---\n{key}: Close-Grip Bench Press\nsets: 3\n---\n\n" + STEPS
    assert parse_file(write_doc("export-0412.md", text)).title == "Close-Grip Bench Press"


def test_an_apps_name_field_that_names_no_exercise_is_not_the_title(write_doc):
    text = "---\nname: Jane Doe\n---\n# Side-Lying Clamshell\n\n" + STEPS
    assert parse_file(write_doc("jane.md", text)).title == "Side-Lying Clamshell"
    linked = '---\nexercise: "[[Goblet Squat]]"\n---\n' + STEPS  # Obsidian's link
    assert parse_file(write_doc("note.md", linked)).title == "Goblet Squat"
