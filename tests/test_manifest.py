"""The manifest: what each output was made from and every file it was written as, read
back by the next run; anything it cannot trust means a rebuild, never an error."""

from __future__ import annotations

from pathlib import Path

import pytest

from audio_builder.manifest import FILE_NAME, Entry, Manifest, stamp, track_key


@pytest.fixture
def output(tmp_path: Path) -> Path:
    """A track written as an MP3 and its cue sheet."""
    (tmp_path / "arm-raise.vtt").write_text("WEBVTT\n")
    path = tmp_path / "arm-raise.mp3"
    path.write_bytes(b"mp3")
    return path


def entry(output: Path, key: str = "k1", title: str = "Arm Raise") -> Entry:
    files = {p.name: stamp(p) for p in (output, output.with_suffix(".vtt")) if p.exists()}
    chapters = ((0.0, "Intro"), (12.5, "Set 1"))
    return Entry(
        key, "g1", "arm-raise.md", title, "Lift.", 61.5, ("Mat",), 2, "t", "en", chapters, files
    )


def test_a_recorded_track_is_current_in_the_next_run(tmp_path, output):
    Manifest(tmp_path).record(output, entry(output))

    found = Manifest(tmp_path).current(output, "k1")

    assert found == entry(output)
    assert found.chapters == ((0.0, "Intro"), (12.5, "Set 1"))
    assert found.files[output.name].size == 3


@pytest.mark.parametrize(
    "change", ["key", "mp3 gone", "mp3 edited", "sidecar gone", "sidecar edited"]
)
def test_other_inputs_or_a_missing_or_changed_file_are_not_current(tmp_path, output, change):
    Manifest(tmp_path).record(output, entry(output))
    sidecar = output.with_suffix(".vtt")
    key = "k2" if change == "key" else "k1"
    if change.endswith("gone"):
        (output if change.startswith("mp3") else sidecar).unlink()
    elif change.endswith("edited"):
        (output if change.startswith("mp3") else sidecar).write_bytes(b"mp4")

    assert Manifest(tmp_path).current(output, key) is None


def test_a_track_never_recorded_is_not_current(tmp_path, output):
    Manifest(tmp_path).record(output, entry(output))

    other = tmp_path / "calf-lift.mp3"
    other.write_bytes(b"mp3")
    assert Manifest(tmp_path).current(other, "k1") is None


def test_records_of_several_tracks_are_kept_even_when_opened_at_once(tmp_path, output):
    first, second = Manifest(tmp_path), Manifest(tmp_path)  # two builds, one folder
    other = tmp_path / "calf-lift.mp3"
    other.write_bytes(b"calf")
    first.record(output, entry(output))
    second.record(other, entry(other, "k9", "Calf Lift"))
    first.record(output, entry(output, "k3"))

    again = Manifest(tmp_path)

    assert sorted(again.entries) == ["arm-raise.mp3", "calf-lift.mp3"]
    assert again.current(output, "k3") == entry(output, "k3")
    assert again.current(other, "k9").title == "Calf Lift"


@pytest.mark.parametrize(
    "content",
    [b"", b"{not json", b"[]", b'{"other": 1}', b'{"tracks": {"a.mp3": {"key": 1}}}', b"\xff"],
    ids=["empty", "broken", "list", "no-tracks", "bad-entry", "not-utf8"],
)
def test_a_manifest_it_cannot_trust_means_rebuild_everything(tmp_path, output, content):
    (tmp_path / FILE_NAME).write_bytes(content)

    manifest = Manifest(tmp_path)

    assert manifest.entries == {}
    manifest.record(output, entry(output))
    assert Manifest(tmp_path).current(output, "k1") == entry(output)


def test_the_key_follows_every_input_byte_name_and_setting(tmp_path):
    doc = tmp_path / "a.md"
    doc.write_text("one")
    plan = tmp_path / "p.yaml"
    plan.write_text("plan")
    key = track_key((plan, doc), {"reps": 3})

    assert track_key((plan, doc), {"reps": 3}) == key
    assert track_key((plan, doc), {"reps": 4}) != key
    assert track_key((doc, plan), {"reps": 3}) != key
    assert track_key((plan, doc), {"reps": 3}, code=False) != key
    doc.write_text("two")
    assert track_key((plan, doc), {"reps": 3}) != key
    same_bytes = tmp_path / "b.md"
    same_bytes.write_text("two")
    assert track_key((plan, same_bytes), {"reps": 3}) != track_key((plan, doc), {"reps": 3})


def test_a_missing_input_has_a_key_of_its_own(tmp_path):
    missing = tmp_path / "gone.md"
    key = track_key((missing,), {})
    missing.write_text("")

    assert track_key((missing,), {}) != key
