"""The limits and exit codes the README promises: a track of at most 4 hours, a plan of at
most 50 exercises (both refused with one line before any synthesis), and exit 2 when a
folder holds nothing to build."""

from __future__ import annotations

import pytest
import yaml
from conftest import SIMPLE_DOC, assert_exit, error_lines

from audio_builder.build import load
from audio_builder.cli import main
from audio_builder.reading.plan import parse_plan
from audio_builder.settings import MAX_PLAN_EXERCISES, MAX_TRACK_SECONDS

LONG = "---\ntitle: Long Haul\nsets: {sets}\nreps: 100\ntempo: 10-10-10\n---\n<!-- howto -->\n"
STEPS = SIMPLE_DOC.split("<!-- howto -->\n", 1)[1]


def long_doc(write_doc, sets: int):
    return write_doc("long-haul.md", LONG.format(sets=sets) + STEPS)


def test_a_track_just_under_four_hours_is_timed(runner, cli_engine, write_doc):
    doc = long_doc(write_doc, 6)  # 6 sets of 100 reps of 20 s (up, down): 3 h 20 min
    planned = load(doc, {}).script.planned_seconds()
    assert 3 * 3600 < planned < MAX_TRACK_SECONDS

    result = runner.invoke(main, ["script", str(doc), "--format", "json"])

    assert_exit(result, 0)


def test_a_track_over_four_hours_fails_before_any_synthesis(
    runner, cli_engine, write_doc, tmp_path
):
    doc = long_doc(write_doc, 8)  # 4 h 27 min
    assert load(doc, {}).script.planned_seconds() > MAX_TRACK_SECONDS
    out = tmp_path / "out"

    result = runner.invoke(main, ["build", str(doc), "-o", str(out), "--jobs", "1"])

    assert_exit(result, 1)
    [line] = error_lines(result)
    assert line.startswith(f"error: {doc}: the track would last over 4.")
    assert "the limit is 4 hours" in line
    assert cli_engine.calls == []
    assert not list(out.glob("*.mp3"))


def write_plan(write_doc, count: int):
    write_doc("arm-raise.md", SIMPLE_DOC.format(title="Arm Raise"))
    plan = {"title": "Many", "exercises": ["arm-raise.md"] * count}
    return write_doc("many.yaml", yaml.safe_dump(plan))


def test_a_plan_of_fifty_exercises_is_read(write_doc):
    plan = write_plan(write_doc, MAX_PLAN_EXERCISES)

    assert len(parse_plan(plan).entries) == MAX_PLAN_EXERCISES


def test_a_plan_of_fifty_one_exercises_fails_in_one_line(runner, cli_engine, write_doc, tmp_path):
    plan = write_plan(write_doc, MAX_PLAN_EXERCISES + 1)

    result = runner.invoke(main, ["build", str(plan), "-o", str(tmp_path / "out")])

    assert_exit(result, 1)
    [line] = error_lines(result)
    assert line == f"error: {plan}: 51 exercises; a plan may have 50"
    assert cli_engine.calls == []


@pytest.mark.parametrize("command", ["build", "podcast"])
def test_a_folder_with_nothing_to_build_is_a_usage_error(runner, cli_engine, tmp_path, command):
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.txt").write_text("not an exercise")
    podcast = ["--base-url", "https://example.com/"] if command == "podcast" else []

    result = runner.invoke(main, [command, str(empty), "-o", str(tmp_path / "out"), *podcast])

    assert_exit(result, 2)
    assert f"no exercises (.md) or plans (.yaml) found in {empty}" in result.stderr
    assert cli_engine.calls == []
