"""Building in worker processes (--jobs 2) makes the same tracks as building in one:
the same files, the same lengths, chapters and cue sheets, matching `script`."""

from __future__ import annotations

import json
import re
from pathlib import Path

import miniaudio
import pytest
from mutagen.id3 import ID3

from audio_builder.cli import main

DOC = """---
title: {title}
description: "A short test exercise."
{extra}---
<!-- howto -->

### Set Up
Stand tall.

### Raise
Raise your {part}.

### Lower
Lower your {part}.
"""
DOCS = {
    "arm-raise.md": DOC.format(title="Arm Raise", extra="", part="arms"),
    "calf-lift.md": DOC.format(title="Calf Lift", extra="tempo: 1-1-1\n", part="heels"),
    "knee-lift.md": DOC.format(title="Knee Lift", extra="", part="knees"),
    "wall-hold.md": DOC.format(title="Wall Hold", extra="hold: 5\n", part="hips"),
}
FAST = ["--sets", "1", "--reps", "2"]


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    for name, text in DOCS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def build(runner, monkeypatch, docs: Path, out: Path, jobs: int, cache: Path):
    monkeypatch.setenv("AUDIO_BUILDER_CACHE_DIR", str(cache))
    args = ["build", str(docs), "-o", str(out), "--jobs", str(jobs), *FAST]
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.stderr
    return result


def synthesized(result) -> int:
    return int(re.search(r"(\d+) clips synthesized", result.stderr).group(1))


def track(path: Path) -> tuple[float, list[tuple[int, int, str]], str]:
    decoded = miniaudio.mp3_read_file_s16(str(path))
    chapters = [
        (frame.start_time, frame.end_time, str(frame.sub_frames["TIT2"]))
        for frame in ID3(path).getall("CHAP")
    ]
    return decoded.num_frames / decoded.sample_rate, chapters, str(ID3(path)["TRCK"])


def test_two_workers_build_what_one_process_builds(docs, tmp_path, runner, cli_engine, monkeypatch):
    one = build(runner, monkeypatch, docs, tmp_path / "one", 1, tmp_path / "cache-one")
    assert synthesized(one) > 0
    calls_in_process = len(cli_engine.calls)
    assert calls_in_process > 0

    two = build(runner, monkeypatch, docs, tmp_path / "two", 2, tmp_path / "cache-two")
    # the fake voice spoke in the workers (a fresh cache), not in this process; two
    # workers may each synthesize a shared phrase ("One.") before either has cached it
    assert synthesized(two) >= synthesized(one)
    assert len(cli_engine.calls) == calls_in_process
    assert "4 built, 0 up to date, 0 failed" in two.stderr

    names = sorted(p.name for p in (tmp_path / "one").iterdir() if not p.name.startswith("."))
    assert names == sorted(
        p.name for p in (tmp_path / "two").iterdir() if not p.name.startswith(".")
    )
    assert len([name for name in names if name.endswith(".mp3")]) == 4

    for name in DOCS:
        stem = Path(name).stem
        script = runner.invoke(main, ["script", str(docs / name), "--format", "json", *FAST])
        assert script.exit_code == 0, script.stderr
        expected = json.loads(script.stdout)["duration"]
        seconds_one, chapters_one, number_one = track(tmp_path / "one" / f"{stem}.mp3")
        seconds_two, chapters_two, number_two = track(tmp_path / "two" / f"{stem}.mp3")
        assert seconds_one == seconds_two, stem
        assert seconds_one == pytest.approx(expected, abs=0.06), stem
        assert chapters_one == chapters_two, stem
        assert number_one == number_two, stem
        for suffix in (".vtt", ".chapters.json"):
            first = (tmp_path / "one" / f"{stem}{suffix}").read_text()
            assert first == (tmp_path / "two" / f"{stem}{suffix}").read_text(), stem + suffix
