"""Text made speakable: each pre-processor's rule, through the whole chain."""

from __future__ import annotations

import pytest

from audio_builder.reading.spoken import sentences, speakable, spoken_title, without_asides


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        ("Bend your knees to 90°.", "Bend your knees to 90 degrees."),
        ("Walk 20 m, then 1 km more.", "Walk 20 meters, then 1 kilometer more."),
        ("Rest 2m between rounds.", "Rest 2 minutes between rounds."),  # a rest's m: minutes
        ("Hold for 2m.", "Hold for 2 minutes."),
        ("Knees > 30° bend, RPE ≥ 7.", "Knees over 30 degrees bend, RPE at least 7."),
        ("Keep pain <= 3 and reps < 12.", "Keep pain at most 3 and reps under 12."),
        ("A £7 rope, a $1 band, a € 15 mat.", "A 7 pounds rope, a 1 dollar band, a 15 euros mat."),
        ("Do 3 x 10 reps.", "Do 3 sets of 10 reps."),
        ("Use a band, e.g. a loop band.", "Use a band, for example, a loop band."),
        ("Keep a straight torso.This matters.", "Keep a straight torso. This matters."),
        ("Do 10-20 reps.", "Do 10 to 20 reps."),
        ("Reps: 10--12.", "Reps: 10 to 12."),
        ("Use a 3-1-1 tempo.", "Use a 3 1 1 tempo."),
        ("Thrusters 21-15-9.", "Thrusters 21, 15, 9."),  # each set's count, not a range
        ("Boards made of 2x6's.", "Boards made of 2 by 6's."),
        ("Rest 2'00\", hold 1'30\".", "Rest 2 minutes, hold 1 minute 30 seconds."),
        ("It is used in rehab (Escamilla et al., 2009).", "It is used in rehab."),
        ("It works (Smith & Jones, 2015), 3 days·wk⁻¹.", "It works, 3 days a week."),
        ("A 5'10\" athlete, a 3'10\" box.", "A 5'10\" athlete, a 3'10\" box."),  # heights
        ("Heels on the 2X4 block.", "Heels on the 2 by 4 block."),  # a size, not sets
        ("Do your 3x10 with a pause.", "Do your 3 sets of 10 with a pause."),
        ("Carry 2 x 24kg bells.", "Carry 2 by 24 kilograms bells."),  # a load, not sets
        ("4x6 @ RPE 7-8.", "4 sets of 6 at effort 7 to 8 out of 10."),
        ("30/30 x 8.", "8 rounds of 30 seconds on and 30 seconds off."),
        ("Interval: work 40 sec / rest 20 sec", "Interval: work 40 seconds, rest 20 seconds"),
        ("20s hold → 30s → 40s", "20 seconds hold, 30 seconds, 40 seconds"),  # one, then the next
        ("Squat→stand→press", "Squat, stand, press"),
        ("Build from 10 → 15 reps.", "Build from 10 to 15 reps."),
        (
            "A 24 / 20 kg bell, to the left / right.",
            "A 24 or 20 kilograms bell, to the left or right.",
        ),
        (
            "Hike it back. a. Tip the bell back.",
            "Hike it back. Tip the bell back.",
        ),  # sub-step letter
        ("Plan a) warm up first, option b. Then go.", "Plan a) warm up first, option b. Then go."),
        ("→ counterbalance pistols", "counterbalance pistols"),
        ("40 sec work / 20 sec rest × 6 rounds", "6 rounds of 40 seconds on and 20 seconds off"),
        ("8 ROUNDS: 15 SEC PUSH / 45 SEC REST", "8 rounds of 15 seconds on and 45 seconds off"),
        ("10 x 20s all-out / 40s easy.", "10 rounds of 20 seconds on and 40 seconds off."),
        (":20 ON / :40 OFF", "20 seconds on and 40 seconds off"),
        ("1:00 on / 2:00 off x 5", "5 rounds of 1 minute on and 2 minutes off"),
        ("20s hold / 10s rest", "20 seconds hold, 10 seconds rest"),  # a hold stays a hold
        ("10 reps / 30 s rest", "10 reps, 30 seconds rest"),  # a count is not a time on
        ("Bells: 24/16 kg.", "Bells: 24 or 16 kilograms."),
        ("I do 5 x 45s.", "I do 5 sets of 45 seconds."),
        ("30-45s x3, 30s rest.", "3 sets of 30 to 45 seconds, 30 seconds rest."),
        ("3 rounds x 45 sec.", "3 sets of 45 seconds."),
        ("Do 3 x 30 seconds.", "Do 3 sets of 30 seconds."),
        ('Hold 2 x 30".', "Hold 2 sets of 30 seconds."),
        ("Carry 4 x 40m.", "Carry 4 by 40 meters."),
        ("Rest 1:30, then 2' more.", "Rest 1 minute 30 seconds, then 2 minutes more."),
        (
            "Walk at 5 km/h, x12 e/s, 8–10/side.",
            "Walk at 5 kilometers per hour, 12 times each side, 8 to 10 per side.",
        ),
        ("Hold for 30 s.", "Hold for 30 seconds."),
        ("Lower ¾ of the way.", "Lower three quarters of the way."),
        ("Walk 1½ laps.", "Walk 1 and a half laps."),
        ("Rest   well ,  then go .", "Rest well, then go."),
        ("[0:07] So find a doorway.", "So find a doorway."),
        ("2 DBs at sides, a KB at the chest.", "2 dumbbells at sides, a kettlebell at the chest."),
        ("db's at sides, 80 dB music.", "dumbbells at sides, 80 dB music."),  # not decibels
        ("Then, um, step back. Uh, let's do, erm, three.", "Then, step back. let's do, three."),
        ("A drum, a plum, uh-oh.", "A drum, a plum, uh-oh."),
        ("Press it overhead, um. Lower it.", "Press it overhead. Lower it."),
        (
            "Log every set in the DB, 8 dB quieter, a 500 KB file.",
            "Log every set in the DB, 8 dB quieter, a 500 KB file.",
        ),
        ("Loop a strap around the foot.[1] Then lift.", "Loop a strap around the foot. Then lift."),
        (
            "10 ALT KB REV LUNGE (5 EA), REST 1:00 B/T RDS",
            "10 alternating kettlebell reverse LUNGE (5 each), REST 1 minute between rounds",
        ),
        ("GRAB W/ 1 HAND, LOCKOUT O/H", "GRAB with 1 HAND, LOCKOUT overhead"),
        ("2–3 sets × 12–15 reps.", "2 to 3 sets of 12 to 15 reps."),
        ("10 reps each arm × 3 sets.", "10 reps each arm 3 sets."),
        ("3X each leg.", "3 times each leg."),
        ("4 bouts × 45 seconds of walking.", "4 bouts of 45 seconds of walking."),
        ("EMOM x 10 min.", "EMOM 10 minutes."),
        ("Rest 1 min. Pause 1 sec at the top.", "Rest 1 minute. Pause 1 second at the top."),
        ("Add 1 kg, then 2.5 kg.", "Add 1 kilogram, then 2.5 kilograms."),
        ("Date: 05/14/2024.", "Date: 05 14 2024."),  # not "05 or 14 or 2024"
        ("Sit in the 90/90 position.", "Sit in the 90 90 position."),  # not "90 or 90"
        ("8/10 reps", "8 or 10 reps"),
        ("Hold 30s, then grab the 16s.", "Hold 30 seconds, then grab the 16s."),  # dumbbells
        ('3 x 10 e/arm · 60–90" rest.', "3 sets of 10 each arm 60 to 90 seconds rest."),
        ("Squeeze the ball 2x/day, 3x/wk.", "Squeeze the ball 2 times a day, 3 times a week."),
        ("右足を一歩後ろに引く。Step your right foot back.", "Step your right foot back."),
        ("Stress on the knee joint. li>", "Stress on the knee joint."),  # a tag without "<"
        ("A. Face the step. B. Step up.", "Face the step. Step up."),  # lettered steps
        ("See Dr. B. Jones.", "See Dr. B. Jones."),
        ("Grade: C. Keep the knees out.", "Grade: C. Keep the knees out."),
        ("Coach J. Smith says so.", "Coach J. Smith says so."),
        ("Brace <b>hard</b>.</li>", "Brace hard."),
        ("Keep your heart rate > 150.", "Keep your heart rate over 150."),
        ("If reps<target and form>good", "If reps target and form good"),  # no tags
        ("Option b> is harder.", "Option b is harder."),
        ("extend R arm + L leg, R. knee down", "extend right arm plus left leg, right knee down"),
        ("Set R. Row 2 x 10 R/L.", "Set R. Row 2 sets of 10 R or L."),  # no limb named
    ],
)
def test_speakable(written, spoken):
    assert speakable(written) == spoken


@pytest.mark.parametrize(
    ("lang", "written", "spoken"),
    [
        ("es", "Descansa 1 min, luego 2 min.", "Descansa 1 minuto, luego 2 minutos."),
        ("de", "1 min Pause, dann 2 min.", "1 Minute Pause, dann 2 Minuten."),
        ("fr", "Tenir 1 s, puis 30 s.", "Tenir 1 seconde, puis 30 secondes."),
    ],
)
def test_one_of_a_unit_is_said_in_the_singular(lang, written, spoken):
    assert speakable(written, lang) == spoken


def test_rules_combine():
    assert speakable("Hold 10–20 s at 90°, e.g. twice.") == (
        "Hold 10 to 20 seconds at 90 degrees, for example, twice."
    )


def test_plain_text_is_left_alone():
    line = "Lift one leg toward the ceiling with the knee bent."
    assert speakable(line) == line


def test_sentences_split_at_sentence_ends():
    assert sentences("Lift the leg. Squeeze! Ready? Lower it.") == [
        "Lift the leg.",
        "Squeeze!",
        "Ready?",
        "Lower it.",
    ]


def test_sentences_keep_decimals_intact():
    assert sentences("Hold for 2.5 seconds. Then lower.") == [
        "Hold for 2.5 seconds.",
        "Then lower.",
    ]


def test_a_long_sentence_is_said_in_even_parts():
    """Cut every 25 words, a 26-word sentence left its last word alone ("up.")."""
    sentence = " ".join(["lower"] * 25) + " up."
    assert [len(part.split()) for part in sentences(sentence)] == [13, 13]


def test_sentences_of_nothing():
    assert sentences("   ") == []


@pytest.mark.parametrize(
    ("title", "said"),
    [
        ("Sumo Deadlift — Block 2, Week 3", "Sumo Deadlift"),
        ("Wall Sit 3x45s", "Wall Sit"),  # its dose is read as the dose, not said as its name
        ("Push-ups (3 x 8-12)", "Push-ups"),
        ("BUNNY HOPS!", "BUNNY HOPS"),  # said as a name: "BUNNY HOPS!." is no sentence
        ("Drill 3: High Knees", "High Knees"),
        ("Week 3 — Lower A: Barbell Back Squat", "Barbell Back Squat"),  # a program's day
        ("Day 1 — Lower A", "Lower A"),  # when nothing else names it
        ("Barbell Complex A — Week 2", "Barbell Complex A"),
        ("Box Jumps: U16 Off-Season Handout", "Box Jumps"),
        ("Lizard Pose (Utthan Pristhasana) — Class Script", "Lizard Pose"),
        ("Voice memo – doorway pec stretch (for Dana)", "doorway pec stretch"),
        ("Wall Sit 🧱 / Chaise au mur", "Wall Sit"),
        ("45° Leg Press", "45 degrees Leg Press"),
        ("Rowing Machine 250 m Repeats", "Rowing Machine 250 meters Repeats"),
        ("Push-Up", "Push-Up"),
        ("How to Do a Perfect Push-Up (Even If You Can't Do One Yet)", "Push-Up"),
        ("How to Do the Open Book Stretch: 7 Steps (with Pictures)", "Open Book Stretch"),
        (
            "How to Push a Sled Without Wrecking Your Back",
            "How to Push a Sled Without Wrecking Your Back",
        ),
    ],
)
def test_a_title_is_said_by_the_exercise_name(title, said):
    assert spoken_title(title) == said


@pytest.mark.parametrize(
    ("title", "lang", "said"),
    [
        ("Comment faire un squat sauté", "fr", "squat sauté"),
        ("Cómo hacer una plancha lateral", "es", "plancha lateral"),
        ("So machst du den Ausfallschritt", "de", "Ausfallschritt"),
    ],
)
def test_a_guides_title_is_said_by_the_exercise_it_teaches(title, lang, said):
    assert spoken_title(title, lang) == said


@pytest.mark.parametrize(
    ("text", "bare"),
    [
        ("Side Plank (Forearm)", "Side Plank"),
        ("Lateral raises (the pink 3 lb ones) x 12", "Lateral raises x 12"),
        ("(optional) Wall Sit", "Wall Sit"),
        ("Wall Sit", "Wall Sit"),
    ],
)
def test_asides_in_brackets_are_left_out(text: str, bare: str) -> None:
    assert without_asides(text) == bare
