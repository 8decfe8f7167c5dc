"""Which songs a music path names, every format decoded in-process, and every bad-music
case answered with one clear line: never a traceback or a half-made track."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from conftest import SIMPLE_DOC, tones, write_song

from audio_builder.audio.decode import read_stereo
from audio_builder.audio.music import MusicStream, open_playlist
from audio_builder.audio.pcm import RATE
from audio_builder.audio.songs import find_songs
from audio_builder.cli import main
from audio_builder.errors import MusicError

FAST = ["--sets", "1", "--reps", "2", "--jobs", "1"]


def peak_hertz(samples: np.ndarray, rate: int = RATE) -> float:
    spectrum = np.abs(np.fft.rfft(samples * np.hanning(len(samples))))
    return float(np.fft.rfftfreq(len(samples), 1 / rate)[np.argmax(spectrum)])


@pytest.mark.parametrize(
    ("suffix", "rate"),
    [
        (".wav", RATE),
        (".flac", RATE),
        (".mp3", RATE),
        (".m4a", RATE),
        (".ogg", RATE),
        (".opus", 48000),
    ],
)
def test_every_format_decodes_in_process_to_its_length_and_tones(tmp_path, suffix, rate):
    song = write_song(tmp_path / f"song{suffix}", tones(2.0, (1000, 2000), rate), rate)

    samples = np.concatenate(list(read_stereo(song)))

    assert abs(len(samples) / rate - 2.0) < 0.1
    middle = samples[rate // 2 : rate // 2 + 8192]
    assert abs(peak_hertz(middle[:, 0], rate) - 1000) < 10
    assert abs(peak_hertz(middle[:, 1], rate) - 2000) < 10


@pytest.mark.parametrize("rate", [8000, 96000])
def test_songs_at_other_rates_play_at_the_right_pitch(tmp_path, rate):
    song = write_song(tmp_path / "song.wav", tones(3.0, (700, 700), rate), rate)
    playlist = open_playlist((song,), str(song))

    music = MusicStream(playlist, level=-20).read(2 * RATE)

    assert abs(peak_hertz(music[RATE // 2 : RATE // 2 + 16384, 0]) - 700) < 5


def test_a_six_channel_song_is_mixed_down_to_stereo_with_a_note(tmp_path):
    song = write_song(tmp_path / "surround.wav", tones(2.0, (500, 600, 700, 800, 900, 1000)))

    playlist = open_playlist((song,), str(song))

    assert playlist.songs[0].channels == 6
    assert any("6 channels, mixed down to stereo" in note for note in playlist.notes)
    assert MusicStream(playlist, level=-20).read(RATE).shape == (RATE, 2)


def test_a_folder_is_its_audio_files_in_name_order(tmp_path):
    for name in ("b.mp3", "A.flac", "c.wav", "notes.txt"):
        (tmp_path / name).write_bytes(b"x")

    assert [p.name for p in find_songs(tmp_path)] == ["A.flac", "b.mp3", "c.wav"]


def test_a_playlist_resolves_relative_entries_from_its_own_folder(tmp_path):
    write_song(tmp_path / "music" / "one.wav", tones(1.0, (400, 400)))
    playlist = tmp_path / "lists" / "mix.m3u8"
    playlist.parent.mkdir()
    playlist.write_text("#EXTM3U\n#EXTINF:1,One\n../music/one.wav\n\n", encoding="utf-8")

    assert find_songs(playlist) == (tmp_path / "lists" / "../music/one.wav",)


def test_songs_crossfade_into_each_other_and_loop(tmp_path):
    first = write_song(tmp_path / "1.wav", tones(6.0, (600, 600)))
    second = write_song(tmp_path / "2.wav", tones(6.0, (900, 900)))
    stream = MusicStream(open_playlist((first, second), "music"), level=-20)

    music = stream.read(20 * RATE)[:, 0]

    def at(second: float) -> float:
        return peak_hertz(music[round(second * RATE) : round(second * RATE) + 8192])

    assert at(1) == pytest.approx(600, abs=5)
    assert at(5) == pytest.approx(900, abs=5)  # the second song started under the first's end
    assert at(9) == pytest.approx(600, abs=5)  # and the list went round again
    blocks = music[: 18 * RATE].reshape(-1, RATE // 10)
    assert np.sqrt((blocks**2).mean(axis=1)).min() > 0.05  # no gap anywhere


def build(runner, doc: Path, music: Path, tmp_path: Path):
    out = tmp_path / "out"
    result = runner.invoke(main, ["build", str(doc), "-o", str(out), "--music", str(music), *FAST])
    return result, out


def one_error(result) -> str:
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, result.stderr
    assert "Traceback" not in result.stderr
    return errors[0]


@pytest.fixture
def doc(write_doc) -> Path:
    return write_doc("arm-raise.md", SIMPLE_DOC.format(title="Arm Raise"))


def test_missing_music_is_a_usage_error(runner, cli_engine, doc, tmp_path):
    result, out = build(runner, doc, tmp_path / "nothing.mp3", tmp_path)

    assert result.exit_code == 2
    assert "nothing.mp3" in result.stderr and "does not exist" in result.stderr
    assert not out.exists()


def test_a_folder_without_audio_is_one_error(runner, cli_engine, doc, tmp_path):
    folder = tmp_path / "empty"
    folder.mkdir()
    (folder / "cover.jpg").write_bytes(b"x")

    result, out = build(runner, doc, folder, tmp_path)

    assert result.exit_code == 1
    assert "no audio files in this music folder" in one_error(result)
    assert not list(out.glob("*.mp3")) if out.exists() else True


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "not a known audio format"),
        (b"ID3" + bytes(range(256)) * 40, "not a known audio format"),
    ],
)
def test_an_unreadable_only_song_fails_the_track_with_one_line(
    runner, cli_engine, doc, tmp_path, content, reason
):
    song = tmp_path / "broken.mp3"
    song.write_bytes(content)

    result, out = build(runner, doc, song, tmp_path)

    assert result.exit_code == 1
    line = one_error(result)
    assert "broken.mp3" in line and reason in line
    assert not (out / "arm-raise.mp3").exists()


def test_bad_songs_are_skipped_by_name_and_the_good_ones_play(runner, cli_engine, doc, tmp_path):
    folder = tmp_path / "music"
    good = write_song(folder / "b-good.flac", tones(30, (3000, 3000)))
    truncated = write_song(folder / "a-truncated.flac", tones(30, (3000, 3000)))
    truncated.write_bytes(good.read_bytes()[: len(good.read_bytes()) // 3])
    (folder / "c-garbage.mp3").write_bytes(b"not audio at all")
    write_song(folder / "d-empty.wav", np.zeros((0, 2), np.float32))

    result, out = build(runner, doc, folder, tmp_path)

    assert result.exit_code == 0, result.stderr
    notes = [line for line in result.stderr.splitlines() if line.startswith("note:")]
    for name, why in [
        ("a-truncated.flac", "truncated"),
        ("c-garbage.mp3", "not a known audio format"),
        ("d-empty.wav", "0-length"),
    ]:
        assert any(name in note and why in note and "skipped" in note for note in notes), notes
    assert (out / "arm-raise.mp3").exists()


def test_a_playlist_with_missing_or_non_audio_entries(runner, cli_engine, doc, tmp_path):
    write_song(tmp_path / "good.wav", tones(20, (3000, 3000)))
    (tmp_path / "readme.txt").write_text("hello")
    playlist = tmp_path / "list.m3u"
    playlist.write_text("gone.mp3\nreadme.txt\ngood.wav\n")

    result, _ = build(runner, doc, playlist, tmp_path)

    assert result.exit_code == 0, result.stderr
    assert "gone.mp3: not found; skipped" in result.stderr
    assert "list.m3u: no usable song" not in result.stderr
    assert "readme.txt: not a known audio format" in result.stderr

    playlist.write_text("gone.mp3\nreadme.txt\n")
    failed, _ = build(runner, doc, playlist, tmp_path)
    assert failed.exit_code == 1
    line = one_error(failed)
    assert "list.m3u: no usable song (gone.mp3: not found; readme.txt: not a known" in line


def test_a_plan_names_its_music_relative_to_itself(runner, cli_engine, write_doc, tmp_path):
    write_doc("arm-raise.md", SIMPLE_DOC.format(title="Arm Raise"), folder="plans")
    write_song(tmp_path / "plans" / "tunes" / "song.wav", tones(20, (3000, 3000)))
    plan = write_doc(
        "session.yaml", "title: Session\nmusic: tunes\nexercises:\n  - arm-raise.md\n", "plans"
    )
    out = tmp_path / "out"

    result = runner.invoke(main, ["build", str(plan), "-o", str(out), *FAST])

    assert result.exit_code == 0, result.stderr
    assert np.concatenate(list(read_stereo(out / "session.mp3"))).shape[1] == 2

    plan.write_text("title: Session\nmusic: nowhere\nexercises:\n  - arm-raise.md\n")
    failed = runner.invoke(main, ["build", str(plan), "-o", str(out), *FAST])
    assert failed.exit_code == 1
    assert "nowhere: music not found" in one_error(failed)


def test_an_empty_playlist_is_a_music_error(tmp_path):
    playlist = tmp_path / "list.m3u8"
    playlist.write_text("#EXTM3U\n")

    with pytest.raises(MusicError, match="lists no songs"):
        find_songs(playlist)
