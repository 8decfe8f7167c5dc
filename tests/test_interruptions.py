"""Issue 5, point 4: a build killed at any moment leaves only whole files under real
names, and the next run finishes the job. Real processes, real offline voice."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import miniaudio
import pytest
from mutagen.id3 import ID3

from audio_builder.audio.cache import ClipCache
from audio_builder.audio.engines.piper_voice import PiperEngine
from audio_builder.cli import main

pytestmark = pytest.mark.skipif(PiperEngine.check() is not None, reason="no offline voice")

DOC = """---
title: {title}
sets: {sets}
reps: {reps}
---
<!-- howto -->

### Set Up
Stand tall.

### Raise
Raise your {part}.

### Lower
Lower your {part}.
"""
NAMES = ["arm-raise", "heel-lift", "toe-tap"]
SIZES = [(1, 3), (1, 3), (3, 12)]  # sets, reps: the last track is long, so a build is
# still running when the earlier ones are written
MANIFEST = ".audio_builder.json"


def write_docs(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, part, (sets, reps) in zip(NAMES, ["arms", "heels", "toes"], SIZES, strict=True):
        title = name.replace("-", " ").title()
        (folder / f"{name}.md").write_text(
            DOC.format(title=title, part=part, sets=sets, reps=reps), encoding="utf-8"
        )
    return folder


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    return write_docs(tmp_path / "docs")


@pytest.fixture(scope="module")
def warm_cache(tmp_path_factory) -> Path:
    """A clip cache holding every line of the three documents, made once: a run with it
    synthesizes nothing (and never loads the model), so it gets to the writing fast."""
    root = tmp_path_factory.mktemp("warm")
    process = start(write_docs(root / "docs"), root / "out", root / "cache")
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 0, stderr
    return root / "cache"


@pytest.fixture
def warm(warm_cache: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(warm_cache, tmp_path / "warm-cache"))


def start(docs: Path, out: Path, cache: Path, jobs: int = 1) -> subprocess.Popen:
    env = {**os.environ, "AUDIO_BUILDER_CACHE_DIR": str(cache)}
    command = [
        sys.executable,
        "-m",
        "audio_builder",
        "build",
        str(docs),
        "-o",
        str(out),
        "--engine",
        "piper",
        "--jobs",
        str(jobs),
    ]
    return subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def wait_for(process: subprocess.Popen, found, timeout: float = 60) -> bool:
    """Poll until ``found()`` or the process ends; True if it was still running."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if found():
            return process.poll() is None
        if process.poll() is not None:
            return False
        time.sleep(0.002)
    pytest.fail("the build neither finished nor reached the point in time")


def temp_files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.name.endswith(".tmp")] if folder.exists() else []


def assert_only_whole_files(out: Path) -> None:
    if not out.exists():
        return
    for path in out.iterdir():
        name = path.name
        if name.endswith(".mp3"):
            decoded = miniaudio.decode_file(str(path))
            assert decoded.num_frames > decoded.sample_rate, name  # over a second of audio
            assert ID3(path).get("TIT2"), name
        elif name.endswith(".chapters.json"):
            assert json.loads(path.read_text())["chapters"], name
        elif name.endswith(".vtt"):
            assert path.read_text().startswith("WEBVTT"), name
        elif name == MANIFEST:
            json.loads(path.read_text())
        else:  # the lock that guards the manifest, or a killed run's hidden temporary file
            assert name == f"{MANIFEST}.lock" or (name.startswith(".") and name.endswith(".tmp")), (
                name
            )


def assert_next_run_completes(docs: Path, out: Path, cache: Path) -> None:
    process = start(docs, out, cache)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 0, stderr
    assert sorted(p.name for p in out.glob("*.mp3")) == [f"{n}.mp3" for n in NAMES]
    assert_only_whole_files(out)  # a killed run's temp files may stay, hidden


def clip(cache: Path, line: str) -> Path:
    """Where the offline voice's clip of ``line`` is cached."""
    return ClipCache(cache).path(ClipCache.key("piper", PiperEngine().voice, line))


def forget(cache: Path, *lines: str) -> None:
    for line in lines:
        clip(cache, line).unlink()


POINTS = {
    "first-cache-write": None,  # one of the clips removed from the cache is written again
    "first-temp-mp3": lambda out, cache: bool(temp_files(out)),
    "first-mp3": lambda out, cache: any(out.glob("*.mp3")),
    "second-mp3": lambda out, cache: len(list(out.glob("*.mp3"))) >= 2,
}


@pytest.mark.parametrize("point", list(POINTS))
def test_sigkill_leaves_only_whole_files(docs, tmp_path, warm_cache, point):
    out = tmp_path / "out"
    cache = Path(shutil.copytree(warm_cache, tmp_path / "cache"))
    removed = sorted(cache.rglob("*.pcm"))[:3] if point == "first-cache-write" else []
    for entry in removed:
        entry.unlink()
    reached = POINTS[point] or (lambda out, cache: any(entry.exists() for entry in removed))
    process = start(docs, out, cache)

    running = wait_for(process, lambda: reached(out, cache))
    process.kill()
    process.communicate(timeout=30)

    assert_only_whole_files(out)
    assert all(ClipCache(cache).get(p.stem) for p in cache.rglob("*.pcm"))
    assert_next_run_completes(docs, out, cache)
    assert running, f"the build ended before {point}"


def test_sigint_stops_without_a_traceback(docs, tmp_path, warm):
    out, cache = tmp_path / "out", warm
    # The last track must load the voice and speak: still running when the signal comes.
    forget(cache, "Toe Tap.", "Raise your toes.", "Lower your toes.")
    process = start(docs, out, cache)

    running = wait_for(process, lambda: any(out.glob("*.mp3")))
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=30)

    assert running, "the build ended before it could be interrupted"
    assert process.returncode != 0
    assert "Traceback" not in stderr, stderr
    assert "KeyboardInterrupt" not in stderr
    assert len(list(out.glob("*.mp3"))) < len(NAMES)
    assert_only_whole_files(out)
    assert temp_files(out) == []  # an orderly stop cleans up after itself
    assert_next_run_completes(docs, out, cache)
    assert temp_files(out) == []


def test_two_builds_at_once_share_cache_and_folder(docs, tmp_path, warm):
    out, cache = tmp_path / "out", warm

    first, second = start(docs, out, cache), start(docs, out, cache)
    results = [(p.communicate(timeout=120)[1], p.returncode) for p in (first, second)]

    for stderr, code in results:
        assert code == 0, stderr
        assert "Traceback" not in stderr
    assert sorted(p.name for p in out.glob("*.mp3")) == [f"{n}.mp3" for n in NAMES]
    assert_only_whole_files(out)
    assert temp_files(out) == [] and temp_files(cache) == []
    assert all(ClipCache(cache).get(p.stem) for p in cache.rglob("*.pcm"))


@pytest.mark.parametrize("damage", ["truncate", "flip-a-byte", "empty"])
def test_damaged_cache_entry_is_synthesized_again(
    runner, cli_engine, write_doc, tmp_path, cache_dir, damage
):
    doc = write_doc("arm-raise.md", DOC.format(title="Arm Raise", part="arms", sets=1, reps=3))
    args = ["build", str(doc), "--jobs", "1", "--sets", "1", "--reps", "3"]
    assert runner.invoke(main, [*args, "-o", str(tmp_path / "one")]).exit_code == 0
    phrase = "Raise your arms."
    entry = ClipCache(cache_dir).path(ClipCache.key("fake", "test", phrase))
    data = entry.read_bytes()
    if damage == "truncate":
        entry.write_bytes(data[: len(data) // 2])
    elif damage == "flip-a-byte":
        entry.write_bytes(data[:-1] + bytes([data[-1] ^ 0xFF]))
    else:
        entry.write_bytes(b"")
    cli_engine.calls.clear()

    result = runner.invoke(main, [*args, "-o", str(tmp_path / "two")])

    assert result.exit_code == 0, result.stderr
    assert cli_engine.calls == [phrase]
    assert ClipCache(cache_dir).get(entry.stem) is not None  # repaired
    assert_only_whole_files(tmp_path / "two")


def processes_started_by(pid: int) -> list[int]:
    """The live processes whose parent is ``pid``, read from /proc."""
    return [
        int(stat.parent.name) for stat in Path("/proc").glob("[0-9]*/stat") if parent(stat) == pid
    ]


def parent(stat: Path) -> int | None:
    try:
        state, ppid = stat.read_text().rsplit(")", 1)[1].split()[:2]
    except (OSError, IndexError, ValueError):
        return None  # gone meanwhile
    return int(ppid) if state != "Z" else None


def alive(pid: int) -> bool:
    """Running, neither gone nor a zombie waiting to be reaped."""
    return parent(Path(f"/proc/{pid}/stat")) is not None


def wait_until_gone(pids: list[int], timeout: float) -> list[int]:
    deadline = time.monotonic() + timeout
    while any(alive(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.02)
    return [pid for pid in pids if alive(pid)]


needs_proc = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")


@needs_proc
@pytest.mark.parametrize("name", ["SIGKILL", "SIGTERM", "SIGHUP", "SIGINT"])
def test_no_worker_outlives_a_stopped_parallel_build(docs, tmp_path, warm, name):
    out, cache = tmp_path / "out", warm
    # The last track must load the voice and speak: still building when the signal comes.
    forget(cache, "Toe Tap.", "Raise your toes.", "Lower your toes.")
    process = start(docs, out, cache, jobs=2)
    running = wait_for(process, lambda: any(out.glob("*.mp3")))
    workers = processes_started_by(process.pid)

    process.send_signal(getattr(signal, name))
    try:
        process.wait(timeout=30)
        left = wait_until_gone(workers, timeout=5)
    finally:
        for pid in filter(alive, workers):  # never leave a failed run's workers behind
            os.kill(pid, signal.SIGKILL)
    _, stderr = process.communicate(timeout=30)

    assert running, "the build ended before it could be stopped"
    assert len(workers) == 2
    assert left == [], f"workers {left} outlived the build"
    assert process.returncode != 0
    assert "Traceback" not in stderr, stderr
    assert "KeyboardInterrupt" not in stderr
    assert len(list(out.glob("*.mp3"))) < len(NAMES)
    assert_only_whole_files(out)
    if name == "SIGKILL":  # the workers removed theirs; only the killed run's own may stay
        assert all(p.name.startswith(f".{MANIFEST}.") for p in temp_files(out)), temp_files(out)
    else:
        assert temp_files(out) == []
    assert_next_run_completes(docs, out, cache)


@needs_proc
def test_a_dead_worker_costs_only_the_tracks_it_held(docs, tmp_path, warm):
    out, cache = tmp_path / "out", warm
    # The two short tracks are built first, each in its own worker, and must speak; the
    # long one waits for a free worker, all of its clips ready.
    spoken = ["Arm Raise.", "Raise your arms.", "Lower your arms."]
    spoken += ["Heel Lift.", "Raise your heels.", "Lower your heels."]
    forget(cache, *spoken)
    entries = [clip(cache, line) for line in spoken]
    process = start(docs, out, cache, jobs=2)
    running = wait_for(process, lambda: any(entry.exists() for entry in entries))
    workers = processes_started_by(process.pid)
    mp3s_before = list(out.glob("*.mp3"))

    os.kill(workers[0], signal.SIGKILL)
    try:
        _, stderr = process.communicate(timeout=120)
    finally:
        for pid in filter(alive, workers):
            os.kill(pid, signal.SIGKILL)

    assert running and mp3s_before == [], "no worker was building when it was killed"
    errors = [line for line in stderr.splitlines() if line.startswith("error:")]
    died = "not built: a worker process died while it was being built"
    assert errors == [
        f"error: {docs / name}.md: {died} (killed by signal 9 (SIGKILL), out of memory?); "
        "run the build again"
        for name in NAMES[:2]
    ], stderr
    assert "Traceback" not in stderr, stderr
    assert "1 built, 0 up to date, 2 failed" in stderr
    assert process.returncode == 1
    assert [p.name for p in out.glob("*.mp3")] == [f"{NAMES[2]}.mp3"]  # the batch went on
    assert_only_whole_files(out)
    assert temp_files(out) == []  # the worker stopped with the dead one cleaned up
    assert wait_until_gone(workers, timeout=5) == []
