"""The podcast export end to end: a folder of two exercises and a plan becomes loudness-
normalized, tagged episodes, a cover, an RSS feed podcast apps accept and a page; re-runs
rebuild only what changed and keep episode ids stable."""

from __future__ import annotations

import errno
import html
import io
import json
import re
import shutil
from pathlib import Path

import feedparser
import miniaudio
import numpy as np
import pyloudnorm
import pytest
import yaml
from click.testing import CliRunner
from conftest import assert_exit
from lxml import etree
from mutagen.id3 import ID3, CTOCFlags
from PIL import Image
from scipy.signal import resample_poly

from audio_builder.cli import main

BASE = "https://example.com/pod"
FAST = ["--jobs", "1", "--sets", "1", "--reps", "3", "--tempo", "1-0-1"]
ITUNES = "{http://www.itunes.com/dtds/podcast-1.0.dtd}"
DOC = """---
title: {title}
description: "{description}"
---
### Equipment Needed
- {equipment}

<!-- howto -->

### Set Up
Stand tall.

### Raise
Raise your arms.

### Lower
Lower your arms.
"""
EXERCISES = {
    "arm-raise.md": ("Arm Raise", "Lift both arms overhead.", "Light dumbbells"),
    "calf-lift.md": ("Calf Lift", "Rise onto your toes.", "A sturdy step"),
}
PLAN_TITLE = "Push & Pull <Fast> \"Quick\" 'Set'"
PLAN_DESCRIPTION = 'Tom & Jerry\'s <b>core</b> "blast", 3 < 4 > 2.'
PLAN = {
    "title": PLAN_TITLE,
    "description": PLAN_DESCRIPTION,
    "rest_between": 5,
    "exercises": list(EXERCISES),
}
TITLES = ["Arm Raise", "Calf Lift", PLAN_TITLE]
STEMS = ["arm-raise", "calf-lift", "push-pull-fast-quick-set"]


def write_inputs(folder: Path, docs: dict = EXERCISES, plan: dict | None = PLAN) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, (title, description, equipment) in docs.items():
        text = DOC.format(title=title, description=description, equipment=equipment)
        (folder / name).write_text(text, encoding="utf-8")
    if plan is not None:
        (folder / "session.yaml").write_text(yaml.safe_dump(plan), encoding="utf-8")
    return folder


def podcast(runner: CliRunner, src: Path, out: Path, *extra: str):
    return runner.invoke(
        main, ["podcast", str(src), "-o", str(out), "--base-url", BASE, *FAST, *extra]
    )


@pytest.fixture(scope="module")
def export(tmp_path_factory):
    """Two exercises and a plan, published once with a fake voice as peaky as speech."""
    from conftest import VoicedEngine, new_runner

    folder = tmp_path_factory.mktemp("podcast")
    src = write_inputs(folder / "src")
    out = folder / "out"
    engine = VoicedEngine()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("AUDIO_BUILDER_CACHE_DIR", str(folder / "cache"))
        patch.setattr("audio_builder.cli.choose_engine", lambda *args, **kwargs: engine)
        result = podcast(new_runner(), src, out)
    assert result.exit_code == 0, result.stderr
    return src, out, result


@pytest.fixture(scope="module")
def feed(export):
    _, out, _ = export
    return feedparser.parse(str(out / "feed.xml"))


@pytest.fixture(scope="module")
def channel(export):
    _, out, _ = export
    return etree.parse(str(out / "feed.xml")).getroot().find("channel")


@pytest.fixture
def copy(export, tmp_path):
    """A private copy of the inputs and the output folder, to change and re-run."""
    src, out, _ = export
    return shutil.copytree(src, tmp_path / "src"), shutil.copytree(out, tmp_path / "out")


def mp3(out: Path, stem: str) -> Path:
    return out / "episodes" / f"{stem}.mp3"


def decode(path: Path) -> np.ndarray:
    decoded = miniaudio.mp3_read_file_s16(str(path))
    assert decoded.nchannels == 1 and decoded.sample_rate == 44100
    return np.array(decoded.samples, dtype=np.float64) / 32768


def guids(out: Path) -> dict[str, str]:
    return {e.title: e.id for e in feedparser.parse(str(out / "feed.xml")).entries}


def summary(result) -> str:
    return result.stderr.strip().splitlines()[-1]


# --- the feed -------------------------------------------------------------------------


def test_feed_parses_cleanly(feed):
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "rss20"


def test_channel(feed, channel):
    assert feed.feed.title == "audio_builder workouts"
    assert feed.feed.author == "audio_builder"
    assert feed.feed.language == "en"
    assert feed.feed.image.href == f"{BASE}/cover.png"
    assert channel.find(f"{ITUNES}image").get("href") == f"{BASE}/cover.png"
    assert channel.find(f"{ITUNES}author").text == "audio_builder"
    assert channel.find(f"{ITUNES}explicit").text == "false"
    (category,) = channel.findall(f"{ITUNES}category")
    assert category.get("text") == "Health & Fitness"
    assert [sub.get("text") for sub in category.findall(f"{ITUNES}category")] == ["Fitness"]


def test_one_item_per_exercise_and_plan_in_input_order(feed):
    assert [entry.title for entry in feed.entries] == TITLES
    assert [entry.itunes_episode for entry in feed.entries] == ["1", "2", "3"]


def test_items_have_unique_guids_and_dates(feed):
    ids = [entry.id for entry in feed.entries]
    assert all(ids) and len(set(ids)) == 3
    assert all(entry.published_parsed for entry in feed.entries)


def test_enclosures_point_at_the_files(feed, export):
    _, out, _ = export
    for entry, stem in zip(feed.entries, STEMS, strict=True):
        (enclosure,) = entry.enclosures
        assert enclosure.href == f"{BASE}/episodes/{stem}.mp3"
        assert enclosure.type == "audio/mpeg"
        assert int(enclosure.length) == mp3(out, stem).stat().st_size


def test_durations_match_the_audio(feed, export):
    _, out, _ = export
    for entry, stem in zip(feed.entries, STEMS, strict=True):
        seconds = len(decode(mp3(out, stem))) / 44100
        assert int(entry.itunes_duration) == pytest.approx(seconds, abs=1.0), stem


def test_transcript_and_chapters_links(feed, export):
    _, out, _ = export
    for entry, stem in zip(feed.entries, STEMS, strict=True):
        assert entry.podcast_transcript["url"] == f"{BASE}/episodes/{stem}.vtt"
        assert entry.podcast_transcript["type"] == "text/vtt"
        assert entry.podcast_chapters["url"] == f"{BASE}/episodes/{stem}.chapters.json"
        assert (out / "episodes" / f"{stem}.vtt").read_text().startswith("WEBVTT")
        assert (out / "episodes" / f"{stem}.chapters.json").exists()


@pytest.mark.parametrize("index", [0, 1], ids=["arm-raise", "calf-lift"])
def test_an_exercise_description_names_its_equipment(feed, index):
    _, description, equipment = list(EXERCISES.values())[index]
    summary_text = feed.entries[index].summary
    assert description in summary_text
    assert equipment in summary_text


def test_a_plan_description_names_all_equipment(feed):
    text = feed.entries[2].summary
    assert PLAN_DESCRIPTION in text
    assert "Light dumbbells" in text and "A sturdy step" in text


def test_markup_characters_are_escaped_in_the_feed(export, feed):
    _, out, _ = export
    raw = (out / "feed.xml").read_text(encoding="utf-8")
    assert "<Fast>" not in raw and "<b>core" not in raw
    assert feed.entries[2].title == PLAN_TITLE
    assert feed.entries[2].summary.startswith(PLAN_DESCRIPTION)


def test_markup_characters_are_escaped_in_the_page(export):
    _, out, _ = export
    page = (out / "index.html").read_text(encoding="utf-8")
    assert "<Fast>" not in page and "<b>core" not in page
    headings = [html.unescape(h) for h in re.findall(r"<h2>(.*?)</h2>", page)]
    assert headings == TITLES
    paragraphs = [html.unescape(p) for p in re.findall(r"<p>(.*?)</p>", page)]
    assert any(p.startswith(PLAN_DESCRIPTION) for p in paragraphs)


# --- the episodes ---------------------------------------------------------------------


@pytest.mark.parametrize("stem", STEMS)
def test_episode_loudness_and_true_peak(export, stem):
    """Decoded, each episode reads -16 LUFS and stays under -1 dBTP, although its mix
    needed limiting: raised to -16 LUFS as it was, its peaks would top the ceiling."""
    src, out, _ = export
    samples = decode(mp3(out, stem))
    loudness = pyloudnorm.Meter(44100).integrated_loudness(samples)
    assert loudness == pytest.approx(-16.0, abs=0.3)
    peak = np.abs(resample_poly(samples, 4, 1)).max()
    assert 20 * np.log10(peak) <= -1.0
    assert unlimited_peak_db(src, out.parent / "cache", stem) > -1.0 + 2.0


def unlimited_peak_db(src: Path, cache: Path, stem: str) -> float:
    """The true peak of the episode's mix if only raised to -16 LUFS, not limited."""
    from conftest import VoicedEngine

    from audio_builder.audio.cache import ClipCache
    from audio_builder.audio.meter import integrated_loudness
    from audio_builder.audio.narrator import Narrator
    from audio_builder.audio.render import render
    from audio_builder.build import load, time_track
    from audio_builder.settings import Tempo

    path = next(p for p in src.iterdir() if p.stem == stem or p.suffix == ".yaml")
    path = src / f"{stem}.md" if (src / f"{stem}.md").exists() else path
    track = load(path, {"sets": 1, "reps": 3, "tempo": Tempo(1.0, 0.0, 1.0)})
    narrator = Narrator(VoicedEngine(), ClipCache(cache))
    pcm = b"".join(render(time_track(track, narrator), narrator.sound))
    mix = np.frombuffer(pcm, dtype=np.int16).astype(np.float64) / 32768
    gain = -16.0 - integrated_loudness(mix, 44100)
    return 20 * np.log10(np.abs(resample_poly(mix, 4, 1)).max()) + gain


def test_id3_tags(export):
    _, out, _ = export
    for number, (stem, title) in enumerate(zip(STEMS, TITLES, strict=True), 1):
        tags = ID3(mp3(out, stem))
        assert str(tags["TIT2"]) == title
        assert str(tags["TALB"]) == "audio_builder workouts"
        assert str(tags["TPE1"]) == "audio_builder"
        assert str(tags["TCON"]) == "Podcast"
        assert str(tags["TRCK"]) == str(number)
        (picture,) = tags.getall("APIC")
        assert picture.mime == "image/png"
        assert picture.data == (out / "cover.png").read_bytes()


def test_id3_chapters_in_time_order_with_a_table_of_contents(export):
    _, out, _ = export
    for stem in STEMS:
        tags = ID3(mp3(out, stem))
        chaps = tags.getall("CHAP")
        assert len(chaps) >= 3
        starts = [frame.start_time for frame in chaps]
        assert starts == sorted(starts), stem
        assert all(frame.start_time < frame.end_time for frame in chaps)
        tocs = tags.getall("CTOC")
        (top,) = [toc for toc in tocs if toc.flags & CTOCFlags.TOP_LEVEL]
        known = {frame.element_id for frame in chaps} | {toc.element_id for toc in tocs}
        assert top.child_element_ids and set(top.child_element_ids) <= known


def test_generated_cover_is_a_1400_pixel_png(export):
    _, out, _ = export
    with Image.open(out / "cover.png") as image:
        assert image.format == "PNG"
        assert image.size == (1400, 1400)


# --- re-runs ----------------------------------------------------------------------------


def test_guids_are_stable_across_fresh_runs(export, tmp_path, runner, cli_engine):
    src, out, _ = export
    again = podcast(runner, src, tmp_path / "again")
    assert again.exit_code == 0, again.stderr
    assert guids(tmp_path / "again") == guids(out)


def test_guids_change_with_the_settings(tmp_path, runner, cli_engine):
    src = write_inputs(tmp_path / "src", plan=None)
    doc = src / "arm-raise.md"
    three = podcast(runner, doc, tmp_path / "three")
    two = podcast(runner, doc, tmp_path / "two", "--reps", "2")
    assert three.exit_code == two.exit_code == 0, two.stderr
    assert guids(tmp_path / "three")["Arm Raise"] != guids(tmp_path / "two")["Arm Raise"]


def test_guids_survive_a_new_episode_sorting_first(tmp_path, runner, cli_engine):
    """Adding an exercise must not give the episodes already published new ids (podcast
    apps would list them all again as new)."""
    src = write_inputs(tmp_path / "src", {"calf-lift.md": EXERCISES["calf-lift.md"]}, None)
    out = tmp_path / "out"
    assert podcast(runner, src, out).exit_code == 0
    before = guids(out)
    write_inputs(src, {"arm-raise.md": EXERCISES["arm-raise.md"]}, None)
    assert podcast(runner, src, out).exit_code == 0
    assert guids(out)["Calf Lift"] == before["Calf Lift"]


def test_a_rerun_with_nothing_changed_rebuilds_nothing_but_rewrites_the_feed(
    copy, runner, cli_engine
):
    src, out = copy
    feed_before = guids(out)
    (out / "feed.xml").unlink()
    (out / "index.html").unlink()
    result = podcast(runner, src, out)
    assert result.exit_code == 0, result.stderr
    assert summary(result).startswith("0 built, 3 up to date, 0 failed")
    assert cli_engine.calls == []
    assert guids(out) == feed_before
    assert (out / "index.html").exists()


def test_editing_an_exercise_rebuilds_it_and_the_plan_using_it(copy, runner, cli_engine):
    src, out = copy
    doc = src / "arm-raise.md"
    doc.write_text(doc.read_text().replace("Raise your arms.", "Raise your arms high."))
    result = podcast(runner, src, out)
    assert result.exit_code == 0, result.stderr
    assert summary(result).startswith("2 built, 1 up to date, 0 failed")
    built = re.findall(r"^built \S+/(\S+)\.mp3", result.stderr, re.MULTILINE)
    fresh = re.findall(r"^up to date \S+/(\S+)\.mp3", result.stderr, re.MULTILINE)
    assert sorted(built) == ["arm-raise", STEMS[2]]
    assert fresh == ["calf-lift"]


def test_a_bad_document_fails_but_the_feed_lists_the_good_episodes(copy, runner, cli_engine):
    src, out = copy
    (src / "zz-broken.md").write_text('---\nreps: "lots"\n---\n<!-- howto -->\n\n### Go\nGo.\n')
    result = podcast(runner, src, out)
    assert_exit(result, 1)
    assert "zz-broken.md" in result.stderr and "error:" in result.stderr
    assert summary(result).startswith("0 built, 3 up to date, 1 failed")
    parsed = feedparser.parse(str(out / "feed.xml"))
    assert not parsed.bozo
    assert [entry.title for entry in parsed.entries] == TITLES


# --- cover images ----------------------------------------------------------------------


def image_file(path: Path, size: tuple[int, int], kind: str) -> Path:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, format=kind)
    path.write_bytes(buffer.getvalue())
    return path


@pytest.mark.parametrize(
    ("size", "kind"),
    [((1400, 1000), "PNG"), ((800, 800), "JPEG")],
    ids=["not-square", "too-small"],
)
def test_a_bad_cover_is_refused_in_one_line(tmp_path, runner, cli_engine, size, kind):
    src = write_inputs(tmp_path / "src", plan=None)
    image = image_file(tmp_path / "cover.img", size, kind)
    result = podcast(runner, src, tmp_path / "out", "--image", str(image))
    assert_exit(result, 1)
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, result.stderr
    assert str(image) in errors[0]
    assert f"{size[0]}x{size[1]}" in errors[0]
    assert cli_engine.calls == []


def test_email_language_and_loudness_reach_the_feed_and_the_episodes(tmp_path, runner, cli_engine):
    src = write_inputs(tmp_path / "src", plan=None)
    out = tmp_path / "out"
    options = ["--email", "coach@example.com", "--language", "de", "--loudness", "-23"]

    result = podcast(runner, src / "arm-raise.md", out, *options)

    assert_exit(result, 0)
    channel = etree.parse(str(out / "feed.xml")).getroot().find("channel")
    assert channel.find(f"{ITUNES}owner/{ITUNES}email").text == "coach@example.com"
    assert feedparser.parse(str(out / "feed.xml")).feed.language == "de"
    samples = decode(mp3(out, "arm-raise"))
    loudness = pyloudnorm.Meter(44100).integrated_loudness(samples)
    assert loudness == pytest.approx(-23.0, abs=1.0)  # the default is -16


def test_a_square_jpeg_cover_is_used(tmp_path, runner, cli_engine):
    src = write_inputs(tmp_path / "src", plan=None)
    image = image_file(tmp_path / "art.jpg", (1400, 1400), "JPEG")
    out = tmp_path / "out"
    result = podcast(runner, src / "arm-raise.md", out, "--image", str(image))
    assert result.exit_code == 0, result.stderr
    assert (out / "cover.jpg").read_bytes() == image.read_bytes()
    assert not (out / "cover.png").exists()
    (picture,) = ID3(mp3(out, "arm-raise")).getall("APIC")
    assert picture.mime == "image/jpeg"
    assert picture.data == image.read_bytes()
    assert feedparser.parse(str(out / "feed.xml")).feed.image.href == f"{BASE}/cover.jpg"


# --- what the feed is made from ---------------------------------------------------------


def test_a_manifest_that_cannot_be_written_costs_only_the_next_rebuild(
    tmp_path, runner, cli_engine, monkeypatch
):
    """The feed and page are made from what the build handed over, not read back."""

    def refuse(path, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("audio_builder.manifest.write_atomic", refuse)
    src = write_inputs(tmp_path / "src")
    out = tmp_path / "out"

    result = podcast(runner, src, out)

    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    assert result.exit_code == 0, result.stderr
    assert not (out / "episodes" / ".audio_builder.json").exists()
    unrecorded = [line for line in result.stderr.splitlines() if "could not record" in line]
    assert len(unrecorded) == 3 and all("No space left" in line for line in unrecorded)
    parsed = feedparser.parse(str(out / "feed.xml"))
    assert [entry.title for entry in parsed.entries] == TITLES
    page = (out / "index.html").read_text(encoding="utf-8")
    for stem in STEMS:
        chapters = json.loads((out / "episodes" / f"{stem}.chapters.json").read_text())
        for chapter in chapters["chapters"]:
            assert f'data-seek="{chapter["startTime"]:.3f}">{chapter["title"]}<' in page
