"""Workout formats: pyramids, groups (circuit, superset, intervals, Tabata, EMOM, AMRAP),
warm-up and cool-down — how plans are read, what the coach says, and the fixed clock."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
import yaml

from audio_builder.audio.timeline import GAP, RATE, schedule
from audio_builder.build import load, time_track
from audio_builder.cli import main
from audio_builder.coaching.script import CueScript, Section, Segment, beep, say
from audio_builder.errors import DocumentError
from audio_builder.reading.plan import Entry, Group, parse_plan
from audio_builder.settings import DEFAULTS, parse_setting

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SQUAT, PUSH_UP, PLANK = (
    SEEDS / n for n in ("bodyweight-squat.md", "push-up.md", "forearm-plank.md")
)
JACKS = SEEDS / "jumping-jacks.md"
STRETCH = SEEDS / "standing-quad-stretch.md"

EVERY_KIND = {
    "title": "Every Kind",
    "rest_between": 20,
    "warmup": [{"path": str(JACKS), "duration": 30}],
    "exercises": [
        {"path": str(SQUAT), "reps": [6, 4]},
        {
            "circuit": {
                "rounds": 2,
                "rest": 10,
                "rest_rounds": 20,
                "exercises": [{"path": str(PUSH_UP), "reps": 3}, {"path": str(PLANK), "hold": 10}],
            }
        },
        {"superset": {"sets": 2, "rest": 20, "exercises": [str(SQUAT), str(PUSH_UP)]}},
        {"intervals": {"work": 30, "rest": 15, "rounds": 2, "exercises": [str(JACKS), str(SQUAT)]}},
        {"tabata": {"path": str(JACKS), "rounds": 3}},
        {"emom": {"minutes": 3, "exercises": [{"path": str(PUSH_UP), "reps": 5}, str(PLANK)]}},
        {"amrap": {"minutes": 2, "pace": 30, "exercises": [{"path": str(SQUAT), "reps": 3}]}},
    ],
    "cooldown": [{"path": str(STRETCH), "hold": 10}],
}


def write(folder: Path, data: dict, name: str = "plan.yaml") -> Path:
    path = folder / name
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def speech(timeline) -> list[str]:
    return [cue.text for cue in timeline.cues if cue.kind == "speech"]


def chapter_speech(timeline, title: str) -> list[str]:
    (chapter,) = [c for c in timeline.chapters if c.title == title]
    return [
        c.text
        for c in timeline.cues
        if c.kind == "speech" and chapter.start <= c.start < chapter.end
    ]


# --- pyramids -------------------------------------------------------------------------


@pytest.mark.parametrize("given", [[12, 10, 8], "12,10,8", " 12, 10 ,8 "])
def test_reps_as_a_list_sets_one_number_per_set(given):
    settings = DEFAULTS.override({"reps": parse_setting("reps", given)})
    assert settings.reps == (12, 10, 8)
    assert settings.sets == 3
    assert [settings.reps_in(n) for n in (1, 2, 3)] == [12, 10, 8]


def test_a_sets_that_disagrees_with_the_list_fails(runner, cli_engine, tmp_path):
    doc = tmp_path / "pyramid.md"
    doc.write_text(
        "---\nsets: 4\nreps: [12, 10, 8]\n---\n"
        + (SEEDS / "push-up.md").read_text().split("---", 2)[2]
    )
    result = runner.invoke(main, ["script", str(doc)])
    assert result.exit_code == 1
    (line,) = [x for x in result.stderr.splitlines() if x.startswith("error:")]
    assert "pyramid.md" in line and "'sets' is 4" in line and "12, 10, 8" in line


@pytest.mark.parametrize("bad", ["12,0,8", "12,,8", [], [12, "x"]])
def test_bad_lists_of_reps_are_errors(bad):
    with pytest.raises(Exception, match="'reps' must be"):
        parse_setting("reps", bad)


def test_reps_option_takes_a_list(runner, cli_engine):
    result = runner.invoke(main, ["script", str(SQUAT), "--format", "json", "--reps", "5,3"])
    assert result.exit_code == 0, result.stderr
    chapters = json.loads(result.stdout)["chapters"]
    assert [c["title"] for c in chapters if c["title"].startswith("Set")] == ["Set 1", "Set 2"]


def test_a_pyramid_counts_down_set_by_set(narrator):
    track = load(SQUAT, {"reps": (5, 4, 2)})
    timeline = time_track(track, narrator)
    for title, last in (("Set 1", "Five."), ("Set 2", "Four."), ("Set 3", "Two.")):
        said = chapter_speech(timeline, title)
        assert said[-1] == last
        assert "Last one." in said


# --- the plan format ------------------------------------------------------------------


def test_todays_plans_stay_valid():
    plan = parse_plan(SEEDS / "workouts" / "lower-body.yaml")
    assert plan.straight
    assert all(isinstance(item, Entry) for item in plan.items)
    assert len(plan.entries) == 4


def test_every_group_kind_is_read(tmp_path):
    plan = parse_plan(write(tmp_path, EVERY_KIND))
    kinds = [item.kind for item in plan.items if isinstance(item, Group)]
    assert kinds == ["circuit", "superset", "intervals", "tabata", "emom", "amrap"]
    tabata = plan.items[4]
    assert tabata.settings == {"work": 20.0, "rest": 10.0, "rounds": 3}
    assert tabata.entries == (Entry(JACKS),)
    assert [e.path for e in plan.warmup] == [JACKS]
    assert [e.path for e in plan.cooldown] == [STRETCH]
    assert plan.entries[0].path == JACKS and plan.entries[-1].path == STRETCH


BAD_GROUPS = [
    ({"circles": {"exercises": [str(SQUAT)]}}, "unknown group 'circles'"),
    ({"circuit": {"exercises": [str(SQUAT)]}, "tabata": str(JACKS)}, "exactly one key"),
    ({"circuit": {"rounds": 0, "exercises": [str(SQUAT)]}}, "'rounds' must be a whole number"),
    ({"circuit": {"laps": 2, "exercises": [str(SQUAT)]}}, "unknown setting laps"),
    ({"amrap": {"minutes": 0, "exercises": [str(SQUAT)]}}, "'minutes' must be a whole number"),
    ({"amrap": {"exercises": [str(SQUAT)]}}, "'minutes' is missing"),
    ({"superset": {"sets": 2}}, "'exercises' must be a non-empty list"),
]


@pytest.mark.parametrize(("item", "says"), BAD_GROUPS)
def test_an_invalid_group_fails_its_plan_in_one_line(runner, cli_engine, tmp_path, item, says):
    plan = write(tmp_path, {"title": "Bad", "exercises": [str(SQUAT), item]}, "bad-plan.yaml")
    result = runner.invoke(main, ["build", str(plan), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    (line,) = [x for x in result.stderr.splitlines() if x.startswith("error:")]
    assert "bad-plan.yaml" in line and "exercises item 2" in line and says in line
    assert "Traceback" not in result.stderr


def test_an_emom_that_does_not_fit_its_minute_says_how_many_would(tmp_path):
    data = {
        "exercises": [{"emom": {"minutes": 4, "exercises": [{"path": str(SQUAT), "reps": 12}]}}]
    }
    with pytest.raises(DocumentError) as caught:
        load(write(tmp_path, data, "slow.yaml"), {})
    message = str(caught.value)
    assert "slow.yaml" in message and "exercises item 1 (emom)" in message
    assert "12 reps of Bodyweight Squat" in message and "room for 11" in message


# --- what the coach says --------------------------------------------------------------


@pytest.fixture(scope="module")
def every_kind(tmp_path_factory):
    from conftest import FakeEngine

    from audio_builder.audio.cache import ClipCache
    from audio_builder.audio.narrator import Narrator

    folder = tmp_path_factory.mktemp("every")
    track = load(write(folder, EVERY_KIND), {})
    narrator = Narrator(FakeEngine(), ClipCache(folder / "cache"))
    return track, time_track(track, narrator)


def test_each_group_is_a_chapter_with_its_rounds_nested(every_kind):
    _, timeline = every_kind
    assert [g.title for g in timeline.groups] == [
        "Warm-up",
        "Bodyweight Squat",
        "Circuit: Push-Up, Forearm Plank",
        "Superset: Bodyweight Squat, Push-Up",
        "Intervals: Jumping Jacks, Bodyweight Squat",
        "Tabata: Jumping Jacks",
        "EMOM: Push-Up, Forearm Plank",
        "AMRAP: Bodyweight Squat",
        "Cool-down",
    ]
    titles = [c.title for c in timeline.chapters]
    for expected in ("Circuit: Round 2", "Tabata: Round 3", "EMOM: Minute 3", "AMRAP: Minute 2"):
        assert expected in titles


def test_the_coach_names_each_group_and_its_rounds(every_kind):
    _, timeline = every_kind
    said = speech(timeline)
    assert "Warm-up: 1 minute to get moving." in said
    assert "Circuit, 2 rounds: Push-Up, Forearm Plank." in said
    assert said.index("Round 1 of 2.") < said.index("Last round.")
    assert "Next: Forearm Plank." in said
    assert "Superset: Bodyweight Squat, then Push-Up." in said
    assert "Straight into Push-Up." in said
    assert "Work: Jumping Jacks." in said and "Next: Bodyweight Squat." in said
    assert "Minute 2 of 3: Forearm Plank for 30 seconds." in said
    assert "Rest till the top of the minute." in said
    assert "3 bodyweight squats, as many rounds as you can in 2 minutes." in said
    assert "One minute left." in said and "Time!" in said
    assert "Cool-down: 1 minute to bring it down." in said


def test_the_structure_is_shown_before_the_cues(every_kind):
    track, _ = every_kind
    assert track.structure[:3] == (
        "Warm-up:",
        "  Jumping Jacks: 1 × 30 s",
        "Bodyweight Squat: 2 × 6, 4 reps",
    )
    assert "Circuit (rounds 2, rest 10, rest rounds 20):" in track.structure
    assert "  Push-Up: 3 reps" in track.structure


def test_no_collision_in_a_plan_of_every_group_kind(every_kind):
    _, timeline = every_kind
    cues = sorted(timeline.cues, key=lambda c: c.start)
    for a, b in itertools.pairwise(cues):
        assert a.end <= b.start, (a, b)
    assert not timeline.dropped


def test_fixed_periods_are_exact(every_kind):
    _, timeline = every_kind
    (tabata,) = [g for g in timeline.groups if g.title.startswith("Tabata")]
    beeps = [c for c in timeline.cues if c.kind == "beep" and tabata.start <= c.start < tabata.end]
    gos = [c.start for c in beeps if c.text == "go"]
    stops = [c.start for c in beeps if c.text == "stop"]
    assert len(gos) == len(stops) == 3
    assert [s - g for g, s in zip(gos, stops, strict=True)] == [20 * RATE] * 3
    assert [b - a for a, b in itertools.pairwise(gos)] == [30 * RATE] * 2


# --- the fixed clock ------------------------------------------------------------------

LENGTHS = {"Long line that does not fit.": 3.0, "Short.": 0.5, "Ten.": 0.4, "go": 0.4, "stop": 0.6}


def length(kind: str, text: str) -> int:
    return round(LENGTHS.get(text, 1.0) * RATE)


def clock_script(*cues) -> CueScript:
    segment = Segment("work", (beep("go", 0.0), *cues, beep("stop", 4.0)), 5.0, fixed=True)
    after = Segment("after", (say("After."),))
    return CueScript("Clock", (Section("Work", (segment, after)),))


def test_a_fixed_segment_never_grows_and_its_beeps_never_move():
    timeline = schedule(clock_script(say("Long line that does not fit.", 2.0)), length)
    go, stop = [c for c in timeline.cues if c.kind == "beep"]
    assert (go.start, stop.start) == (0, 4 * RATE)
    after = next(c for c in timeline.cues if c.text == "After.")
    assert after.start >= 5 * RATE
    assert not timeline.stretches


def test_a_line_that_does_not_fit_takes_its_shorter_form():
    timeline = schedule(
        clock_script(say("Long line that does not fit.", 2.0, shorter=("Short.",))), length
    )
    assert "Short." in speech(timeline)
    assert "Long line that does not fit." not in speech(timeline)
    assert not timeline.dropped


def test_a_line_that_cannot_fit_is_dropped_and_reported():
    timeline = schedule(clock_script(say("Long line that does not fit.", 2.0)), length)
    (dropped,) = timeline.dropped
    assert dropped.cue == "Long line that does not fit."
    assert "dropped" in str(dropped)


def test_a_line_on_a_beep_moves_after_it():
    timeline = schedule(clock_script(say("Short.", 0.0)), length)
    short = next(c for c in timeline.cues if c.text == "Short.")
    assert short.start == round(0.4 * RATE) + round(GAP * RATE)


# --- a plan of groups is a plan like any other ------------------------------------------

SMALL = {
    "title": "Small Groups",
    "exercises": [
        {"tabata": {"path": "jacks.md", "rounds": 2, "work": 5, "rest": 5}},
        {"circuit": {"rounds": 1, "exercises": [{"path": "squat.md", "reps": 2}]}},
    ],
}


def small_plan(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "jacks.md").write_text(JACKS.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "squat.md").write_text(SQUAT.read_text(encoding="utf-8"), encoding="utf-8")
    return write(folder, SMALL, "small.yaml")


def test_the_manifest_rebuilds_a_plan_of_groups_when_an_exercise_changes(
    runner, cli_engine, tmp_path
):
    plan = small_plan(tmp_path / "src")
    out = str(tmp_path / "out")
    first = runner.invoke(main, ["build", str(plan), "-o", out, "--jobs", "1"])
    again = runner.invoke(main, ["build", str(plan), "-o", out, "--jobs", "1"])
    squat = tmp_path / "src" / "squat.md"
    squat.write_text(squat.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    edited = runner.invoke(main, ["build", str(plan), "-o", out, "--jobs", "1"])
    assert "1 built, 0 up to date" in first.stderr, first.stderr
    assert "0 built, 1 up to date" in again.stderr, again.stderr
    assert "1 built, 0 up to date" in edited.stderr, edited.stderr


def test_a_plan_of_groups_is_a_podcast_episode_with_nested_chapters(runner, cli_engine, tmp_path):
    from mutagen.id3 import ID3

    plan = small_plan(tmp_path / "src")
    out = tmp_path / "pod"
    args = ["podcast", str(plan), "-o", str(out), "--base-url", "https://example.com/p"]
    result = runner.invoke(main, [*args, "--jobs", "1"])
    assert result.exit_code == 0, result.stderr
    assert "Small Groups" in (out / "feed.xml").read_text(encoding="utf-8")
    tags = ID3(out / "episodes" / "small-groups.mp3")
    tocs = [str(f.sub_frames["TIT2"]) for f in tags.getall("CTOC")]
    assert "Tabata: Jumping Jacks" in tocs and "Circuit: Bodyweight Squat" in tocs


def test_intervals_of_one_side_at_a_time_switch_sides_at_half_time(tmp_path):
    from conftest import FakeEngine

    from audio_builder.audio.cache import ClipCache
    from audio_builder.audio.narrator import Narrator

    bridge = SEEDS / "single-leg-glute-bridge.md"
    plan = {"title": "Bridges", "exercises": [{"tabata": {"path": str(bridge), "rounds": 2}}]}
    track = load(write(tmp_path, plan), {})
    timeline = time_track(track, Narrator(FakeEngine(), ClipCache(tmp_path / "cache")))

    goes = [c.start for c in timeline.cues if c.kind == "beep" and c.text == "go"]
    said = {c.text: c.start for c in timeline.cues if c.kind == "speech"}
    assert "Work: Single-Leg Glute Bridge, right leg." in said
    switches = [c.start for c in timeline.cues if c.text == "Switch sides — left leg."]
    assert len(switches) == len(goes) == 2
    for go, switch in zip(goes, switches, strict=True):
        assert (switch - go) / RATE == pytest.approx(10.0, abs=0.05)
    assert "Halfway." not in said


def test_intervals_of_one_side_only_never_switch_sides(tmp_path):
    from conftest import FakeEngine

    from audio_builder.audio.cache import ClipCache
    from audio_builder.audio.narrator import Narrator

    bridge = (SEEDS / "single-leg-glute-bridge.md").read_text(encoding="utf-8")
    only = tmp_path / "bridge.md"
    only.write_text(bridge + "\nLeft leg only for now.\n", encoding="utf-8")
    plan = {"title": "Bridges", "exercises": [{"tabata": {"path": str(only), "rounds": 2}}]}
    timeline = time_track(
        load(write(tmp_path, plan), {}), Narrator(FakeEngine(), ClipCache(tmp_path / "cache"))
    )

    said = [c.text for c in timeline.cues if c.kind == "speech"]
    assert not any(text.startswith("Switch sides") for text in said)
    assert said.count("Work: Single-Leg Glute Bridge.") == 2


def test_an_emom_takes_one_side_a_minute_and_an_amrap_says_each_side(tmp_path):
    from conftest import FakeEngine

    from audio_builder.audio.cache import ClipCache
    from audio_builder.audio.narrator import Narrator

    bridge = {"path": str(SEEDS / "single-leg-glute-bridge.md"), "reps": 5}
    plan = {
        "title": "Bridges",
        "exercises": [
            {"emom": {"minutes": 2, "exercises": [bridge]}},
            {"amrap": {"minutes": 2, "exercises": [bridge]}},
        ],
    }
    track = load(write(tmp_path, plan), {})
    said = speech(time_track(track, Narrator(FakeEngine(), ClipCache(tmp_path / "cache"))))
    assert "Minute 1 of 2: 5 single-leg glute bridges, right leg." in said
    assert "Minute 2 of 2: 5 single-leg glute bridges, left leg." in said
    assert (
        "5 single-leg glute bridges on each side, as many rounds as you can in 2 minutes." in said
    )
