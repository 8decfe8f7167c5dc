"""Workout plans: several exercises in one MP3, whose ID3 chapters, nested tables of
contents, WebVTT cue sheet and JSON chapters all agree with `script --format json`."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, SEEDS, assert_exit
from mutagen.id3 import ID3, CTOCFlags

from audio_builder.build import load
from audio_builder.cli import main
from audio_builder.reading.plan import parse_plan

TITLE = "Push and Hold"
SLUG = "push-and-hold"
NAMES = ("Push-Up", "Forearm Plank")
PLAN = {
    "title": TITLE,
    "rest_between": 20,
    "exercises": [
        {"path": str(SEEDS / "push-up.md"), "sets": 2, "reps": 5},
        {"path": str(SEEDS / "forearm-plank.md"), "sets": 2, "hold": 20},
    ],
}
MS = 0.001 + 1e-9


def write_plan(folder: Path, data: dict, name: str = "plan.yaml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The plan built once with the fake voice, and its script as JSON and WebVTT."""
    from conftest import FakeEngine, new_runner

    folder = tmp_path_factory.mktemp("plan")
    plan = write_plan(folder, PLAN)
    out = folder / "out"
    engine = FakeEngine()
    runner = new_runner()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("AUDIO_BUILDER_CACHE_DIR", str(folder / "cache"))
        patch.setattr("audio_builder.cli.choose_engine", lambda *args, **kwargs: engine)
        build = runner.invoke(main, ["build", str(plan), "-o", str(out)])
        assert build.exit_code == 0, build.stderr
        as_json = runner.invoke(main, ["script", str(plan), "--format", "json"])
        assert as_json.exit_code == 0, as_json.stderr
        as_vtt = runner.invoke(main, ["script", str(plan), "--format", "vtt"])
        assert as_vtt.exit_code == 0, as_vtt.stderr
    return out, json.loads(as_json.stdout), as_vtt.stdout


def visible(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))


def test_one_mp3_with_its_sidecars_named_after_the_plan(built):
    out, script, _ = built
    assert visible(out) == [f"{SLUG}.chapters.json", f"{SLUG}.mp3", f"{SLUG}.vtt"]
    assert script["title"] == TITLE


def test_id3_chapters_equal_the_script_chapters(built):
    out, script, _ = built
    tags = ID3(out / f"{SLUG}.mp3")
    chaps = sorted(tags.getall("CHAP"), key=lambda frame: frame.start_time)
    expected = script["chapters"]
    assert len(chaps) == len(expected) > 8
    for frame, chapter in zip(chaps, expected, strict=True):
        assert abs(frame.start_time / 1000 - chapter["start"]) <= MS, chapter
        assert abs(frame.end_time / 1000 - chapter["end"]) <= MS, chapter
        assert str(frame.sub_frames["TIT2"]) == chapter["title"]


def exercise_chapters(script: dict, name: str) -> list[str]:
    """The chapters of one exercise: its intro (titled with its name) and its sets,
    rests and "done", titled "<name>: ..."."""
    return [c["title"] for c in script["chapters"] if c["title"].split(":")[0] == name]


def test_a_nested_table_of_contents_per_exercise(built):
    out, script, _ = built
    tags = ID3(out / f"{SLUG}.mp3")
    title_of = {f.element_id: str(f.sub_frames["TIT2"]) for f in tags.getall("CHAP")}
    tocs = {f.element_id: f for f in tags.getall("CTOC")}
    (top,) = [f for f in tocs.values() if f.flags & CTOCFlags.TOP_LEVEL]
    assert top.flags & CTOCFlags.ORDERED
    nested = [tocs[child] for child in top.child_element_ids if child in tocs]
    assert [str(toc.sub_frames["TIT2"]) for toc in nested] == list(NAMES)
    for toc, name in zip(nested, NAMES, strict=True):
        assert toc.flags & CTOCFlags.ORDERED
        members = [title_of[child] for child in toc.child_element_ids]
        assert members == exercise_chapters(script, name)
        assert len(members) >= 5  # intro, set 1, rest, set 2, done
    # every chapter is listed exactly once, in time order, at the top or in its exercise
    listed = []
    for child in top.child_element_ids:
        if child in tocs:
            listed.extend(title_of[c] for c in tocs[child].child_element_ids)
        else:
            listed.append(title_of[child])
    assert listed == [c["title"] for c in script["chapters"]]


VTT_TIME = re.compile(r"^(\d\d):(\d\d):(\d\d\.\d\d\d) --> (\d\d):(\d\d):(\d\d\.\d\d\d)$")


def parse_vtt(text: str) -> list[tuple[float, float, str]]:
    assert text.startswith("WEBVTT")
    cues = []
    lines = text.splitlines()
    for index, line in enumerate(lines):
        if match := VTT_TIME.match(line):
            h1, m1, s1, h2, m2, s2 = match.groups()
            start = int(h1) * 3600 + int(m1) * 60 + float(s1)
            end = int(h2) * 3600 + int(m2) * 60 + float(s2)
            cues.append((start, end, html.unescape(lines[index + 1])))
    return cues


def speech(script: dict) -> list[dict]:
    return [c for c in script["cues"] if c["kind"] == "speech"]


def test_vtt_sidecar_equals_the_script_speech(built):
    out, script, _ = built
    cues = parse_vtt((out / f"{SLUG}.vtt").read_text(encoding="utf-8"))
    expected = speech(script)
    assert len(cues) == len(expected) > 30
    for (start, end, text), cue in zip(cues, expected, strict=True):
        assert text == cue["text"]
        assert abs(start - cue["start"]) <= MS, cue
        assert abs(end - cue["end"]) <= MS, cue


def test_script_vtt_has_one_cue_per_spoken_line(built):
    out, script, vtt = built
    assert vtt.startswith("WEBVTT")
    assert len(parse_vtt(vtt)) == len(speech(script))
    assert vtt == (out / f"{SLUG}.vtt").read_text(encoding="utf-8")


def test_chapters_json_sidecar(built):
    out, script, _ = built
    data = json.loads((out / f"{SLUG}.chapters.json").read_text(encoding="utf-8"))
    assert set(data) == {"version", "chapters"}
    assert data["version"] == "1.2.0"
    assert len(data["chapters"]) == len(script["chapters"])
    for mine, chapter in zip(data["chapters"], script["chapters"], strict=True):
        assert set(mine) == {"startTime", "title"}
        assert mine["title"] == chapter["title"]
        assert abs(mine["startTime"] - chapter["start"]) <= MS


def chapter_speech(script: dict, title: str) -> list[str]:
    (chapter,) = [c for c in script["chapters"] if c["title"] == title]
    return [c["text"] for c in speech(script) if chapter["start"] <= c["start"] < chapter["end"]]


def test_the_coaching_of_the_plan(built):
    _, script, _ = built
    titles = [c["title"] for c in script["chapters"]]
    push, plank = exercise_chapters(script, NAMES[0]), exercise_chapters(script, NAMES[1])
    between = titles[titles.index(push[-1]) + 1 : titles.index(plank[0])]
    assert len(between) == 1  # the rest before the plank, with its preview
    preview = chapter_speech(script, between[0])
    assert preview[0] == "Rest for 20 seconds."
    assert {"Next up: Forearm Plank.", "Last exercise: Forearm Plank."} & set(preview)
    for name in NAMES:
        sets = [t for t in exercise_chapters(script, name) if t.startswith(f"{name}: Set ")]
        assert len(sets) == 2
        assert chapter_speech(script, sets[0])[0] == "Set 1 of 2."
        assert chapter_speech(script, sets[-1])[0] == "Final set."
        done = chapter_speech(script, f"{name}: Done")
        assert done == [f"Nice work — that's the {name} done."]
    plank_set = chapter_speech(script, f"{NAMES[1]}: Set 1")
    assert "Hold for 20 seconds." in plank_set
    assert "Five." in chapter_speech(script, f"{NAMES[0]}: Set 2")
    assert "Six." not in chapter_speech(script, f"{NAMES[0]}: Set 2")


def test_no_sidecars_writes_only_the_mp3(runner, cli_engine, tmp_path):
    plan = write_plan(tmp_path, PLAN)
    out = tmp_path / "out"

    fast = ["--sets", "1", "--bitrate", "32"]
    result = runner.invoke(main, ["build", str(plan), "-o", str(out), "--no-sidecars", *fast])

    assert result.exit_code == 0, result.stderr
    assert visible(out) == [f"{SLUG}.mp3"]


def errors_of(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("error:")]


def test_a_missing_exercise_fails_naming_the_plan(runner, cli_engine, tmp_path):
    data = dict(PLAN, exercises=[*PLAN["exercises"], {"path": "no-such-exercise.md"}])
    plan = write_plan(tmp_path, data, "broken-plan.yaml")

    result = runner.invoke(main, ["build", str(plan), "-o", str(tmp_path / "out")])

    assert_exit(result, 1)
    (error,) = errors_of(result)
    assert "broken-plan.yaml" in error
    assert "no-such-exercise.md" in error
    assert not (tmp_path / "out").exists() or visible(tmp_path / "out") == []


def test_a_plan_without_exercises_fails_clearly(runner, cli_engine, tmp_path):
    plan = write_plan(tmp_path, dict(PLAN, exercises=[]), "empty.yaml")

    built = runner.invoke(main, ["build", str(plan), "-o", str(tmp_path / "out")])
    shown = runner.invoke(main, ["script", str(plan)])

    for result in (built, shown):
        assert_exit(result, 1)
        (error,) = errors_of(result)
        assert "empty.yaml" in error
        assert "'exercises'" in error and "non-empty" in error
    assert cli_engine.calls == []


# the shipped plans: workouts/ at the top, or beside the seeds they use
SHIPPED = sorted({*ROOT.glob("workouts/*.yaml"), *SEEDS.glob("workouts/*.yaml")})


def test_there_are_shipped_plans():
    assert len(SHIPPED) >= 2


@pytest.mark.parametrize("path", SHIPPED, ids=[p.stem for p in SHIPPED])
def test_shipped_plans_load_and_use_only_seeds(path):
    plan = parse_plan(path)
    seeds = {p.resolve() for p in SEEDS.glob("*.md")}
    for entry in plan.entries:
        assert entry.path.resolve() in seeds, entry.path

    track = load(path, {})

    assert track.title == plan.title
    groups = [s.group for s in track.script.sections if s.group]
    chapters = len(plan.items) + bool(plan.warmup) + bool(plan.cooldown)
    assert len(dict.fromkeys(groups)) == chapters
