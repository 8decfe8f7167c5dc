"""The clip cache: round trips, damage read as a miss, and each phrase spoken once."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from conftest import SIMPLE_DOC

from audio_builder.audio.cache import ClipCache, default_cache_dir
from audio_builder.audio.narrator import Narrator

PCM = bytes(range(256)) * 40


@pytest.fixture
def cache(cache_dir) -> ClipCache:
    return ClipCache(cache_dir)


def test_round_trip(cache):
    key = ClipCache.key("fake", "test", "Seven.")

    cache.put(key, PCM)

    assert cache.get(key) == PCM
    assert cache.path(key).is_file()


def test_missing_entry_is_a_miss(cache):
    assert cache.get(ClipCache.key("fake", "test", "never stored")) is None


def test_overwrite_replaces_and_leaves_no_temp_files(cache):
    key = ClipCache.key("fake", "test", "Seven.")
    cache.put(key, PCM)
    cache.put(key, b"\x01\x02" * 10)

    assert cache.get(key) == b"\x01\x02" * 10
    assert os.listdir(cache.path(key).parent) == [cache.path(key).name]


def test_truncated_entry_is_a_miss(cache):
    key = ClipCache.key("fake", "test", "Seven.")
    cache.put(key, PCM)
    path = cache.path(key)
    path.write_bytes(path.read_bytes()[:-100])

    assert cache.get(key) is None


@pytest.mark.parametrize("position", [0, 10, 50, -1], ids=["magic", "size", "digest", "pcm"])
def test_flipped_byte_is_a_miss(cache, position):
    key = ClipCache.key("fake", "test", "Seven.")
    cache.put(key, PCM)
    path = cache.path(key)
    data = bytearray(path.read_bytes())
    data[position] ^= 0x40
    path.write_bytes(bytes(data))

    assert cache.get(key) is None


def test_key_depends_on_engine_voice_and_text():
    keys = {
        ClipCache.key("fake", "test", "Seven."),
        ClipCache.key("piper", "test", "Seven."),
        ClipCache.key("fake", "other", "Seven."),
        ClipCache.key("fake", "test", "Eight."),
        ClipCache.key("fake", "test", "seven."),
    }
    assert len(keys) == 5
    assert ClipCache.key("fake", "test", "Seven.") == ClipCache.key("fake", "test", "Seven.")


def test_key_fields_cannot_run_together():
    assert ClipCache.key("ab", "c", "d") != ClipCache.key("a", "bc", "d")


def test_cache_dir_comes_from_the_environment(cache_dir):
    assert default_cache_dir() == cache_dir


def test_voice_synthesizes_each_phrase_once(narrator, fake_engine):
    for text in ["One.", "Two.", "One.", "One.", "Two.", "Halfway."]:
        narrator.clip(text)
    narrator.length("speech", "One.")

    assert sorted(fake_engine.calls) == ["Halfway.", "One.", "Two."]
    assert narrator.synthesized == 3


def test_a_second_voice_on_the_same_cache_synthesizes_nothing(narrator, fake_engine, cache_dir):
    first = [narrator.clip(text).raw_data for text in ("One.", "Two.")]
    again = Narrator(fake_engine, ClipCache(cache_dir))

    second = [again.clip(text).raw_data for text in ("One.", "Two.")]

    assert second == first
    assert len(fake_engine.calls) == 2
    assert again.synthesized == 0


def test_a_damaged_entry_is_synthesized_again(narrator, fake_engine, cache_dir):
    clip = narrator.clip("Last one.").raw_data
    cache = ClipCache(cache_dir)
    path = cache.path(ClipCache.key("fake", "test", "Last one."))
    path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2])

    again = Narrator(fake_engine, ClipCache(cache_dir))
    redone = again.clip("Last one.").raw_data

    assert fake_engine.calls == ["Last one.", "Last one."]
    assert again.synthesized == 1
    assert redone == clip
    assert cache.get(ClipCache.key("fake", "test", "Last one.")) == clip  # repaired


def test_clips_are_in_track_format(narrator):
    clip = narrator.clip("Seven.")

    assert (clip.frame_rate, clip.channels, clip.sample_width) == (44100, 1, 2)
    assert clip.max_dBFS == pytest.approx(-1.5, abs=0.2)
    assert len(clip) == pytest.approx(60 * len("Seven.") + 100, abs=40)


def test_beeps_are_not_spoken(narrator, fake_engine):
    assert narrator.length("beep", "go") > 0
    assert fake_engine.calls == []


def test_a_warm_build_without_music_never_loads_numpy(tmp_path, cache_dir):
    """Resampling, music and loudness load numpy and soxr when a build needs them; a
    rebuild from the cache needs none of them (50 ms of every warm build)."""
    doc = tmp_path / "squat.md"
    doc.write_text(SIMPLE_DOC, encoding="utf-8")
    code = (
        "import atexit, sys; from audio_builder.cli import main;"
        " atexit.register(lambda: print(sorted({'numpy', 'soxr'} & set(sys.modules))));"
        " main(sys.argv[1:])"
    )

    def build(out: str) -> str:
        args = [sys.executable, "-c", code, "build", str(doc), "--engine", "piper", "-o", out]
        done = subprocess.run([*args, "--sets", "1", "--reps", "2"], capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        return done.stdout.splitlines()[-1]

    assert build(str(tmp_path / "cold")) == "['numpy', 'soxr']"  # the voice was resampled
    assert build(str(tmp_path / "warm")) == "[]"
