"""The command line with the fake engine: exit codes, messages, and agreement between
`script` and the MP3 that `build` writes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import miniaudio
import pytest
from conftest import SEEDS, SIMPLE_DOC, assert_exit

from audio_builder.audio.engines.google import GoogleEngine
from audio_builder.build import load
from audio_builder.cli import main

GOOD = SIMPLE_DOC

BAD = """---
reps: "lots"
---
<!-- howto -->

### Raise
Raise your arms.
"""

FAST = ["--sets", "1", "--reps", "3", "--jobs", "1"]  # one process: the fake engine records


@pytest.fixture
def folder(write_doc) -> Path:
    write_doc("arm-raise.md", GOOD.format(title="Arm Raise"))
    write_doc("calf-lift.md", GOOD.format(title="Calf Lift"))
    return write_doc("wall-push.md", GOOD.format(title="Wall Push")).parent


def mp3s(out: Path) -> list[str]:
    return sorted(path.name for path in out.glob("*.mp3")) if out.exists() else []


def decoded_seconds(path: Path) -> float:
    decoded = miniaudio.mp3_read_file_s16(str(path))
    assert decoded.nchannels == 1
    return decoded.num_frames / decoded.sample_rate


def test_build_good_documents(runner, cli_engine, folder, tmp_path):
    out = tmp_path / "out"

    result = runner.invoke(main, ["build", str(folder), "-o", str(out), *FAST])

    assert result.exit_code == 0, result.stderr
    assert mp3s(out) == ["arm-raise.mp3", "calf-lift.mp3", "wall-push.mp3"]
    assert "3 built, 0 up to date, 0 failed" in result.stderr
    assert cli_engine.calls  # the fake engine did the speaking


def test_build_with_a_bad_document_builds_the_others_and_fails(
    runner, cli_engine, write_doc, tmp_path
):
    write_doc("arm-raise.md", GOOD.format(title="Arm Raise"))
    write_doc("broken.md", BAD)
    folder = write_doc("calf-lift.md", GOOD.format(title="Calf Lift")).parent
    out = tmp_path / "out"

    result = runner.invoke(main, ["build", str(folder), "-o", str(out), *FAST])

    assert_exit(result, 1)
    assert mp3s(out) == ["arm-raise.mp3", "calf-lift.mp3"]
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1
    assert "broken.md" in errors[0]
    assert "'reps'" in errors[0]
    assert "2 built, 0 up to date, 1 failed" in result.stderr


def test_second_build_synthesizes_nothing(runner, cli_engine, folder, tmp_path):
    first = runner.invoke(main, ["build", str(folder), "-o", str(tmp_path / "a"), *FAST])
    calls = len(cli_engine.calls)

    second = runner.invoke(main, ["build", str(folder), "-o", str(tmp_path / "b"), *FAST])

    assert first.exit_code == second.exit_code == 0
    assert calls > 0
    spoken = sum(
        len(load(doc, {"sets": 1, "reps": 3}).script.phrases()) for doc in folder.glob("*.md")
    )  # each track's distinct lines: synthesized for it, or taken from the cache
    assert f"{calls} clips synthesized, {spoken - calls} from the cache" in first.stderr
    assert (
        f"3 built, 0 up to date, 0 failed; 0 clips synthesized, {spoken} from the cache"
        in second.stderr
    )
    assert len(cli_engine.calls) == calls
    assert mp3s(tmp_path / "b") == mp3s(tmp_path / "a")


def test_rerun_into_the_same_folder_rebuilds_only_what_changed(
    runner, cli_engine, folder, tmp_path
):
    args = ["build", str(folder), "-o", str(tmp_path / "out"), *FAST]
    runner.invoke(main, args)
    untouched = (tmp_path / "out" / "arm-raise.mp3").stat().st_mtime_ns

    again = runner.invoke(main, args)
    (folder / "calf-lift.md").write_text(
        (folder / "calf-lift.md").read_text() + "\n### Tip\n- Breathe out as you rise.\n"
    )
    edited = runner.invoke(main, args)
    other_settings = runner.invoke(main, [*args, "--reps", "4"])

    assert "0 built, 3 up to date, 0 failed" in again.stderr
    assert "1 built, 2 up to date, 0 failed" in edited.stderr
    assert "built " + str(tmp_path / "out" / "calf-lift.mp3") in edited.stderr
    assert "3 built, 0 up to date, 0 failed" in other_settings.stderr
    assert (tmp_path / "out" / "arm-raise.mp3").stat().st_mtime_ns != untouched


def _summary(result) -> str:
    return result.stderr.strip().splitlines()[-1]


def _damage(path: Path, how: str) -> None:
    if how == "deleted":
        path.unlink()
    else:  # same size, other bytes
        data = path.read_bytes()
        path.write_bytes(data[:-1] + bytes([data[-1] ^ 0x20]))


@pytest.mark.parametrize("how", ["deleted", "changed"])
@pytest.mark.parametrize("suffix", [".mp3", ".vtt", ".chapters.json"])
def test_a_deleted_or_changed_file_is_written_again(
    runner, cli_engine, folder, tmp_path, suffix, how
):
    args = ["build", str(folder), "-o", str(tmp_path / "out"), *FAST]
    assert runner.invoke(main, args).exit_code == 0
    damaged = tmp_path / "out" / f"calf-lift{suffix}"
    before = damaged.read_bytes()
    _damage(damaged, how)

    again = runner.invoke(main, args)

    assert again.exit_code == 0, again.stderr
    assert _summary(again).startswith("1 built, 2 up to date, 0 failed")
    assert f"built {tmp_path / 'out' / 'calf-lift.mp3'}" in again.stderr
    assert damaged.read_bytes() == before


def test_without_sidecars_only_the_mp3_is_checked(runner, cli_engine, folder, tmp_path):
    args = ["build", str(folder), "-o", str(tmp_path / "out"), "--no-sidecars", *FAST]
    assert runner.invoke(main, args).exit_code == 0

    again = runner.invoke(main, args)

    assert _summary(again).startswith("0 built, 3 up to date, 0 failed")
    assert not list((tmp_path / "out").glob("*.vtt"))


def test_podcast_rewrites_a_deleted_chapters_file(runner, cli_engine, folder, tmp_path):
    out = tmp_path / "pod"
    args = ["podcast", str(folder), "-o", str(out), "--base-url", "https://example.com/", *FAST]
    assert runner.invoke(main, args).exit_code == 0
    lost = out / "episodes" / "arm-raise.chapters.json"
    before = lost.read_bytes()
    lost.unlink()

    again = runner.invoke(main, args)

    assert again.exception is None or isinstance(again.exception, SystemExit), repr(again.exception)
    assert again.exit_code == 0, again.stderr
    assert _summary(again).startswith("1 built, 2 up to date, 0 failed")
    assert lost.read_bytes() == before


def test_bad_option_value_is_a_usage_error(runner, cli_engine, folder, tmp_path):
    out = tmp_path / "out"

    result = runner.invoke(main, ["build", str(folder), "-o", str(out), "--reps", "lots"])

    assert_exit(result, 2)
    assert "'reps'" in result.stderr
    assert mp3s(out) == []
    assert cli_engine.calls == []


def test_script_json_matches_the_built_mp3(runner, cli_engine, write_doc, tmp_path):
    doc = write_doc("arm-raise.md", GOOD.format(title="Arm Raise"))
    out = tmp_path / "out"
    built = runner.invoke(main, ["build", str(doc), "-o", str(out), "--sets", "2", "--reps", "4"])
    assert built.exit_code == 0, built.stderr

    result = runner.invoke(
        main, ["script", str(doc), "--format", "json", "--sets", "2", "--reps", "4"]
    )

    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) >= {"title", "duration", "cues", "chapters"}
    assert data["title"] == "Arm Raise"
    assert data["duration"] == pytest.approx(decoded_seconds(out / "arm-raise.mp3"), abs=0.06)
    assert data["chapters"][-1]["end"] == pytest.approx(data["duration"], abs=0.001)
    assert [c["title"] for c in data["chapters"]][:2] == ["Intro", "Set 1"]
    assert any(cue["text"] == "Four." for cue in data["cues"])


def test_script_changes_with_settings(runner, cli_engine, write_doc):
    doc = write_doc("arm-raise.md", GOOD.format(title="Arm Raise"))

    short = json.loads(
        runner.invoke(
            main, ["script", str(doc), "--format", "json", "--sets", "1", "--reps", "2"]
        ).stdout
    )
    longer = json.loads(
        runner.invoke(
            main, ["script", str(doc), "--format", "json", "--sets", "1", "--reps", "6"]
        ).stdout
    )

    assert longer["duration"] > short["duration"]
    assert not any(cue["text"] == "Six." for cue in short["cues"])
    assert any(cue["text"] == "Six." for cue in longer["cues"])


def test_script_reads_ranges_and_times_in_options_and_front_matter(runner, cli_engine, write_doc):
    doc = write_doc(
        "arm-raise.md", GOOD.format(title="Arm Raise").replace("---\n", "---\nrest: 2-3 min\n", 1)
    )

    result = runner.invoke(main, ["script", str(doc), "--reps", "8-12", "--sets", "2"])

    assert result.exit_code == 0, result.stderr
    lines = [line.strip() for line in result.stdout.splitlines()]
    assert "reps: 8 to 12 (option)" in lines
    assert "rest: 180 s (front matter)" in lines
    assert result.stdout.count("Keep going if you can.") == 2  # after the eighth rep of each set
    assert result.stdout.count("Twelve.") == 2 and "Thirteen." not in result.stdout


def test_script_text_lists_the_step_classification(runner, cli_engine):
    result = runner.invoke(main, ["script", str(SEEDS / "band-glute-kickback.md")])

    assert result.exit_code == 0, result.stderr
    lines = [line.strip() for line in result.stdout.splitlines()]
    assert lines[0].startswith("Band Glute Kickback")

    def understood(step: str) -> str:
        (line,) = [line for line in lines if line.startswith(f"{step}:")]
        return line.removeprefix(f"{step}:")

    assert understood("Set Up").strip() == "set-up"
    assert understood("Brace Your Core").strip() == "set-up"
    assert understood("Kick Back").strip().startswith("up 2 s")
    squeeze = understood("Squeeze at the Top")
    assert 0 <= squeeze.index("hold 1 s (from the text)") < squeeze.index("down")
    assert "sides: left-right (leg)" in lines


def test_script_of_a_bad_document_fails_with_one_line(runner, cli_engine, write_doc):
    doc = write_doc("broken.md", BAD)

    result = runner.invoke(main, ["script", str(doc)])

    assert_exit(result, 1)
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1
    assert "broken.md" in errors[0]
    assert result.stdout == ""


def test_engines_lists_piper_and_gtts(runner, monkeypatch):
    monkeypatch.setattr(GoogleEngine, "reachable", staticmethod(lambda timeout=1.5: False))

    result = runner.invoke(main, ["engines"])

    assert result.exit_code == 0, result.stderr
    names = [line.split(":")[0] for line in result.stdout.splitlines() if not line.startswith(" ")]
    assert "piper" in names
    assert "gtts" in names
    assert "gtts: unavailable: Google is not reachable" in result.stdout
    assert "en_US-joe-medium" in result.stdout


def test_engines_prints_the_clip_cache_folder(runner, cache_dir, monkeypatch):
    monkeypatch.setattr(GoogleEngine, "reachable", staticmethod(lambda timeout=1.5: False))

    result = runner.invoke(main, ["engines"])

    assert_exit(result, 0)
    assert f"clip cache: {cache_dir}" in result.stdout.splitlines()


def test_the_console_script_reports_a_bad_document_in_one_line(write_doc):
    """The installed command in its own process: what a user sees, a traceback included."""
    doc = write_doc("broken.md", BAD)
    script = Path(sys.executable).with_name("audio-builder")
    command = [str(script)] if script.is_file() else [sys.executable, "-m", "audio_builder"]

    done = subprocess.run(
        [*command, "script", str(doc), "--engine", "piper"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert done.returncode == 1
    [line] = done.stderr.splitlines()
    assert line.startswith(f"error: {doc}: ")
    assert done.stdout == ""


def test_python_dash_m_help():
    result = subprocess.run(
        [sys.executable, "-m", "audio_builder", "--help"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    for command in ("build", "script", "engines"):
        assert command in result.stdout


def test_same_title_twice_in_one_build(runner, cli_engine, write_doc, tmp_path):
    write_doc("a-first.md", GOOD.format(title="Arm Raise"))
    folder = write_doc("b-second.md", GOOD.format(title="Arm Raise")).parent
    out = tmp_path / "out"

    result = runner.invoke(main, ["build", str(folder), "-o", str(out), *FAST])

    assert_exit(result, 1)
    assert mp3s(out) == ["arm-raise.mp3"]
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1
    assert "b-second.md" in errors[0]
    assert "taken" in errors[0]
    assert "a-first.md" in errors[0]
    assert "1 built, 0 up to date, 1 failed" in result.stderr
