"""Issue 5, point 5: a disk that says no costs the track it was writing, with one line
saying why, and never a file that was already there."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from conftest import SIMPLE_DOC, assert_exit, error_lines

from audio_builder import atomic
from audio_builder.audio.cache import ClipCache
from audio_builder.cli import main

DOC = SIMPLE_DOC
NAMES = ["arm-raise", "calf-lift", "wall-push"]
FAST = ["--sets", "1", "--reps", "3", "--jobs", "1"]


@pytest.fixture
def folder(write_doc) -> Path:
    for name in NAMES:
        path = write_doc(f"{name}.md", DOC.format(title=name.replace("-", " ").title()))
    return path.parent


def build(runner, *args: str):
    return runner.invoke(main, ["build", *args, *FAST])


def test_output_path_that_is_a_file(runner, cli_engine, folder, tmp_path):
    taken = tmp_path / "out.mp3"
    taken.write_bytes(b"not a folder")

    result = build(runner, str(folder), "-o", str(taken))

    assert_exit(result, 2)
    assert str(taken) in result.stderr and "is a file" in result.stderr
    assert taken.read_bytes() == b"not a folder"


def test_output_folder_below_a_file(runner, cli_engine, folder, tmp_path):
    (tmp_path / "plain").write_bytes(b"x")
    out = tmp_path / "plain" / "out"

    result = build(runner, str(folder), "-o", str(out))

    assert_exit(result, 1)
    lines = error_lines(result)
    assert len(lines) == 3
    assert all("cannot write" in line for line in lines)


def test_missing_input_path(runner, cli_engine, tmp_path):
    missing = tmp_path / "nowhere.md"

    result = build(runner, str(missing), "-o", str(tmp_path / "out"))

    assert_exit(result, 2)
    assert "does not exist" in result.stderr and str(missing) in result.stderr
    assert not (tmp_path / "out").exists()


def refuse_for(monkeypatch, name: str, where: str, error: OSError) -> None:
    """Make the disk refuse the file called ``name`` (and only it) at ``where``."""
    if where == "create":  # the temporary file beside it
        real_open = open

        def create(file, *args, **kwargs):
            if Path(file).name.startswith(f".{name}."):
                raise error
            return real_open(file, *args, **kwargs)

        monkeypatch.setattr(atomic, "open", create, raising=False)
    else:
        real_replace = os.replace

        def replace(source, target, *args, **kwargs):
            if Path(target).name == name:
                raise error
            return real_replace(source, target, *args, **kwargs)

        monkeypatch.setattr(atomic.os, "replace", replace)


FAULTS = {
    "permission-at-create": ("create", PermissionError(errno.EACCES, "Permission denied")),
    "disk-full-at-rename": ("replace", OSError(errno.ENOSPC, "No space left on device")),
}


@pytest.mark.parametrize("fault", list(FAULTS))
def test_unwritable_track_fails_alone_and_keeps_the_old_file(
    runner, cli_engine, folder, tmp_path, monkeypatch, fault
):
    out = tmp_path / "out"
    assert build(runner, str(folder), "-o", str(out)).exit_code == 0
    before = {path.name: path.read_bytes() for path in out.iterdir()}
    for name in NAMES:  # every track must be rebuilt
        doc = folder / f"{name}.md"
        doc.write_text(doc.read_text() + "\nA new line.\n")
    where, error = FAULTS[fault]
    refuse_for(monkeypatch, "calf-lift.mp3", where, error)

    result = build(runner, str(folder), "-o", str(out))

    assert_exit(result, 1)
    [line] = error_lines(result)
    assert line == f"error: {out / 'calf-lift.mp3'}: cannot write: {error.strerror}"
    for suffix in (".mp3", ".vtt", ".chapters.json"):  # untouched, byte for byte
        assert (out / f"calf-lift{suffix}").read_bytes() == before[f"calf-lift{suffix}"]
    for name in ("arm-raise", "wall-push"):
        assert (out / f"{name}.mp3").read_bytes() != before[f"{name}.mp3"]  # rebuilt
    assert not [path for path in out.iterdir() if path.name.endswith(".tmp")]
    assert "2 built, 0 up to date, 1 failed" in result.stderr


def test_first_build_of_an_unwritable_track_leaves_nothing(
    runner, cli_engine, folder, tmp_path, monkeypatch
):
    out = tmp_path / "out"
    refuse_for(monkeypatch, "calf-lift.mp3", "replace", OSError(errno.ENOSPC, "No space"))

    result = build(runner, str(folder), "-o", str(out))

    assert_exit(result, 1)
    assert sorted(path.name for path in out.glob("calf-lift*")) == []
    assert sorted(path.name for path in out.glob("*.mp3")) == ["arm-raise.mp3", "wall-push.mp3"]


def test_unwritable_manifest_is_not_a_crash(runner, cli_engine, folder, tmp_path, monkeypatch):
    out = tmp_path / "out"
    refuse_for(monkeypatch, ".audio_builder.json", "replace", OSError(errno.ENOSPC, "No space"))

    result = build(runner, str(folder), "-o", str(out))

    assert_exit(result, 0)
    assert sorted(path.name for path in out.glob("*.mp3")) == [f"{n}.mp3" for n in NAMES]
    assert "No space" in result.stderr


def test_unwritable_cache_still_builds_with_a_note(
    runner, cli_engine, folder, tmp_path, monkeypatch
):
    def refuse(self, key, pcm):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(ClipCache, "put", refuse)
    out = tmp_path / "out"

    result = build(runner, str(folder), "-o", str(out))

    assert_exit(result, 0)
    assert sorted(path.name for path in out.glob("*.mp3")) == [f"{n}.mp3" for n in NAMES]
    notes = [line for line in result.stderr.splitlines() if line.startswith("note:")]
    assert len(notes) == 3
    assert all("could not be saved in the cache" in note for note in notes)


def test_cache_dir_that_is_a_file_still_builds(runner, cli_engine, folder, tmp_path, monkeypatch):
    blocker = tmp_path / "cache-file"
    blocker.write_bytes(b"in the way")
    monkeypatch.setenv("AUDIO_BUILDER_CACHE_DIR", str(blocker))

    result = build(runner, str(folder), "-o", str(tmp_path / "out"))

    assert_exit(result, 0)
    assert "could not be saved in the cache" in result.stderr
    assert blocker.read_bytes() == b"in the way"
