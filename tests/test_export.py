"""Writing the MP3: it decodes, lasts as long as its PCM, carries tags and ordered chapters,
and an interrupted write leaves nothing behind."""

from __future__ import annotations

import os

import miniaudio
import pytest
from mutagen.id3 import ID3
from pydub.generators import Sine

from audio_builder.audio.encode import write_mp3
from audio_builder.audio.tags import Tags
from audio_builder.audio.timeline import RATE, Chapter

TITLES = ["Intro", "Set 1", "A rather long rest chapter title", "Set 2", "Outro"]


@pytest.fixture(scope="module")
def pcm() -> bytes:
    tone = Sine(440, sample_rate=RATE, bit_depth=16).to_audio_segment(3000, volume=-10.0)
    return tone.set_channels(1).raw_data


def chunks(data: bytes, size: int = 8192):
    for start in range(0, len(data), size):
        yield data[start : start + size]


def chapters(total: int) -> tuple[Chapter, ...]:
    step = total // len(TITLES)
    bounds = [i * step for i in range(len(TITLES))] + [total]
    return tuple(Chapter(bounds[i], bounds[i + 1], t) for i, t in enumerate(TITLES))


@pytest.fixture
def written(tmp_path, pcm):
    path = tmp_path / "out" / "track.mp3"
    tags = Tags("Band Glute Kickback", "Isolate the glutes.", chapters(len(pcm) // 2))
    write_mp3(path, chunks(pcm), tags, bitrate=64)
    return path


def test_decodes_as_mono_44100_of_the_right_length(written, pcm):
    path = written
    assert path.stat().st_size > 0

    decoded = miniaudio.mp3_read_file_s16(str(path))

    assert decoded.nchannels == 1
    assert decoded.sample_rate == 44100
    assert decoded.num_frames / decoded.sample_rate == pytest.approx(len(pcm) / 2 / RATE, abs=0.06)


def test_id3v24_tags(written):
    path = written
    tags = ID3(path)

    assert tags.version[:2] == (2, 4)
    assert str(tags["TIT2"]) == "Band Glute Kickback"
    assert str(tags["TPE1"]) == "audio_builder"
    assert str(tags["TALB"]) == "audio_builder"
    assert str(tags["TCON"]) == "Fitness"
    assert tags.getall("COMM")[0].text == ["Isolate the glutes."]


def test_chapters_in_file_order_equal_time_order(written, pcm):
    path = written
    tags = ID3(path)

    chaps = tags.getall("CHAP")  # the order they were read from the file

    assert len(chaps) == len(TITLES)
    starts = [chap.start_time for chap in chaps]
    assert starts == sorted(starts)
    assert [str(chap.sub_frames["TIT2"]) for chap in chaps] == TITLES
    assert starts[0] == 0
    assert chaps[-1].end_time == round(len(pcm) / 2 * 1000 / RATE)


def test_table_of_contents_lists_chapters_in_time_order(written):
    path = written
    tags = ID3(path)

    (toc,) = tags.getall("CTOC")
    by_id = {chap.element_id: chap for chap in tags.getall("CHAP")}

    assert [str(by_id[i].sub_frames["TIT2"]) for i in toc.child_element_ids] == TITLES
    times = [by_id[i].start_time for i in toc.child_element_ids]
    assert times == sorted(times)


def test_interrupted_write_leaves_nothing(tmp_path, pcm):
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "broken.mp3"

    def failing():
        yield pcm[:8192]
        raise RuntimeError("renderer crashed")

    with pytest.raises(RuntimeError, match="renderer crashed"):
        write_mp3(target, failing(), Tags("T", "C", ()))

    assert not target.exists()
    assert os.listdir(folder) == []


def test_interrupted_write_keeps_the_previous_file(tmp_path, pcm):
    target = tmp_path / "kept.mp3"
    write_mp3(target, chunks(pcm), Tags("Old", "C", ()))
    before = target.read_bytes()

    def failing():
        yield pcm[:8192]
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_mp3(target, failing(), Tags("New", "C", ()))

    assert target.read_bytes() == before
    assert os.listdir(tmp_path) == ["kept.mp3"]
