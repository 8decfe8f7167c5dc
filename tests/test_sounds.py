"""The listener's own beeps (--sounds): loaded through the one decoder, each in its
slot, refused by name when too long, and heard in the track in place of the built-in."""

from __future__ import annotations

import io

import miniaudio
import numpy as np
import pytest
from conftest import SEEDS, tone_mp3
from pydub.generators import Sine

from audio_builder.audio.beeps import SLOTS_MS, beep
from audio_builder.audio.cache import ClipCache
from audio_builder.audio.estimate import estimated_lengths
from audio_builder.audio.narrator import Narrator
from audio_builder.audio.pcm import RATE
from audio_builder.audio.sounds import load_sounds
from audio_builder.audio.timeline import schedule
from audio_builder.build import load
from audio_builder.cli import main
from audio_builder.errors import SoundError


def wav(path, ms: int, hertz: int = 500, rate: int = 48000) -> None:
    tone = Sine(hertz, sample_rate=rate, bit_depth=16).to_audio_segment(ms, volume=-3.0)
    buffer = io.BytesIO()
    tone.export(buffer, format="wav")
    path.write_bytes(buffer.getvalue())


@pytest.fixture
def sounds_dir(tmp_path):
    folder = tmp_path / "sounds"
    folder.mkdir()
    wav(folder / "tick.wav", SLOTS_MS["tick"])
    (folder / "go.mp3").write_bytes(tone_mp3(0.3))
    return folder


def test_sounds_are_loaded_in_the_track_format_at_the_beep_level(sounds_dir):
    sounds = load_sounds(sounds_dir)

    assert set(sounds) == {"tick", "go"}  # stop keeps the built-in beep
    for name, sound in sounds.items():
        assert sound.frame_rate == RATE and sound.channels == 1
        assert sound.max_dBFS == pytest.approx(beep(name).max_dBFS, abs=0.5)
    assert len(sounds["tick"]) == pytest.approx(SLOTS_MS["tick"], abs=2)


def test_a_sound_longer_than_its_slot_is_an_error_naming_the_file(sounds_dir):
    wav(sounds_dir / "go.wav", SLOTS_MS["go"] + 300)
    (sounds_dir / "go.mp3").unlink()

    with pytest.raises(SoundError, match=r"go\.wav: the 'go' sound lasts 0\.75 s.*0\.45 s slot"):
        load_sounds(sounds_dir)


def test_bad_folders_and_files(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(SoundError, match="no sounds in it"):
        load_sounds(empty)
    (empty / "tick.wav").write_bytes(b"RIFF not really")
    with pytest.raises(SoundError, match=r"tick\.wav: not a playable"):
        load_sounds(empty)
    wav(empty / "tick.wav", 100)
    (empty / "tick.mp3").write_bytes(tone_mp3(0.1))
    with pytest.raises(SoundError, match="two 'tick' sounds"):
        load_sounds(empty)


def test_the_slots_agree_with_the_coachs_timing(sounds_dir):
    """Sounds as long as their slots make no timed part of a track grow; a little
    longer, and they would."""
    wav(sounds_dir / "go.wav", SLOTS_MS["go"])
    (sounds_dir / "go.mp3").unlink()
    sounds = load_sounds(sounds_dir)
    for seed in ("band-glute-kickback.md", "forearm-plank.md"):
        script = load(SEEDS / seed, {}).script
        assert not schedule(script, estimated_lengths(sounds)).stretches
        for name in ("tick", "go"):
            longer = {**sounds, name: sounds[name] + sounds[name][:60]}
            if seed == "band-glute-kickback.md" or name == "tick":  # a hold has no rep after go
                assert schedule(script, estimated_lengths(longer)).stretches, (seed, name)


def test_the_track_plays_the_listeners_sounds(runner, cli_engine, sounds_dir, tmp_path):
    out = tmp_path / "out"
    low = sounds_dir / "tick.wav"
    wav(low, 300, hertz=220)

    plank = str(SEEDS / "forearm-plank.md")
    args = ["build", plank, "-o", str(out), "--sounds", str(sounds_dir), "--sets", "1"]
    result = runner.invoke(main, args)

    assert result.exit_code == 0, result.stderr
    decoded = miniaudio.mp3_read_file_s16(str(out / "forearm-plank.mp3"))
    samples = np.asarray(decoded.samples, dtype=np.float32)
    narrator = Narrator(cli_engine, ClipCache(tmp_path / "c"), sounds=load_sounds(sounds_dir))
    timeline = schedule(load(SEEDS / "forearm-plank.md", {"sets": 1}).script, narrator.length)
    tick = next(c for c in timeline.cues if c.text == "tick")
    window = samples[tick.start + 1500 : tick.start + 1500 + 4410]  # 100 ms past the MP3 delay
    spectrum = np.abs(np.fft.rfft(window))
    assert np.fft.rfftfreq(len(window), 1 / RATE)[spectrum.argmax()] == pytest.approx(220, abs=20)


def test_a_too_long_sound_fails_the_command_with_its_name(runner, cli_engine, tmp_path):
    folder = tmp_path / "sounds"
    folder.mkdir()
    wav(folder / "tick.wav", 2000)

    result = runner.invoke(
        main,
        [
            "build",
            str(SEEDS / "forearm-plank.md"),
            "-o",
            str(tmp_path / "out"),
            "--sounds",
            str(folder),
        ],
    )

    assert result.exit_code == 1
    assert f"error: {folder / 'tick.wav'}: the 'tick' sound lasts 2.00 s" in result.stderr
    assert not (tmp_path / "out").exists()


def test_the_sounds_are_part_of_what_makes_a_track_up_to_date(
    runner, cli_engine, sounds_dir, tmp_path
):
    out = tmp_path / "out"
    args = ["build", str(SEEDS / "forearm-plank.md"), "-o", str(out), "--sets", "1"]

    runner.invoke(main, args)
    again = runner.invoke(main, [*args, "--sounds", str(sounds_dir)])

    assert "1 built, 0 up to date" in again.stderr
